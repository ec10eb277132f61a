package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/term"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/export"
	"github.com/parallax-reader/parallax/corpus/notes"
	"github.com/parallax-reader/parallax/corpus/pipeline"
)

// runExport writes the tagged passages (and, for the HTML report, the
// comparison) in one of the export formats, to a file or to stdout.
func runExport(env *Env, args []string) int {
	flags := newFlagSet(env, "export",
		"parallax export [--format md|csv|json|qdpx|qdc|html] [-o FILE] [--force] [--notes FILE] [--group-by tag|outlet|article] [--inline-tags] [--bom] [--title TEXT] [--story ID | --thread ID] [PATH...]",
		"parallax export --format md > notes.md             # Markdown notes of the embedded corpus",
		"parallax export --format csv -o notes.csv ~/news   # one row per passage and tag, for a spreadsheet",
		"parallax export -o project.qdpx ~/news             # REFI-QDA project for NVivo, ATLAS.ti, MAXQDA, QualCoder",
		"parallax export --format html -o report.html       # the articles side by side, for any browser",
		"parallax export --format json -o notes.json        # W3C Web Annotations; read back with 'parallax import'")
	format := flags.String("format", "", "md, csv, json, qdpx, qdc or html (default: from the -o extension, else md)")
	out := flags.String("o", "", "write to `FILE` instead of stdout (required for qdpx on a terminal)")
	force := flags.Bool("force", false, "overwrite FILE if it exists")
	notesPath := flags.String("notes", "", "the notes `FILE` (default: beside the corpus, or the embedded corpus's notes)")
	groupBy := flags.String("group-by", "tag", "group Markdown notes by tag, outlet or article")
	inline := flags.Bool("inline-tags", false, "write tags as #tag in Markdown (Obsidian and other note apps)")
	bom := flags.Bool("bom", false, "start CSV with a UTF-8 byte order mark (for older Excel)")
	title := flags.String("title", "", "title of the Markdown and HTML documents and of the REFI-QDA project")
	scope := addScopeFlags(flags)
	addReadFlags(flags, env)
	var coders fileList
	flags.Var(&coders, "agreement", "end the md or html export with the inter-coder agreement of the notes file and this other coder's notes `FILE` (repeatable; see parallax agreement)")
	paths, err := parseArgs(flags, args)
	if err != nil {
		return flagExit(err)
	}
	story, err := scope.id()
	if err != nil {
		return errorf(env, "%v", err)
	}

	f, err := chooseFormat(*format, *out)
	if err != nil {
		return errorf(env, "%v", err)
	}
	if len(coders) > 0 && f != export.Markdown && f != export.HTML {
		return errorf(env, "--agreement: the agreement table goes into the md and html exports; for it as CSV use 'parallax agreement --csv'")
	}
	group, err := export.ParseGroupBy(*groupBy)
	if err != nil {
		return errorf(env, "%v", err)
	}
	toStdout := *out == "" || *out == "-"
	if w := extensionMismatch(f, *out); w != "" {
		fmt.Fprintln(env.Stderr, "parallax: warning: "+w)
	}
	if toStdout && f.Binary() {
		if fl, ok := env.Stdout.(*os.File); ok && term.IsTerminal(int(fl.Fd())) {
			return errorf(env, "a .qdpx project is a zip file: give -o FILE (for example -o project.qdpx), or redirect stdout")
		}
	}
	if !toStdout && !*force {
		// Fail before loading and analysing anything.
		if _, err := os.Lstat(*out); err == nil {
			return errorf(env, "%s already exists; use --force to overwrite it", *out)
		}
	}

	c, err := loadToAnalyse(env, paths)
	if c == nil {
		return errorf(env, "%v", err)
	}
	if err != nil {
		return errorf(env, "%v", err)
	}
	printLoadErrors(env.Stderr, c.Errors)
	in := export.Input{Corpus: c, Title: *title}
	np := *notesPath
	if np == "" {
		np = defaultNotesPath(env, c, paths)
	} else {
		settleIDs(env, c, np)
	}
	_, statErr := os.Stat(np)
	// The analyses run for the report's facts and framing, and the
	// comparison to find the articles of --story or --thread; the story
	// corrections made in the reader shape it.
	var run *pipeline.Run
	if f.UsesAnalysis() || story != "" {
		need := []pipeline.Step{pipeline.Corrections, pipeline.Facts, pipeline.Scope}
		if f.UsesAnalysis() {
			need = append(need, pipeline.Framing)
		}
		if run, err = runPipeline(env, c, paths, *notesPath, pipeline.Options{Facts: true, Framing: f.UsesAnalysis(), Scope: story, NoMisses: true}, need...); err != nil {
			return errorf(env, "%v", err)
		}
	}

	if errors.Is(statErr, fs.ErrNotExist) {
		if *notesPath != "" {
			return errorf(env, "no notes file at %s", np)
		}
		fmt.Fprintf(env.Stderr, "parallax: no notes yet (%s does not exist); exporting without tagged passages\n", clean(np))
	} else {
		codes, ns, err := readStore(env, np, c)
		if err != nil {
			return errorf(env, "%v", err)
		}
		in.Codebook, in.Notes = codes, ns
		if n, arts := in.LeftOut(); n > 0 {
			fmt.Fprintf(env.Stderr, "parallax: left out %s of %s not loaded now; load those articles too (the whole folder, say) to include them\n",
				plural(n, "tagged passage"), plural(arts, "other article"))
		}
	}

	// The notes were read and re-anchored against the whole corpus, so a
	// scope leaves the other articles' notes as they are.
	if run != nil {
		in.Corpus = run.Corpus
		if f.UsesAnalysis() {
			in.Facts, in.Markers, in.Analysed = run.Facts.Facts, run.Framing.Markers, true
		}
	}

	if len(coders) > 0 {
		if statErr != nil {
			return errorf(env, "--agreement: %s, the first coder's notes file, does not exist", np)
		}
		if in.Agreement, err = exportAgreement(env, in.Corpus, append([]string{np}, coders...)); err != nil {
			return errorf(env, "--agreement: %v", err)
		}
	}

	opts := export.Options{GroupBy: group, InlineTags: *inline, BOM: *bom}
	if toStdout {
		var buf bytes.Buffer
		if err := export.Write(&buf, f, in, opts); err != nil {
			return errorf(env, "%v", err)
		}
		if _, err := env.Stdout.Write(buf.Bytes()); err != nil {
			return errorf(env, "write %s export: %v", f, err)
		}
		return 0
	}
	if err := export.WriteFile(*out, f, in, opts, *force); err != nil {
		var ee *export.ExistsError
		if errors.As(err, &ee) {
			return errorf(env, "%s already exists; use --force to overwrite it", ee.Path)
		}
		return errorf(env, "%v", err)
	}
	abs, _ := filepath.Abs(*out)
	left, _ := in.LeftOut()
	what := plural(len(in.Notes)-left, "tagged passage")
	if f == export.QDC {
		what = plural(len(in.Codebook), "code")
	}
	fmt.Fprintf(env.Stderr, "wrote %s: %s; %s\n", clean(abs), f.Description(), what)
	return 0
}

// chooseFormat returns the format named by --format, else the one the
// output file's extension names, else Markdown.
func chooseFormat(format, out string) (export.Format, error) {
	if format != "" {
		return export.ParseFormat(format)
	}
	if ext := strings.ToLower(filepath.Ext(out)); ext != "" && out != "-" {
		f, err := export.ParseFormat(ext)
		if err != nil {
			return "", fmt.Errorf("cannot tell the format from %q: give --format md, csv, json, qdpx, qdc or html", out)
		}
		return f, nil
	}
	return export.Markdown, nil
}

// extensionMismatch says when --format writes one format into a file whose
// extension names another (CSV into out.json), which the program that
// opens the file by its name would then misread; "" when they agree or
// the extension names no format.
func extensionMismatch(f export.Format, out string) string {
	named, ok := export.NamedBy(out)
	if !ok || named == f {
		return ""
	}
	ext := filepath.Ext(out)
	return fmt.Sprintf("writing %s to %s, whose %s extension says %s: name it %s, or drop --format to write %s",
		formatName(f), out, ext, formatName(named), strings.TrimSuffix(out, ext)+f.Extension(), formatName(named))
}

// formatName names a format in a sentence: "Markdown", "CSV", "JSON"...
func formatName(f export.Format) string {
	if f == export.Markdown {
		return "Markdown"
	}
	return strings.ToUpper(string(f))
}

// readStore reads the codebook and notes of a notes file, after placing
// the notes on the articles as loaded now (as the reader and 'parallax
// notes' do), so an edited article does not export its notes as orphaned.
func readStore(env *Env, path string, c *corpus.Corpus) ([]notes.Code, []notes.Note, error) {
	st, err := openToRead(env, path)
	if err != nil {
		return nil, nil, err
	}
	defer st.Close()
	if len(c.Articles) > 0 {
		if _, _, err := st.Reanchor(c); err != nil {
			fmt.Fprintf(env.Stderr, "parallax: %s; exporting the notes as they were saved\n", clean(err.Error()))
		}
	}
	codes, err := st.Codebook()
	if err != nil {
		return nil, nil, fmt.Errorf("read codebook of %s: %w", path, err)
	}
	ns, err := st.Notes()
	if err != nil {
		return nil, nil, fmt.Errorf("read notes of %s: %w", path, err)
	}
	return codes, ns, nil
}

package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/google/renameio/v2/maybe"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/notes"
)

// noteJSON is one tagged passage in the JSON contract of 'parallax notes'.
type noteJSON struct {
	ID       string   `json:"id"`
	Article  string   `json:"article"`
	Start    int      `json:"start"`
	End      int      `json:"end"`
	Quote    string   `json:"quote"`
	Tags     []string `json:"tags"`
	Memo     string   `json:"memo"`
	Orphaned bool     `json:"orphaned"`
	// Coder is who made the note ("" when the file does not say: notes
	// made before coders were recorded).
	Coder string `json:"coder"`
	// MadeOn is the hash of the article text the note was made on (""
	// when unknown: notes made before schema version 6); MadeOnVersion
	// the library version with that text, for a library's notes.
	MadeOn        string `json:"made_on"`
	MadeOnVersion int    `json:"made_on_version,omitempty"`
}

// notesPath returns the notes file: the --notes flag, else the default
// place for the corpus.
func notesPath(env *Env, flagValue string, c *corpus.Corpus, paths []string) string {
	if flagValue != "" {
		return flagValue
	}
	return defaultNotesPath(env, c, paths)
}

// defaultNotesPath is where a corpus's notes live: notes.DefaultPath, and
// library-notes.db beside the library for the library's articles.
func defaultNotesPath(env *Env, c *corpus.Corpus, paths []string) string {
	if lib, ok := strings.CutPrefix(c.Name, "library "); ok && len(paths) == 0 {
		// The library's notes live beside it.
		return filepath.Join(filepath.Dir(lib), "library-notes.db")
	}
	return notes.DefaultPath(c, paths, dataDir(env))
}

// runNotes lists the codebook and the tagged passages of a corpus, after
// re-anchoring them on the articles as loaded now.
func runNotes(env *Env, args []string) int {
	fset := newFlagSet(env, "notes", "parallax notes [--json] [--notes FILE] [--by CODER...] [--starter NAME] [--import-codebook FILE] [--export-codebook FILE] [--coder NAME] [PATH...]",
		"parallax notes                          # notes on the embedded corpus",
		"parallax notes ~/articles               # notes in ~/articles/.parallax-notes.db",
		"parallax notes --notes team.db --by anna          # only anna's notes ('(unknown)': notes without a coder)",
		"parallax notes --json ~/articles | jq '.notes[] | select(.tags | index(\"blame\"))'",
		"parallax notes --notes study.db ~/articles",
		"parallax notes --starter media-frames ~/articles          # add the 15 Media Frames Corpus codes",
		"parallax notes --import-codebook team.qdc --export-codebook mine.csv ~/articles")
	asJSON := fset.Bool("json", false, "print JSON: {\"codebook\": [...], \"notes\": [...]}")
	notesFlag := fset.String("notes", "", "the notes file (default: beside the corpus folder, or in the data dir for the embedded corpus)")
	starter := fset.String("starter", "", "first add a starter codebook: "+strings.Join(notes.StarterNames(), ", "))
	importCB := fset.String("import-codebook", "", "first add the codes of a codebook FILE (.qdc REFI-QDA or .csv)")
	exportCB := fset.String("export-codebook", "", "write the codebook to FILE (.qdc REFI-QDA or .csv); an existing file is not overwritten")
	var by coderList
	fset.Var(&by, "by", "list only the notes of the coder `NAME` (repeatable; \""+notes.UnknownCoder+"\": the notes without a coder); the codebook is listed whole")
	coderFlag := addCoderFlag(fset)
	addReadFlags(fset, env)
	paths, err := parseArgs(fset, args)
	if err != nil {
		return flagExit(err)
	}
	var imports []codebookSource
	if *starter != "" {
		codes, err := notes.Starter(*starter)
		if err != nil {
			return errorf(env, "--starter: %v", err)
		}
		imports = append(imports, codebookSource{"starter " + *starter, codes})
	}
	if *importCB != "" {
		codes, err := readCodebookFile(*importCB)
		if err != nil {
			return errorf(env, "--import-codebook: %v", err)
		}
		imports = append(imports, codebookSource{*importCB, codes})
	}
	if *exportCB != "" {
		if err := checkCodebookFile(*exportCB); err != nil {
			return errorf(env, "--export-codebook: %v", err)
		}
	}
	c, err := loadCorpus(env, paths)
	if c == nil {
		return loadFailed(env, err)
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "parallax: %s\nparallax: the notes are listed without re-anchoring them\n", loadProblem(err))
	}
	path := notesPath(env, *notesFlag, c, paths)
	if *notesFlag != "" {
		settleIDs(env, c, path)
	}

	var codes []notes.Code
	var all []notes.Note
	if _, statErr := os.Stat(path); errors.Is(statErr, fs.ErrNotExist) && len(imports) == 0 {
		// Listing never creates a notes file.
		if *exportCB != "" {
			return errorf(env, "--export-codebook: no codebook yet: %s does not exist", path)
		}
		if !*asJSON {
			fmt.Fprintf(env.Stdout, "No notes yet: %s does not exist. Tag a passage in the reader or with 'parallax tag'.\n", clean(path))
			return 0
		}
	} else {
		open := func(p string) (*notes.Store, error) { return openToRead(env, p) }
		if len(imports) > 0 {
			// Adding codes writes: they record their coder.
			coder, err := resolveCoder(env, *coderFlag)
			if err != nil {
				return errorf(env, "%v", err)
			}
			open = func(p string) (*notes.Store, error) { return openAsCoder(p, coder) }
		}
		s, err := open(path)
		if err != nil {
			return errorf(env, "%v", err)
		}
		defer s.Close()
		if len(c.Articles) > 0 {
			if _, _, err := s.Reanchor(c); err != nil {
				fmt.Fprintf(env.Stderr, "parallax: %s\n", clean(err.Error()))
			}
		}
		for _, im := range imports {
			n, err := s.ImportCodebook(im.codes, im.name)
			if err != nil {
				return errorf(env, "%v", err)
			}
			fmt.Fprintf(env.Stderr, "parallax: added %s from %s to %s (%d already there)\n", plural(n, "code"), clean(im.name), clean(path), len(im.codes)-n)
		}
		if codes, err = s.Codebook(); err != nil {
			return errorf(env, "%v", err)
		}
		if all, err = s.Notes(); err != nil {
			return errorf(env, "%v", err)
		}
	}
	all = by.filter(all)

	if *exportCB != "" {
		if err := writeCodebookFile(*exportCB, codes); err != nil {
			return errorf(env, "--export-codebook: %v", err)
		}
		fmt.Fprintf(env.Stderr, "parallax: wrote %s to %s\n", plural(len(codes), "code"), clean(*exportCB))
	}
	if *asJSON {
		out := struct {
			Codebook []notes.Code `json:"codebook"`
			Notes    []noteJSON   `json:"notes"`
		}{Codebook: []notes.Code{}, Notes: []noteJSON{}}
		out.Codebook = append(out.Codebook, codes...)
		versions := madeOnVersions(env, c, all)
		for _, n := range all {
			tags := n.Tags
			if tags == nil {
				tags = []string{}
			}
			// A note whose article is not loaded is not orphaned: its
			// text may well still be there.
			out.Notes = append(out.Notes, noteJSON{ID: n.ID, Article: n.Anchor.Article, Start: n.Anchor.Start, End: n.Anchor.End,
				Quote: n.Anchor.Quote, Tags: tags, Memo: n.Memo, Orphaned: n.Orphaned && notes.Loaded(c, n), Coder: n.Coder,
				MadeOn: n.Anchor.MadeOn, MadeOnVersion: versions[madeOnKey{n.Anchor.Article, n.Anchor.MadeOn}]})
		}
		enc := json.NewEncoder(jsonOut(env.Stdout))
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return errorf(env, "write JSON: %v", err)
		}
		return 0
	}
	printNotes(env, c, path, codes, all, by)
	return 0
}

// printNotes writes the notes grouped by article, those of articles not
// loaded now last and apart, then the codebook with a count of passages
// per code.
func printNotes(env *Env, c *corpus.Corpus, path string, codes []notes.Code, all []notes.Note, by coderList) {
	w := env.Stdout
	orphans := 0
	uses := map[string]int{}
	loaded, elsewhere := notes.SplitLoaded(c, all)
	for _, n := range loaded {
		if n.Orphaned {
			orphans++
		}
	}
	for _, n := range all {
		for _, t := range n.Tags {
			uses[t]++
		}
	}
	fmt.Fprintf(w, "%s in %s", plural(len(all), "tagged passage"), clean(path))
	if len(by) > 0 {
		fmt.Fprintf(w, " by %s", clean(strings.Join(by, ", ")))
	}
	var about []string
	if orphans > 0 {
		about = append(about, fmt.Sprintf("%d orphaned: their text is no longer in the article", orphans))
	}
	if len(elsewhere) > 0 {
		about = append(about, fmt.Sprintf("%d in articles not loaded now", len(elsewhere)))
	}
	if len(about) > 0 {
		fmt.Fprintf(w, " (%s)", strings.Join(about, "; "))
	}
	fmt.Fprintln(w)
	if cc := notes.Coders(all); len(cc) > 0 {
		parts := make([]string, len(cc))
		for i, x := range cc {
			parts[i] = fmt.Sprintf("%s %d", clean(notes.CoderLabel(x.Coder)), x.Notes)
		}
		fmt.Fprintf(w, "Coders: %s\n", strings.Join(parts, ", "))
	}
	printNoteGroup(w, c, loaded)
	if len(elsewhere) > 0 {
		fmt.Fprintf(w, "\nIn articles not loaded now (%s; load their files to place them):\n", plural(len(elsewhere), "passage"))
		printNoteGroup(w, c, elsewhere)
	}
	if len(codes) == 0 {
		return
	}
	fmt.Fprintf(w, "\nCodebook (%s):\n", plural(len(codes), "code"))
	var t table
	for _, cd := range codes {
		row := []string{cd.Name, cd.Colour, plural(uses[cd.Name], "passage")}
		if cd.Description != "" {
			row = append(row, oneLine(cd.Description, 70))
		}
		t.add(row...)
	}
	t.write(w, "  ")
}

// printNoteGroup writes notes under a heading per article: its id, outlet
// and title (as stored with the note when the article is not loaded).
func printNoteGroup(w io.Writer, c *corpus.Corpus, ns []notes.Note) {
	article := ""
	for _, n := range ns {
		here := notes.Loaded(c, n)
		if n.Anchor.Article != article {
			article = n.Anchor.Article
			fmt.Fprintf(w, "\n%s — %s: %s\n", clean(article), clean(notes.OutletOf(c, n)), oneLine(notes.TitleOf(c, n), 60))
		}
		where := fmt.Sprintf("%d–%d", n.Anchor.Start, n.Anchor.End)
		switch {
		case !here:
			where = "not loaded"
		case n.Orphaned:
			where = "ORPHANED"
		}
		tags := "(no tags)"
		if len(n.Tags) > 0 {
			tags = clean(strings.Join(n.Tags, ", "))
		}
		fmt.Fprintf(w, "  %-12s [%s] “%s”\n", where, tags, oneLine(n.Anchor.Quote, 90))
		if n.Memo != "" {
			fmt.Fprintf(w, "  %-12s memo: %s\n", "", oneLine(n.Memo, 90))
		}
		fmt.Fprintf(w, "  %-12s id %s · by %s\n", "", clean(n.ID), clean(notes.CoderLabel(n.Coder)))
	}
}

// coderList collects the repeatable --by flag of 'parallax notes'.
type coderList []string

func (l *coderList) String() string { return strings.Join(*l, ", ") }

func (l *coderList) Set(v string) error {
	if v != notes.UnknownCoder {
		if err := notes.ValidateCoder(v); err != nil {
			return err
		}
	}
	*l = append(*l, v)
	return nil
}

// filter keeps the notes of the coders listed (all with none listed).
func (l coderList) filter(ns []notes.Note) []notes.Note {
	if len(l) == 0 {
		return ns
	}
	want := map[string]bool{}
	for _, c := range l {
		if c == notes.UnknownCoder {
			c = ""
		}
		want[c] = true
	}
	var out []notes.Note
	for _, n := range ns {
		if want[n.Coder] {
			out = append(out, n)
		}
	}
	return out
}

// plural counts things in words: "1 passage", "2 passages", "3 stories".
var plural = corpus.Count

// codebookSource is a list of codes to add, and where it came from.
type codebookSource struct {
	name  string
	codes []notes.Code
}

// codebookFormat tells a codebook file's format by its extension.
func codebookFormat(path string) (string, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".qdc":
		return "qdc", nil
	case ".csv":
		return "csv", nil
	}
	return "", fmt.Errorf("%s: name a .qdc (REFI-QDA codebook) or .csv file", path)
}

func readCodebookFile(path string) ([]notes.Code, error) {
	format, err := codebookFormat(path)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var codes []notes.Code
	if format == "qdc" {
		codes, err = notes.ImportCodebookQDC(f)
	} else {
		codes, err = notes.ImportCodebookCSV(f)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return codes, nil
}

// checkCodebookFile refuses a file name with an unknown extension or one
// that exists, before any work is done.
func checkCodebookFile(path string) error {
	if _, err := codebookFormat(path); err != nil {
		return err
	}
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("%s exists; parallax does not overwrite it — remove it or choose another name", path)
	}
	return nil
}

// writeCodebookFile writes the codebook atomically to a new file.
func writeCodebookFile(path string, codes []notes.Code) error {
	if err := checkCodebookFile(path); err != nil {
		return err
	}
	format, _ := codebookFormat(path)
	var buf bytes.Buffer
	var err error
	if format == "qdc" {
		err = notes.ExportCodebookQDC(&buf, codes)
	} else {
		err = notes.ExportCodebookCSV(&buf, codes)
	}
	if err != nil {
		return err
	}
	if err := maybe.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

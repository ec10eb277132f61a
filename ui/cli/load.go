package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/notes"
	"github.com/parallax-reader/parallax/corpus/pipeline"
)

// loadCorpus returns the corpus a command works on: with no paths the
// library when it has articles, else the embedded corpus; else the
// articles under paths. Files that fail
// to load are in the corpus's Errors; the error is for "nothing could be
// read at all". Ids several files claim are settled by the notes beside
// the corpus (notes.SettleIDs).
func loadCorpus(env *Env, paths []string) (*corpus.Corpus, error) {
	if len(paths) == 0 {
		// The library, when it has articles (and --embedded is not given).
		if c, err := libraryCorpus(env); c != nil || err != nil {
			return c, err
		}
		return corpus.Default(), nil
	}
	c, err := pipeline.Load(context.Background(), paths, pipeline.Options{ConfigDir: configDir(env)})
	if c != nil && err == nil {
		settleIDs(env, c, notes.DefaultPath(c, paths, dataDir(env)))
	}
	return c, err
}

// configDir is the user's configuration directory, as the environment
// says (corpus.ConfigDir); dataDir its data directory.
func configDir(env *Env) string { return corpus.ConfigDir(env.Getenv) }
func dataDir(env *Env) string   { return corpus.DataDir(env.Getenv) }

// loadFailed reports a corpus that could not be loaded at all: the error,
// with every file that failed and why when nothing could be read, on
// standard error. Nothing goes to standard output, where a script would
// take an empty table or empty JSON for an answer. It returns exit code 1.
func loadFailed(env *Env, err error) int {
	return errorf(env, "%s", loadProblem(err))
}

// loadProblem is the text of a load error: every file that failed, one
// per line, when nothing could be read.
func loadProblem(err error) string {
	var nr *corpus.NothingReadError
	if errors.As(err, &nr) {
		return nr.List(0)
	}
	return err.Error()
}

// parseArgs parses flags that may come before, between or after the
// positional arguments ("list PATH --json" as well as "list --json PATH"),
// and returns the positional arguments. "--" ends flag parsing.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if len(args) > 0 && len(rest) < len(args) && args[len(args)-len(rest)-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// flagExit is the exit code for a flag parsing error: 0 for --help (the
// usage was printed), 2 for a bad flag.
func flagExit(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	return 2
}

// newFlagSet makes a command's flag set whose --help prints the usage
// lines and examples given, then the flags.
func newFlagSet(env *Env, name, usage string, examples ...string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		w := env.Stdout
		fmt.Fprintf(w, "Usage: %s\n\n", usage)
		fmt.Fprintln(w, "Flags:")
		fs.SetOutput(w)
		fs.PrintDefaults()
		fs.SetOutput(env.Stderr)
		if len(examples) > 0 {
			fmt.Fprintln(w, "\nExamples:")
			for _, e := range examples {
				fmt.Fprintln(w, "  "+e)
			}
		}
	}
	return fs
}

// printLoadErrors writes the files that could not be loaded, then the
// records skipped in files that otherwise loaded, one per line.
func printLoadErrors(w io.Writer, errs []corpus.LoadError) {
	failed, skipped := corpus.SplitLoadErrors(errs)
	files := corpus.FilesIn(failed)
	if len(failed) > 0 {
		head := plural(files, "file") + " could not be loaded"
		if len(failed) != files {
			// A JSON file whose every record is bad has an error for each.
			head += " (" + plural(len(failed), "problem") + ")"
		}
		fmt.Fprintf(w, "\n%s:\n", head)
		for _, e := range failed {
			fmt.Fprintf(w, "  %s: %s\n", clean(e.Path), clean(e.Message))
		}
	}
	if len(skipped) > 0 {
		in := corpus.FilesIn(skipped)
		that := "files that otherwise loaded"
		if in == 1 {
			that = "a file that otherwise loaded"
		}
		fmt.Fprintf(w, "\n%s skipped in %s:\n", plural(len(skipped), "record"), that)
		for _, e := range skipped {
			fmt.Fprintf(w, "  %s: %s\n", clean(e.Path), clean(e.Message))
		}
	}
}

// dateString formats a publication date: the day alone when the time is
// midnight UTC (a date without a time), else RFC 3339.
func dateString(t *time.Time) string {
	if t == nil {
		return ""
	}
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 {
		return t.Format("2006-01-02")
	}
	return t.Format(time.RFC3339)
}

// articleJSON is one article in the JSON contract of list and show.
type articleJSON struct {
	ID                string             `json:"id"`
	Path              string             `json:"path"`
	Format            string             `json:"format"`
	Outlet            string             `json:"outlet"`
	OutletEvidence    string             `json:"outlet_evidence"`
	OutletCountry     string             `json:"outlet_country,omitempty"`
	OutletOwnership   string             `json:"outlet_ownership,omitempty"`
	Title             string             `json:"title"`
	Published         *string            `json:"published"`
	PublishedEvidence string             `json:"published_evidence,omitempty"`
	PublishedApprox   bool               `json:"published_approximate,omitempty"`
	Author            string             `json:"author,omitempty"`
	URL               string             `json:"url,omitempty"`
	Language          string             `json:"language,omitempty"`
	Dateline          *corpus.Dateline   `json:"dateline,omitempty"`
	Sentences         []sentenceJSON     `json:"sentences"`
	Furniture         []corpus.Furniture `json:"furniture"`
	Warnings          []string           `json:"warnings"`
	Paragraphs        []corpus.Paragraph `json:"paragraphs,omitempty"`
	Headings          []sentenceRoleJSON `json:"headings,omitempty"`
}

type sentenceJSON struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

type sentenceRoleJSON struct {
	Start int         `json:"start"`
	End   int         `json:"end"`
	Role  corpus.Role `json:"role"`
	Text  string      `json:"text"`
}

// toJSON converts an article to its JSON form; full adds paragraphs and
// the title, byline and heading lines (for show).
func toJSON(a *corpus.Article, full bool) articleJSON {
	j := articleJSON{
		ID: a.ID, Path: a.Path, Format: a.Format, Outlet: a.Outlet, OutletEvidence: a.OutletEvidence,
		Title: a.Title, PublishedEvidence: a.PublishedEvidence, PublishedApprox: a.PublishedApproximate, Author: a.Author, URL: a.URL,
		Language: a.Language, Dateline: a.Dateline,
		Sentences: []sentenceJSON{}, Furniture: []corpus.Furniture{}, Warnings: []string{},
	}
	if a.OutletInfo != nil {
		j.OutletCountry, j.OutletOwnership = a.OutletInfo.Country, a.OutletInfo.Ownership
	}
	if a.Published != nil {
		s := dateString(a.Published)
		j.Published = &s
	}
	for _, s := range a.Sentences {
		if s.Role == corpus.RoleBody {
			j.Sentences = append(j.Sentences, sentenceJSON{s.Start, s.End, s.Text})
		} else if full {
			j.Headings = append(j.Headings, sentenceRoleJSON{s.Start, s.End, s.Role, s.Text})
		}
	}
	j.Furniture = append(j.Furniture, a.Furniture...)
	j.Warnings = append(j.Warnings, a.Warnings...)
	if full {
		j.Paragraphs = a.Paragraphs
	}
	return j
}

// errorsJSON returns the load errors, never nil.
func errorsJSON(errs []corpus.LoadError) []corpus.LoadError {
	if errs == nil {
		return []corpus.LoadError{}
	}
	return errs
}

// oneLine squeezes white space, escapes controls (clean) and cuts s to n
// cells for a table cell.
func oneLine(s string, n int) string {
	s = clean(strings.Join(strings.Fields(s), " "))
	if ansi.StringWidth(s) <= n {
		return s
	}
	return ansi.Truncate(s, n, "…") // in terminal cells: CJK counts two
}

// table lays out rows in columns padded to their widest cell, two spaces
// apart, measuring cells in terminal cells as the reader does (tabwriter
// counts runes, so a Chinese title pushed every column after it out of
// line).
type table struct {
	rows [][]string
}

// add adds a row; each cell is cleaned.
func (t *table) add(cells ...string) {
	row := make([]string, len(cells))
	for i, c := range cells {
		row[i] = clean(c)
	}
	t.rows = append(t.rows, row)
}

// write prints the table, each line after indent; the last cell of a row
// is not padded.
func (t *table) write(w io.Writer, indent string) {
	var widths []int
	for _, r := range t.rows {
		for i, c := range r {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], ansi.StringWidth(c))
		}
	}
	for _, r := range t.rows {
		var b strings.Builder
		b.WriteString(indent)
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-ansi.StringWidth(c)+2))
			}
		}
		fmt.Fprintln(w, b.String())
	}
}

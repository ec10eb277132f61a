package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/corpus/notes"
)

// The story corrections made in the reader live in the notes file; the
// commands that group stories (stories, facts, framing, export) apply
// them too, so they print what the reader shows.

// addNotesFlag is --notes for the commands that only read the story
// corrections from the notes file.
func addNotesFlag(fs *flag.FlagSet) *string {
	return fs.String("notes", "", "the notes `FILE` whose story corrections apply (default: beside the corpus, when it exists)")
}

// storyCorrections reads the story corrections of the notes file: the
// --notes file, which must exist, else the corpus's default notes file
// when there is one. A notes file that exists but cannot be read is an
// error: the grouping would silently differ from the reader's.
func storyCorrections(flagValue string, c *corpus.Corpus, paths []string) ([]compare.Correction, error) {
	path := notesPath(flagValue, c, paths)
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		if flagValue != "" {
			return nil, fmt.Errorf("no notes file at %s", path)
		}
		return nil, nil
	}
	return readCorrections(path)
}

// readCorrections reads the story corrections of an existing notes file.
func readCorrections(path string) ([]compare.Correction, error) {
	s, err := notes.Open(path)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	ns, err := s.Corrections()
	if err != nil {
		return nil, err
	}
	out := make([]compare.Correction, 0, len(ns))
	for _, c := range ns {
		out = append(out, compare.Correction{Kind: c.Kind, Article: c.Article, Target: c.Target, Articles: slices.Clone(c.Articles)})
	}
	return out, nil
}

// printCorrectionProblems says which story corrections could not be
// applied.
func printCorrectionProblems(w io.Writer, problems []string) {
	for _, p := range problems {
		fmt.Fprintln(w, "parallax: warning: "+oneLine(p, 200))
	}
}

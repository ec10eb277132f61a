package pipeline

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"

	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/corpus/notes"
)

// readCorrections returns the story corrections a run applies: those of
// the notes file, or without one, opts.Corrections. A notes file that does
// not exist has none, unless the user named it; one that exists but cannot
// be read is an error, since the grouping would differ from the reader's.
func readCorrections(opts Options) ([]compare.Correction, error) {
	path := opts.NotesPath
	if path == "" {
		return opts.Corrections, nil
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		if opts.NotesRequired {
			return nil, fmt.Errorf("no notes file at %s", path)
		}
		return nil, nil
	}
	s, err := notes.Open(path)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	ns, err := s.Corrections()
	if err != nil {
		return nil, err
	}
	return CorrectionsOf(ns), nil
}

// CorrectionsOf converts the notes file's story corrections to the
// comparison's.
func CorrectionsOf(ns []notes.Correction) []compare.Correction {
	out := make([]compare.Correction, 0, len(ns))
	for _, c := range ns {
		out = append(out, compare.Correction{Kind: c.Kind, Article: c.Article, Target: c.Target, Articles: slices.Clone(c.Articles)})
	}
	return out
}

package cli

import (
	"errors"
	"fmt"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/notes"
)

// openToRead opens a notes file for a command that only lists or exports
// it. A file parallax may not write, or whose notes do not all read, is
// never written to: it is opened read-only instead, the notes that cannot
// be read are named on standard error, and the rest are listed.
func openToRead(env *Env, path string) (*notes.Store, error) {
	s, err := notes.Open(path)
	if err == nil || !errors.Is(err, notes.ErrUnreadableRows) && !errors.Is(err, notes.ErrReadOnly) {
		return s, err
	}
	ro, rerr := notes.OpenReadOnly(path)
	if rerr != nil {
		return nil, err
	}
	bad := ro.Problems()
	if len(bad) == 0 {
		fmt.Fprintf(env.Stderr, "parallax: %s is read-only for parallax: its notes are listed as they are placed now, and nothing is saved\n", corpus.Printable(ro.Path()))
		return ro, nil
	}
	fmt.Fprintf(env.Stderr, "parallax: %s: %s cannot be read and %s left out; the file is not written to — restore it from a backup:\n",
		corpus.Printable(ro.Path()), plural(len(bad), "note"), isAre(len(bad)))
	for _, p := range bad {
		fmt.Fprintf(env.Stderr, "  %s\n", corpus.Printable(p.String()))
	}
	return ro, nil
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

// settleIDs lets the notes at path decide which of several files that
// claim one article id keeps it; when the notes cannot be read, the order
// of the paths decides, and standard error says why.
func settleIDs(env *Env, c *corpus.Corpus, path string) {
	if err := notes.SettleIDs(c, path); err != nil {
		fmt.Fprintf(env.Stderr, "parallax: %s; the file that comes first keeps a duplicate id\n", clean(err.Error()))
	}
}

package cli

import (
	"context"
	"strings"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/notes"
)

// madeOnKey is a note's article and the hash of the text it was made on.
type madeOnKey struct{ article, hash string }

// madeOnVersions returns, for the notes of a library's articles, the
// number of the stored version each was made on (notes.Anchor.MadeOn
// compared with the hash of every version's text as loaded); nil when c
// is not a library's. A note whose text no version has, or whose article
// the library cannot read, is left out.
func madeOnVersions(env *Env, c *corpus.Corpus, all []notes.Note) map[madeOnKey]int {
	if !strings.HasPrefix(c.Name, "library ") {
		return nil
	}
	want := map[string]bool{}
	for _, n := range all {
		if n.Anchor.MadeOn != "" {
			want[n.Anchor.Article] = true
		}
	}
	if len(want) == 0 {
		return nil
	}
	l, err := openLibrary(env)
	if err != nil {
		return nil
	}
	defer l.Close()
	out := map[madeOnKey]int{}
	for id := range want {
		hs, err := l.TextHashes(context.Background(), id)
		if err != nil {
			continue
		}
		for i, h := range hs {
			if h != "" {
				out[madeOnKey{id, h}] = i + 1
			}
		}
	}
	return out
}

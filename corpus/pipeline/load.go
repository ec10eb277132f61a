package pipeline

import (
	"context"

	"github.com/parallax-reader/parallax/corpus"
)

// Load reads the corpus a run starts from: the embedded one without paths,
// else every article under paths (corpus.LoadWith: a file that fails is in
// the corpus's Errors and the rest loads; the error is for nothing read at
// all, or ctx cancelled). Which of several files claiming one id keeps it
// is the notes file's to settle (notes.SettleIDs), by the caller that
// knows which notes file applies.
func Load(ctx context.Context, paths []string, progress Progress) (*corpus.Corpus, error) {
	if progress == nil {
		progress = func(string, int, int) {}
	}
	if len(paths) == 0 {
		progress("loading the embedded corpus", 0, 0)
		return corpus.Default(), nil
	}
	return corpus.LoadWith(ctx, corpus.Options{Progress: func(done, total int) {
		progress("loading files", done, total)
	}}, paths...)
}

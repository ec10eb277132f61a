package pipeline

import (
	"context"

	"github.com/parallax-reader/parallax/corpus"
)

// Load reads the corpus a run starts from: the embedded one without paths,
// else every article under paths (corpus.LoadWith, with the user's outlet
// table from opts.ConfigDir: a file that fails is in the corpus's Errors
// and the rest loads; the error is for nothing read at all, or ctx
// cancelled). Of opts only ConfigDir and Progress matter. Which of several
// files claiming one id keeps it is the notes file's to settle
// (notes.SettleIDs), by the caller that knows which notes file applies.
func Load(ctx context.Context, paths []string, opts Options) (*corpus.Corpus, error) {
	if len(paths) == 0 {
		opts.progress("loading the embedded corpus", 0, 0)
		return corpus.Default(), nil
	}
	return corpus.LoadWith(ctx, corpus.Options{ConfigDir: opts.ConfigDir, Progress: func(done, total int) {
		opts.progress("loading files", done, total)
	}}, paths...)
}

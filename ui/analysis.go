package ui

import (
	"context"

	"github.com/parallax-reader/parallax/corpus"
)

// defaultLoad loads the corpus: the embedded one without paths.
func defaultLoad(ctx context.Context, paths []string, progress Progress) (*corpus.Corpus, error) {
	if len(paths) == 0 {
		progress("loading the embedded corpus", 0, 0)
		return corpus.Default(), nil
	}
	return corpus.LoadWith(ctx, corpus.Options{Progress: func(done, total int) {
		progress("loading files", done, total)
	}}, paths...)
}

// DefaultAnalyzer runs the shared-facts and framing analyses on a corpus.
func DefaultAnalyzer(ctx context.Context, c *corpus.Corpus, progress Progress) (*Analysis, error) {
	a := &Analysis{}
	a.Warnings = append(a.Warnings, "shared facts and framing are not built into this version yet")
	return a, nil
}

package frame

import (
	"fmt"
	"sync/atomic"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/corpustest"
)

var articleSeq atomic.Int64

// singleSentence makes an article of one body sentence.
func singleSentence(text, outlet string) *corpus.Article {
	return corpustest.Article(fmt.Sprintf("t%d", articleSeq.Add(1)), outlet, text)
}

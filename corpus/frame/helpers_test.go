package frame

import (
	"fmt"
	"sync/atomic"

	"github.com/parallax-reader/parallax/corpus"
)

var articleSeq atomic.Int64

// singleSentence makes an article of one body sentence.
func singleSentence(text, outlet string) *corpus.Article {
	n := articleSeq.Add(1)
	return &corpus.Article{
		ID: fmt.Sprintf("t%d", n), Outlet: outlet, Text: text,
		Paragraphs: []corpus.Paragraph{{Span: corpus.Span{Start: 0, End: len(text)}, Role: corpus.RoleBody}},
		Sentences:  []corpus.Sentence{{Span: corpus.Span{Start: 0, End: len(text)}, Role: corpus.RoleBody, Text: text}},
	}
}

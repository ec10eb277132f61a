// Package corpustest builds articles and corpora by hand for tests, with
// the spans, paragraphs and sentences the loader would give them, so a
// test of an analysis need not load files.
package corpustest

import (
	"strings"
	"time"

	"github.com/parallax-reader/parallax/corpus"
)

// Article returns a body article whose paragraphs are the given
// sentences, one sentence a paragraph, separated by blank lines.
func Article(id, outlet string, sentences ...string) *corpus.Article {
	paras := make([][]string, len(sentences))
	for i, s := range sentences {
		paras[i] = []string{s}
	}
	return Paragraphs(id, outlet, paras...)
}

// Paragraph returns a body article of one paragraph holding the given
// sentences, separated by a space.
func Paragraph(id, outlet string, sentences ...string) *corpus.Article {
	return Paragraphs(id, outlet, sentences)
}

// Paragraphs returns a body article of the given paragraphs, each a list
// of sentences separated by a space, paragraphs by a blank line. Sentence
// indexes run through the article; each sentence knows its paragraph.
func Paragraphs(id, outlet string, paras ...[]string) *corpus.Article {
	ps := make([]Para, len(paras))
	for i, p := range paras {
		ps[i] = Para{corpus.RoleBody, p}
	}
	return Build(id, outlet, "", "", ps...)
}

// Para is a paragraph of a hand-made article: its role and its sentences.
type Para struct {
	Role      corpus.Role
	Sentences []string
}

// Build returns an article with a title, a publication date (YYYY-MM-DD;
// "" for none) and paragraphs of any role, laid out as Paragraphs lays
// them out. Furniture paragraphs hold text but no sentences, as the
// loader sets them aside.
func Build(id, outlet, title, date string, paras ...Para) *corpus.Article {
	a := &corpus.Article{ID: id, Outlet: outlet, Title: title}
	if date != "" {
		t, err := time.Parse("2006-01-02", date)
		if err != nil {
			panic("corpustest.Build: date " + date + ": " + err.Error())
		}
		a.Published = &t
	}
	var b strings.Builder
	for p, para := range paras {
		if p > 0 {
			b.WriteString("\n\n")
		}
		pStart := b.Len()
		for k, s := range para.Sentences {
			if k > 0 {
				b.WriteByte(' ')
			}
			start := b.Len()
			b.WriteString(s)
			if para.Role != corpus.RoleFurniture {
				a.Sentences = append(a.Sentences, corpus.Sentence{Span: corpus.Span{Start: start, End: b.Len()},
					Index: len(a.Sentences), Para: p, Role: para.Role, Text: s})
			}
		}
		a.Paragraphs = append(a.Paragraphs, corpus.Paragraph{Span: corpus.Span{Start: pStart, End: b.Len()}, Role: para.Role})
	}
	a.Text = b.String()
	return a
}

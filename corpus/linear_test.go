package corpus

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// manyParagraphs is a text of n short lines, each a paragraph of one
// sentence: a notice or a log pasted as an article.
func manyParagraphs(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "Line %d of the notice says the council met again.\n", i)
	}
	return b.String()
}

// longArticle is about size bytes of ordinary news paragraphs ending
// with a Chinese one, so the ideographic splitter has work to do, but
// only at the end: its search for ideographic full stops once went over
// the whole article for every paragraph before it.
func longArticle(size int) string {
	var b strings.Builder
	b.WriteString("A very long report on the talks\n\n")
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "The delegation met for the %dth time on Monday, officials said. \"We are close to an agreement,\" Mr. Petrov told reporters in Geneva. The talks resume next week, according to a statement.\n\n", i)
	}
	b.WriteString("外交部长表示，双方进行了深入交流。会谈将于明天继续！\n")
	return b.String()
}

// loadTimed writes text to a file, loads it and returns the time taken
// and the article.
func loadTimed(t *testing.T, text string) (time.Duration, *Article) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "long.txt")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	c, err := LoadWith(context.Background(), Options{Outlets: ShippedOutlets()}, p)
	d := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Articles) != 1 {
		t.Fatalf("%d articles", len(c.Articles))
	}
	return d, c.Articles[0]
}

// fastest loads text three times and returns the shortest time: the one
// least disturbed by other work on the machine.
func fastest(t *testing.T, text string) time.Duration {
	best := time.Duration(1<<63 - 1)
	for range 3 {
		d, _ := loadTimed(t, text)
		best = min(best, d)
	}
	return best
}

// A file of many short lines loads in time proportional to its size:
// segmentation once searched the whole article for ideographic full stops
// for every paragraph, so 16,000 lines took 20 s and 200,000 lines (a
// 3.4 MB file) stalled the whole folder. Ten times the lines may take at
// most forty times as long (plus a second): a generous guard against a
// quadratic path (a hundred times), not a timing test.
func TestManyParagraphsLoadInLinearTime(t *testing.T) {
	small := fastest(t, manyParagraphs(5000))
	d, a := loadTimed(t, manyParagraphs(50000))
	if len(a.Sentences) != 50000 {
		t.Fatalf("%d sentences, want 50000", len(a.Sentences))
	}
	checkSpans(t, a)
	if limit := 40*small + time.Second; d > limit {
		t.Errorf("50,000 paragraphs took %v, 5,000 took %v: more than linear (limit %v)", d, small, limit)
	}
	t.Logf("5,000 paragraphs %v, 50,000 paragraphs %v", small, d)
}

// One article of 5 MB loads in time proportional to its size too.
func TestLongArticleLoadsInLinearTime(t *testing.T) {
	small := fastest(t, longArticle(500_000))
	d, a := loadTimed(t, longArticle(5_000_000))
	checkSpans(t, a)
	if limit := 40*small + time.Second; d > limit {
		t.Errorf("a 5 MB article took %v, 0.5 MB %v: more than linear (limit %v)", d, small, limit)
	}
	ideo := 0
	for _, s := range a.Sentences {
		if strings.HasSuffix(s.Text, "。") {
			ideo++
		}
	}
	if ideo == 0 {
		t.Error("no Chinese sentence was split at its full stop")
	}
	t.Logf("0.5 MB %v, 5 MB %v", small, d)
}

// markRepeated drops the sentences of lines it marks as furniture
// without segmenting the article again: the result must be what
// segmenting again gives.
func TestRepeatedLinesKeepSentencesAsResegmenting(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"1", "2", "3"} {
		writeFile(t, dir, "s"+n+".txt", "Story "+n+" about the treaty\n\nFollow our bureau\n\n"+
			"MOSCOW, May "+n+". /TASS/. Text of story "+n+" is here. It goes on for a while.\n\n"+
			"Moscow bureau of the agency\n\nA second paragraph of story "+n+" with U.S. officials. They left.\n\n"+
			"Contact the desk today\n")
	}
	c, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	z := testBuilder(t)
	for _, a := range c.Articles {
		if len(a.Furniture) < 2 {
			t.Fatalf("%s: repeated lines not marked: %+v", a.ID, a.Furniture)
		}
		again := *a
		again.Sentences = append([]Sentence(nil), a.Sentences...)
		again.Furniture = append([]Furniture(nil), a.Furniture...)
		z.sentences(&again)
		if !reflect.DeepEqual(again.Sentences, a.Sentences) || !reflect.DeepEqual(again.Furniture, a.Furniture) {
			t.Errorf("%s: sentences after markRepeated\n%+v\nsegmenting again gives\n%+v", a.ID, a.Sentences, again.Sentences)
		}
	}
}

func BenchmarkLoadManyParagraphs(b *testing.B) {
	for _, n := range []int{5000, 50000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) { benchmarkLoad(b, manyParagraphs(n)) })
	}
}

func BenchmarkLoadLongArticle(b *testing.B) {
	for _, n := range []int{500_000, 5_000_000} {
		b.Run(fmt.Sprintf("%dKB", n/1000), func(b *testing.B) { benchmarkLoad(b, longArticle(n)) })
	}
}

func benchmarkLoad(b *testing.B, text string) {
	p := filepath.Join(b.TempDir(), "long.txt")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadWith(context.Background(), Options{Outlets: ShippedOutlets()}, p); err != nil {
			b.Fatal(err)
		}
	}
}

// The shortcut for one-sentence paragraphs gives what the segmenter
// gives, on every paragraph of the test corpora and on edge cases.
func TestOneSentenceShortcutAgreesWithSegmenter(t *testing.T) {
	z := testBuilder(t)
	var texts []string
	for _, dir := range []string{"../testdata/seeds", "../testdata/heldout", "../testdata/heldout2", "../testdata/corpus/formats", "../testdata/compare"} {
		c, err := Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range c.Articles {
			texts = append(texts, a.Text)
		}
	}
	for _, a := range Default().Articles {
		texts = append(texts, a.Text)
	}
	texts = append(texts, strings.Join([]string{
		"He left the U.S.", "He said it.\"", "It ends with an ellipsis...", "Yahoo! is a company", "Is it? no", "a.b c",
		"“Quote” — he said.”", "Hello world ”", "Hello world 。", "x ... y", "Mr. Smith went home", "Who? Me",
		"A line with no stop", "  spaced out.  ", "One. Two", "1.5 million people came", "See example.com now",
		"Tail word!!!", "Closing (quote.)", "Ends in a multibyte stop word…", "Dots ... everywhere ... here.",
	}, "\n\n"))
	shortcuts := 0
	for _, text := range texts {
		for _, p := range splitParagraphs(text) {
			want := z.split.segmented(text, p.Span, nil)
			if got := z.split.sentences(text, p.Span, nil); !reflect.DeepEqual(got, want) {
				t.Errorf("%q: shortcut %v, segmenter %v", text[p.Start:p.End], got, want)
			}
			if _, _, ok := oneSentence(text, p.Span); ok {
				shortcuts++
			}
		}
	}
	if shortcuts < 100 {
		t.Errorf("the shortcut applied to only %d paragraphs: the test checks too little", shortcuts)
	}
}

package frame

import (
	"context"
	"fmt"
	"reflect"
	"runtime"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/corpustest"
)

// syntheticCorpus recombines the seed corpus's sentences into n articles of
// 25 sentences each, spread over 10 outlets, deterministically.
func syntheticCorpus(n int) *corpus.Corpus {
	var pool []corpus.Sentence
	for _, a := range corpus.Default().Articles {
		for _, s := range a.Sentences {
			if s.Role == corpus.RoleBody {
				pool = append(pool, s)
			}
		}
	}
	c := &corpus.Corpus{Name: "synthetic"}
	seed := uint32(2166136261)
	for i := 0; i < n; i++ {
		sents := make([]string, 25)
		for k := range sents {
			seed = seed*1664525 + 1013904223
			sents[k] = pool[int(seed>>8)%len(pool)].Text
		}
		c.Articles = append(c.Articles, corpustest.Article(fmt.Sprintf("syn-%04d", i), fmt.Sprintf("Outlet %d", i%10), sents...))
	}
	return c
}

// BenchmarkAnalyze1000 analyses 1,000 synthetic articles (25,000 sentences).
func BenchmarkAnalyze1000(b *testing.B) {
	c := syntheticCorpus(1000)
	if _, err := Analyze(context.Background(), c, nil, Options{}); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Analyze(context.Background(), c, nil, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestSyntheticOffsets(t *testing.T) {
	c := syntheticCorpus(20)
	res, err := Analyze(context.Background(), c, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Markers) == 0 {
		t.Fatal("no markers on the synthetic corpus")
	}
	for _, m := range res.Markers {
		a := c.Article(m.Article)
		if a.Text[m.Start:m.End] != m.Text {
			t.Fatalf("marker %+v: text at offsets is %q", m, a.Text[m.Start:m.End])
		}
		s := a.Sentences[m.Sentence]
		if m.Start < s.Start || m.End > s.End {
			t.Fatalf("marker %+v outside its sentence %d-%d", m, s.Start, s.End)
		}
	}
	if len(res.Outlets) != 10 {
		t.Errorf("got %d profiles, want 10", len(res.Outlets))
	}
}

// BenchmarkLoadLexicons is the start-up cost of framing: parsing the
// shipped lexicons and the background frequencies.
func BenchmarkLoadLexicons(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := loadLexicons(""); err != nil {
			b.Fatal(err)
		}
	}
}

// TestSameOnAnyNumberOfCores: articles are framed on every core and their
// words counted per worker; the result must not depend on how many.
func TestSameOnAnyNumberOfCores(t *testing.T) {
	c := syntheticCorpus(200)
	var want *Result
	for _, procs := range []int{1, 3, 8} {
		old := runtime.GOMAXPROCS(procs)
		got, err := Analyze(context.Background(), c, nil, Options{})
		runtime.GOMAXPROCS(old)
		if err != nil {
			t.Fatal(err)
		}
		if want == nil {
			want = got
			if len(got.Outlets) == 0 || len(got.Outlets[0].Distinctive) == 0 {
				t.Fatal("no distinctive terms to compare")
			}
			continue
		}
		if !reflect.DeepEqual(got.Markers, want.Markers) || !reflect.DeepEqual(got.Outlets, want.Outlets) {
			t.Errorf("GOMAXPROCS=%d: markers or profiles differ from one core's", procs)
		}
	}
}

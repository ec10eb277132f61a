package frame

import (
	"context"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/corpustest"
)

func TestDistinctiveLogOdds(t *testing.T) {
	var a, b []string
	for i := 0; i < 12; i++ {
		a = append(a, "The regime announced new measures against protesters in the capital today.")
		b = append(b, "The government announced new measures against demonstrators in the capital today.")
	}
	a = append(a, "A zebra crossing was painted.") // a one-off word: shrunk by the prior
	res, err := Analyze(context.Background(), &corpus.Corpus{Articles: []*corpus.Article{corpustest.Article("a", "A", a...), corpustest.Article("b", "B", b...)}},
		nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	pa := res.Profile("A")
	if len(pa.Distinctive) == 0 {
		t.Fatal("no distinctive terms for A")
	}
	top := map[string]float64{}
	for _, term := range pa.Distinctive {
		top[term.Term] = term.Z
	}
	if z := top["regime"]; z < 1.96 {
		t.Errorf("'regime' z = %.2f, want > 1.96; terms %+v", z, pa.Distinctive)
	}
	if z := top["protesters"]; z < 1.96 {
		t.Errorf("'protesters' z = %.2f, want > 1.96", z)
	}
	for _, shared := range []string{"announced", "capital", "measures", "the"} {
		if _, ok := top[shared]; ok {
			t.Errorf("shared word %q listed as distinctive: %+v", shared, pa.Distinctive)
		}
	}
	if _, ok := top["zebra"]; ok {
		t.Errorf("a word used once is listed: %+v", pa.Distinctive)
	}
	for i := 1; i < len(pa.Distinctive); i++ {
		if pa.Distinctive[i].Z > pa.Distinctive[i-1].Z {
			t.Fatalf("not sorted by z: %+v", pa.Distinctive)
		}
	}
	pb := res.Profile("B")
	found := false
	for _, term := range pb.Distinctive {
		if term.Term == "government" || strings.Contains(term.Term, "government") {
			found = true
		}
	}
	if !found {
		t.Errorf("B lacks 'government': %+v", pb.Distinctive)
	}
	if pa.MarkerRates[KindLoaded] == 0 {
		t.Errorf("A's loaded rate is 0 though every sentence says 'regime': %+v", pa.MarkerRates)
	}
}

// The profile's head counts the leading voice's sentences in words: a
// voice heard once is "1 sentence", not "1 sentences".
func TestMarkdownLeadingVoiceCount(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want string
	}{
		{1, "leading voice: Critics (1 sentence)"},
		{3, "leading voice: Critics (3 sentences)"},
	} {
		p := &Profile{Outlet: "A", Articles: []string{"a"}, Sentences: 1, Voices: []Voice{{Speaker: "Critics", Sentences: tc.n}}}
		head, _, _ := strings.Cut(strings.TrimPrefix(p.Markdown(), "## A\n\n"), "\n")
		if want := "1 article · 1 sentence · " + tc.want; head != want {
			t.Errorf("%d sentences: head %q, want %q", tc.n, head, want)
		}
	}
}

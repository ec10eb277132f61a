package compare

import (
	"slices"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
)

// terms returns the terms a fresh analyzer gives a sentence.
func terms(t *testing.T, s string, acrText ...string) []string {
	t.Helper()
	lx, err := defaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	acr := map[string][]acronym{}
	for _, a := range acrText {
		findAcronyms(a, acr)
	}
	return newAnalyzer(lx, acr).analyze(s).terms
}

func TestStemmingAndStopWords(t *testing.T) {
	a := terms(t, "The missiles were deployed in Europe.")
	b := terms(t, "Deploying a missile in Europe.")
	if !slices.Equal(a, b) {
		t.Errorf("inflections differ: %q vs %q", a, b)
	}
	if got := terms(t, "It was the one that they had."); len(got) != 0 {
		t.Errorf("stop words kept: %q", got)
	}
}

// TestWordShapeAgrees keeps wordShape's one pass equal to the predicates
// it stands for, on the words of the embedded corpus and awkward ones.
func TestWordShapeAgrees(t *testing.T) {
	words := []string{"", "F-16", "9M729", "5,500", "2.5", "1990s", "2025-12-19", "ground-based", "U.S.", "don't",
		"Türkiye", "‑", "5‑6", "x‑ray", "٣", "Su-57", "-", ",", "3-", "a-1", "Ⅻ", "T‑72", "..5"}
	for _, a := range corpus.Default().Articles {
		for _, w := range tokenize(a.Text) {
			words = append(words, w.text)
		}
	}
	for _, w := range words {
		code, num, hyphen := wordShape(w)
		wantNum := isNumeric(w) || (strings.Contains(w, "-") && hasDigit(w))
		wantHyphen := strings.ContainsRune(w, '-') || strings.ContainsRune(w, '‑')
		if code != hasLetterAndDigit(w) || num != wantNum || hyphen != wantHyphen {
			t.Errorf("wordShape(%q) = %v, %v, %v; want %v, %v, %v", w, code, num, hyphen, hasLetterAndDigit(w), wantNum, wantHyphen)
		}
	}
}

// TestAnalyzerMentionsScale keeps the analyzer's scale test, read from
// its words, equal to mentionsScale on the whole sentence.
func TestAnalyzerMentionsScale(t *testing.T) {
	lx, err := defaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	an := newAnalyzer(lx, map[string][]acronym{})
	texts := []string{"", "Twenty-five people", "the F-16 twen-ty5 jets", "THOUSANDS fled", "ninety9x", "dozens of",
		"mid-twenties", "a hundred's worth", "Hündred", "twen'ty", "X-million", "B-52s", "seventy.", "in a billion-dollar deal"}
	texts = append(texts, seedTexts(false)...)
	for _, s := range texts {
		ws := appendWords(nil, s)
		ps := appendPieces(nil, ws, s)
		infos := make([]wordInfo, len(ps))
		for i, p := range ps {
			if !p.num && !p.code {
				infos[i] = an.word(p.fold)
			}
		}
		if got, want := an.mentionsScale(s, ps, infos), mentionsScale(s); got != want {
			t.Errorf("%q: analyzer says %v, mentionsScale %v", s, got, want)
		}
	}
}

// BenchmarkAnalyzeInto times the features of the sentences of 1,000
// synthetic articles, as Analyze computes them (one analyzer, no n-grams),
// the analyzer's caches warm: a corpus repeats its words many times.
func BenchmarkAnalyzeInto(b *testing.B) {
	c := syntheticCorpus(1000, 1)
	lx, err := defaultLexicon()
	if err != nil {
		b.Fatal(err)
	}
	var sents []string
	for _, a := range c.Articles {
		for _, s := range a.Sentences {
			sents = append(sents, s.Text)
		}
	}
	an := newAnalyzer(lx, nil)
	an.noNgrams = true
	var ft features
	for _, s := range sents {
		an.analyzeInto(&ft, s)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range sents {
			an.analyzeInto(&ft, s)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(sents)), "ns/sentence")
}

// seedTexts returns the embedded corpus's sentences, and with articles
// its whole article texts too: real news text for the tests that check
// a fast path against the plain one.
func seedTexts(articles bool) []string {
	var texts []string
	for _, a := range corpus.Default().Articles {
		if articles {
			texts = append(texts, a.Text)
		}
		for _, s := range a.Sentences {
			texts = append(texts, s.Text)
		}
	}
	return texts
}

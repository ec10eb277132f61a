package compare

import (
	"slices"
	"testing"
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

package lang

import (
	"strings"
	"testing"
)

func TestBackground(t *testing.T) {
	words, err := Background()
	if err != nil {
		t.Fatal(err)
	}
	lines := 0
	for _, l := range strings.Split(backgroundTSV, "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			lines++
		}
	}
	if len(words) != lines || len(words) < 50000 {
		t.Fatalf("read %d words of %d lines", len(words), lines)
	}
	for i, w := range words {
		if w.Word == "" || strings.Trim(w.Word, "abcdefghijklmnopqrstuvwxyz") != "" || w.N < 3 {
			t.Errorf("line %d: %q %v is not a lower-case alphabetic word seen at least 3 times", i, w.Word, w.N)
		}
		if i > 0 {
			p := words[i-1]
			if p.N < w.N || (p.N == w.N && p.Word >= w.Word) {
				t.Errorf("%q (%v) after %q (%v): not most frequent first, ties alphabetical", w.Word, w.N, p.Word, p.N)
			}
		}
	}
}

func TestParseBackgroundRejectsBadLines(t *testing.T) {
	for _, bad := range []string{"word", "word\tmany", "word\t"} {
		if _, err := parseBackground("# ok\n" + bad + "\n"); err == nil {
			t.Errorf("parseBackground(%q) gave no error", bad)
		}
	}
	got, err := parseBackground("# c\nthe\t10\n\nof\t 5\n")
	if err != nil || len(got) != 2 || got[1] != (Count{"of", 5}) {
		t.Errorf("parseBackground = %v, %v", got, err)
	}
}

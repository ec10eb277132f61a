package compare

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestFieldsAsStringsFields checks nextField and lastFields, and the
// label tests written with them, against strings.Fields on random text
// with Unicode spaces, quotation marks and invalid bytes.
func TestFieldsAsStringsFields(t *testing.T) {
	parts := []string{"a", "And", "who", "said", "Said", "told", "27,", "Fla.,", "\u00a0", "\u2003", " ", "  ", "\t", "\n",
		"\"", "“", "’", "«", "(", ",", ".", "\xff", "\xe2\x80", "é", "they", "but", "which", "Minister", "—", "-"}
	rng := rand.New(rand.NewSource(15))
	for n := 0; n < 200000; n++ {
		var b strings.Builder
		for k := rng.Intn(9); k > 0; k-- {
			b.WriteString(parts[rng.Intn(len(parts))])
		}
		s := b.String()
		want := strings.Fields(s)
		var got []string
		for w, i := nextField(s, 0); w != ""; w, i = nextField(s, i) {
			got = append(got, w)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("fields of %q: %q, want %q", s, got, want)
		}
		f, k := lastFields(s)
		if tail := want[max(0, len(want)-3):]; !slices.Equal(f[:k], tail) {
			t.Fatalf("lastFields(%q) = %q, want %q", s, f[:k], tail)
		}
		if got, want := opensClause(s), opensClauseByFields(s); got != want {
			t.Fatalf("opensClause(%q) = %v, want %v", s, got, want)
		}
		if got, want := endsInReporting(s), endsInReportingByFields(s); got != want {
			t.Fatalf("endsInReporting(%q) = %v, want %v", s, got, want)
		}
		if got, want := cutAfterReporting(s), cutAfterReportingByFields(s); got != want {
			t.Fatalf("cutAfterReporting(%q) = %v, want %v", s, got, want)
		}
	}
}

// The label tests as they were written with strings.Fields.

func opensClauseByFields(cl string) bool {
	ws := strings.Fields(strings.Trim(cl, " \"'“”‘’«»"))
	for len(ws) > 1 && clauseJoiners[strings.ToLower(ws[0])] {
		ws = ws[1:]
	}
	if len(ws) == 0 {
		return false
	}
	w := strings.Trim(ws[0], "\"'“”‘’«»(")
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsDigit(r) && strings.HasSuffix(w, ",") && len(ws) > 1 && relativeWords[strings.ToLower(ws[1])] {
		return false
	}
	if strings.HasSuffix(w, ".,") {
		return false
	}
	return unicode.IsUpper(r) || unicode.IsDigit(r) || subjectWords[strings.ToLower(w)]
}

func endsInReportingByFields(cl string) bool {
	ws := strings.Fields(strings.TrimRight(cl, " \"'“”‘’«».;:,–—-"))
	return len(ws) > 0 && isReporting(fold(ws[len(ws)-1]))
}

func cutAfterReportingByFields(cl string) bool {
	ws := strings.Fields(strings.TrimRight(cl, " \"'“”‘’«».;:,–—-"))
	for k := len(ws) - 2; k >= 0 && k >= len(ws)-3; k-- {
		if isReporting(fold(ws[k])) {
			return true
		}
	}
	return false
}

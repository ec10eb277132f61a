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

// TestWeekdayOfAsToLower checks weekdayOf against the map lookup of
// strings.ToLower, with letters whose lower case is ASCII ("İ", "K").
func TestWeekdayOfAsToLower(t *testing.T) {
	parts := []string{"mon", "MON", "Fri", "frİ", "day", "DAY", "wednes", "Wed", "k", "K", "sun", "SATUR", "é", "\xff", "s", "a"}
	rng := rand.New(rand.NewSource(15))
	for n := 0; n < 100000; n++ {
		var b strings.Builder
		for k := rng.Intn(4); k >= 0; k-- {
			b.WriteString(parts[rng.Intn(len(parts))])
		}
		s := b.String()
		wk, wok := weekdayBit[strings.ToLower(s)]
		if k, ok := weekdayOf(s); k != wk || ok != wok {
			t.Fatalf("weekdayOf(%q) = %d %v, want %d %v", s, k, ok, wk, wok)
		}
	}
	for d := range weekdayBit {
		if k, ok := weekdayOf(strings.ToUpper(d)); !ok || k != weekdayBit[d] {
			t.Errorf("weekdayOf(%q) = %d %v", strings.ToUpper(d), k, ok)
		}
	}
}

// TestIsReportingWordAsFold checks isReportingWord against
// isReporting(fold(w)) on each verb in three cases and on near misses.
func TestIsReportingWordAsFold(t *testing.T) {
	var words []string
	for _, v := range reportingVerbs() {
		words = append(words, v, strings.ToUpper(v), strings.Title(v), v+"s", v[1:], "é"+v, v+"\xff", strings.Repeat(v, 5))
	}
	for _, w := range words {
		if got, want := isReportingWord(w), isReporting(fold(w)); got != want {
			t.Errorf("isReportingWord(%q) = %v, want %v", w, got, want)
		}
	}
}

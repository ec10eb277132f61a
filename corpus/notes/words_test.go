package notes

import (
	"strings"
	"testing"
)

// TestApproximateMatchesKeepWholeWords edits a text around and inside a
// tagged passage — a word inserted at every place, a word replaced, a word
// dropped — and checks that the passage is put back on whole words, from
// the quote's first word to its last unless that word was the one edited.
func TestApproximateMatchesKeepWholeWords(t *testing.T) {
	for _, c := range []struct{ text, quote string }{
		{"Russian Foreign Minister Sergei Lavrov said on Monday that Moscow would not deploy such missiles unless the United States did so first, according to the ministry.",
			"Moscow would not deploy such missiles unless the United States did so first"},
		{"Министр заявил в понедельник, что Москва не будет размещать такие ракеты, пока этого не сделают Соединённые Штаты, сообщило министерство.",
			"Москва не будет размещать такие ракеты, пока этого не сделают Соединённые Штаты"},
	} {
		s := strings.Index(c.text, c.quote)
		a := Anchor{Start: s, End: s + len(c.quote), Quote: c.quote,
			Prefix: c.text[max(0, s-32):s], Suffix: c.text[s+len(c.quote) : min(len(c.text), s+len(c.quote)+32)]}
		// Keep the stored context on whole characters.
		a.Prefix = strings.ToValidUTF8(a.Prefix, "")
		a.Suffix = strings.ToValidUTF8(a.Suffix, "")
		words := strings.Fields(c.text)
		qw := strings.Fields(c.quote)
		first, last := qw[0], strings.TrimRight(qw[len(qw)-1], ",.")
		edit := func(name string, w []string, firstKept, lastKept bool) {
			t.Helper()
			text := strings.Join(w, " ")
			st, en, ok := Locate(text, a)
			if !ok {
				t.Errorf("%s: not placed in %q", name, text)
				return
			}
			got := text[st:en]
			if st > 0 && isWordRune(lastRune(text[:st])) && isWordRune(firstRune(got)) {
				t.Errorf("%s: %q begins inside a word", name, got)
			}
			if en < len(text) && isWordRune(lastRune(got)) && isWordRune(firstRune(text[en:])) {
				t.Errorf("%s: %q ends inside a word", name, got)
			}
			if firstKept && !strings.HasPrefix(got, first) {
				t.Errorf("%s: %q does not begin with %q", name, got, first)
			}
			if lastKept && !strings.HasSuffix(got, last) {
				t.Errorf("%s: %q does not end with %q", name, got, last)
			}
		}
		qStart := len(strings.Fields(c.text[:s]))
		qEnd := qStart + len(qw)
		for i := 0; i <= len(words); i++ {
			for _, ins := range []string{"reportedly", "it said", "—"} {
				w := append(append(append([]string{}, words[:i]...), ins), words[i:]...)
				edit("insert "+ins+" at "+words[min(i, len(words)-1)], w, true, true)
			}
		}
		for i := qStart; i < qEnd; i++ {
			w := append([]string{}, words...)
			w[i] = "xyzzy"
			edit("replace "+words[i], w, i != qStart, i != qEnd-1)
			w = append(append([]string{}, words[:i]...), words[i+1:]...)
			edit("drop "+words[i], w, i != qStart, i != qEnd-1)
		}
	}
}

// TestMidWordQuoteStaysAsChosen: a passage chosen inside words is placed
// by its characters, not moved onto word boundaries.
func TestMidWordQuoteStaysAsChosen(t *testing.T) {
	text := "The ministry said the deployment would begin in spring."
	quote := "ployment would begin in spr"
	s := strings.Index(text, quote)
	a := Anchor{Start: s, End: s + len(quote), Quote: quote, Prefix: text[:s], Suffix: text[s+len(quote):]}
	edited := strings.Replace(text, "would begin", "will begin", 1)
	st, en, ok := Locate(edited, a)
	if !ok || !strings.HasPrefix(edited[st:en], "ployment") || !strings.HasSuffix(edited[st:en], "spr") {
		t.Errorf("got %q (ok %v), want the passage from \"ployment\" to \"spr\"", edited[st:en], ok)
	}
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

func lastRune(s string) rune {
	r := []rune(s)
	if len(r) == 0 {
		return 0
	}
	return r[len(r)-1]
}

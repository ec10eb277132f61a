package ui

import (
	"strings"
	"testing"
)

func TestMoveList(t *testing.T) {
	k := DefaultKeyMap()
	for _, c := range []struct {
		key          string
		cur, n, page int
		want         int
		wantHandled  bool
	}{
		{"j", 0, 5, 4, 1, true},
		{"k", 0, 5, 4, 0, true},
		{"G", 1, 5, 4, 4, true},
		{"end", 1, 5, 4, 4, true},
		{"g", 3, 5, 4, 0, true},
		{"home", 3, 5, 4, 0, true},
		{"pgdown", 0, 10, 6, 3, true},
		{"ctrl+d", 8, 10, 6, 9, true},
		{"pgup", 2, 10, 6, 0, true},
		{"G", 0, 0, 4, 0, true}, // an empty list stays at 0
		{"x", 2, 5, 4, 2, false},
	} {
		km := keyMsg(c.key)
		got, ok := moveList(k, km, c.cur, c.n, c.page)
		if got != c.want || ok != c.wantHandled {
			t.Errorf("moveList(%s, cursor %d of %d, page %d) = %d, %v; want %d, %v", c.key, c.cur, c.n, c.page, got, ok, c.want, c.wantHandled)
		}
	}
}

func TestWordSpans(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"The treaty is dead.", []string{"The", "treaty", "is", "dead."}},
		{"  two  spaces ", []string{"two", "spaces"}},
		{"他说。", []string{"他", "说。"}},
		{"「条約」と述べた。", []string{"「条", "約」", "と", "述", "べ", "た。"}},
		{"INF条约 expired", []string{"INF", "条", "约", "expired"}},
		{"مرحبا بالعالم", []string{"مرحبا", "بالعالم"}},
	} {
		var got []string
		for _, w := range wordSpans(c.text, 0, len(c.text)) {
			got = append(got, c.text[w[0]:w[1]])
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("wordSpans(%q) = %q, want %q", c.text, got, c.want)
		}
	}
	// Trimming a Chinese sentence drops characters, not the whole run.
	text := "拉夫罗夫说条约已经死了。"
	s, e := trimWords(text, 0, len(text), 2, 1)
	if got := text[s:e]; got != "罗夫说条约已经死" {
		t.Errorf("trimWords(2, 1) = %q", got)
	}
}

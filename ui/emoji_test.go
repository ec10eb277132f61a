package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestEmojiSequencesMeasureAlike checks that the text the reader draws has
// the same width counted by grapheme cluster (the layout) and by code
// point (tmux 3.3a and most terminals), keeps every byte offset (same
// length), keeps every picture, and keeps a ZWJ between letters.
func TestEmojiSequencesMeasureAlike(t *testing.T) {
	for _, s := range []string{
		"family 👨\u200d👩\u200d👦 at the park",
		"👩\u200d👩\u200d👧\u200d👦 four",
		"thumbs 👍🏽 up, 👨🏽\u200d💻 coder",
		"heart ❤\ufe0f and text-style 😀\ufe0e",
		"keycap 1\ufe0f\u20e3 and #\ufe0f\u20e3",
		"rainbow flag 🏳\ufe0f\u200d🌈 and 🇷🇺",
	} {
		got := safeText(s)
		if len(got) != len(s) {
			t.Errorf("%q: length %d, want %d", s, len(got), len(s))
		}
		if g, wc := ansi.StringWidth(got), ansi.StringWidthWc(got); g != wc {
			t.Errorf("%q: %d cells by cluster, %d by code point (%q)", s, g, wc, got)
		}
		for _, r := range s {
			if r >= 0x1f300 && !(r >= 0x1f3fb && r <= 0x1f3ff) && !strings.ContainsRune(got, r) {
				t.Errorf("%q: lost %c", s, r)
			}
		}
	}
	persian := "می\u200cخواهم نیم\u200dفاصله"
	if got := safeText(persian); got != persian {
		t.Errorf("Persian joiners changed: %q", got)
	}
}

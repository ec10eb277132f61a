package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// emojiArticle holds multi-codepoint emoji: ZWJ families, a skin tone, a
// heart and a keycap with presentation selectors, and a flag.
const emojiArticle = "Family day in Moscow\n\nMOSCOW, May 2. /TASS/. The family 👨\u200d👩\u200d👦 went to the park 👨\u200d👩\u200d👦 today, officials said. " +
	"Another family 👩\u200d👩\u200d👧\u200d👦 joined them 👍🏽 and waved ❤\ufe0f flags 🇷🇺 at 1\ufe0f\u20e3 noon.\n\n" +
	"More text follows here about the park and the weather in the city.\n"

// TestZWJEmojiKeepTheLayout opens an article with ZWJ emoji sequences next
// to another in tmux (3.3a counts each code point of a sequence, the
// layout the whole cluster): the tab bar stays on the first line, the
// column separators stay in one column, and no emoji is dropped.
func TestZWJEmojiKeepTheLayout(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte(emojiArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	other := "Family day\n\nMOSCOW, May 2. (Reuters) - A family went to the park today, officials said. Another family joined them and waved flags at noon.\n"
	if err := os.WriteFile(filepath.Join(dir, "b.txt"), []byte(other), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, size := range [][2]int{{80, 24}, {64, 20}, {100, 30}} {
		w, h := size[0], size[1]
		s := start(t, w, h, nil, "--notes", filepath.Join(t.TempDir(), "notes.db"), dir)
		scr := s.waitFor("READ", "Family day in Moscow", "officials said")
		checkEmojiScreen(t, scr, w, h)
		s.keys("j")
		scr = s.waitFor("TASS 2/")
		checkEmojiScreen(t, scr, w, h)
		s.keys("q")
		s.waitExit()
	}
}

// checkEmojiScreen checks one screen of TestZWJEmojiKeepTheLayout,
// measuring each line as tmux draws it (code point by code point).
func checkEmojiScreen(t *testing.T, scr string, w, h int) {
	t.Helper()
	lines := strings.Split(strings.TrimRight(scr, "\n"), "\n")
	if len(lines) > h || !strings.Contains(lines[0], "1 Read") {
		t.Fatalf("%dx%d: the screen scrolled (tab bar not on the first line):\n%s", w, h, scr)
	}
	sep := -1
	for i, l := range lines {
		if n := ansi.StringWidthWc(l); n > w {
			t.Errorf("%dx%d: line %d is %d cells wide:\n%s", w, h, i+1, n, scr)
		}
		j := strings.Index(l, "│")
		if j < 0 {
			continue
		}
		col := ansi.StringWidthWc(l[:j])
		if sep < 0 {
			sep = col
		} else if col != sep {
			t.Errorf("%dx%d: line %d has its separator in column %d, not %d:\n%s", w, h, i+1, col, sep, scr)
		}
	}
	if sep < 0 {
		t.Fatalf("%dx%d: no column separator:\n%s", w, h, scr)
	}
	for emoji, want := range map[string]int{"👨": 2, "👩": 4, "👧": 1, "👦": 3, "👍": 1} {
		if got := strings.Count(scr, emoji); got != want {
			t.Errorf("%dx%d: %s shown %d times, want %d:\n%s", w, h, emoji, got, want, scr)
		}
	}
}

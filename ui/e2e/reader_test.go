package e2e

import (
	"strings"
	"testing"
	"time"
)

// outlets are the column headers of the embedded corpus, by first report.
var outlets = []string{"Al Arabiya", "Sputnik", "TASS", "Tasnim", "Anadolu Agency"}

// TestReaderTour opens the embedded corpus at 80x24 and walks through what
// a new user does first: move, jump to a shared fact, ask why, search,
// open help, switch views, resize, quit.
func TestReaderTour(t *testing.T) {
	s := start(t, 80, 24, nil)
	scr := s.waitFor("1 Read", "Al Arabiya", "Sputnik", "READ")
	assertFits(t, scr, 80, 24)

	// Move down a sentence: the status line counts sentences.
	s.keys("j")
	s.waitFor("Al Arabiya 2/")

	// Jump to the next shared fact; the status line names it.
	s.keys("]")
	s.waitFor("fact ", " outlets")

	// Why? explains the sentence under the cursor.
	s.keys("w")
	s.waitFor("Why?", "Each outlet's wording")
	s.keys("Escape")
	s.waitGone("Each outlet's wording")

	// Search across all articles.
	pause()
	s.keys("/")
	s.text("Pompeo")
	s.keys("Enter")
	s.waitFor("Pompeo")

	// Help lists the keys and the colour legend.
	pause()
	s.keys("?")
	scr = s.waitFor("next shared fact", "quit")
	if !strings.Contains(strings.ToLower(scr), "help") {
		t.Errorf("help screen has no heading:\n%s", scr)
	}
	s.keys("Escape")
	pause()

	// The facts view lists facts against outlets.
	s.keys("2")
	s.waitFor("FACTS", "Tasn")
	s.keys("3")
	s.waitFor("OUTLETS")
	s.keys("1")
	s.waitFor("READ")

	// Resizing re-flows: wide, then tiny, then back.
	s.resize(200, 50)
	scr = s.waitFor("Sputnik", "TASS", "Al Arabiya")
	assertFits(t, scr, 200, 50)
	s.resize(20, 5)
	scr = s.waitFor("small")
	assertFits(t, scr, 20, 5)
	s.resize(80, 24)
	s.waitFor("READ")

	s.keys("q")
	s.waitExit()
}

// TestWideLayout checks that a wide terminal shows every outlet side by side.
func TestWideLayout(t *testing.T) {
	s := start(t, 200, 50, nil)
	scr := s.waitFor(outlets...)
	assertFits(t, scr, 200, 50)
	s.keys("]")
	s.waitFor("fact ")
	s.keys("C-c")
	s.waitExit()
}

// TestNoColor runs with NO_COLOR and checks the program still draws its
// cursor and highlights (as bold/underline/reverse) and emits no colour.
func TestNoColor(t *testing.T) {
	s := start(t, 80, 24, map[string]string{"NO_COLOR": "1"})
	s.waitFor("READ", "Al Arabiya")
	out := s.tmux("capture-pane", "-p", "-e", "-t", s.name)
	for _, colour := range []string{"\x1b[31m", "\x1b[32m", "\x1b[33m", "\x1b[34m", "38;5;", "38;2;"} {
		if strings.Contains(out, colour) {
			t.Errorf("NO_COLOR screen contains colour sequence %q", colour)
		}
	}
	s.keys("q")
	s.waitExit()
}

// pause separates an escape from the next key, so the terminal does not
// read them as one alt+key chord.
func pause() { time.Sleep(150 * time.Millisecond) }

// assertFits checks that no screen line is wider than the terminal and
// that the screen has at most h lines.
func assertFits(t *testing.T, scr string, w, h int) {
	t.Helper()
	lines := strings.Split(strings.TrimRight(scr, "\n"), "\n")
	if len(lines) > h {
		t.Errorf("screen has %d lines, terminal has %d", len(lines), h)
	}
	for i, l := range lines {
		if n := len([]rune(l)); n > w {
			t.Errorf("line %d is %d cells wide, terminal has %d: %q", i+1, n, w, l)
		}
	}
}

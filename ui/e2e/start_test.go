package e2e

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestCannotStartSaysWhyAfterQuitting is issue 17 item 6: a reader that
// cannot start shows why, and after q the reason stays on the terminal
// and the exit status is not 0.
func TestCannotStartSaysWhyAfterQuitting(t *testing.T) {
	// A short relative path, so the message is not wrapped mid-word.
	s := start(t, 80, 24, nil, "--notes", filepath.Join(t.TempDir(), "x.db"), "nonexistent-dir")
	s.waitFor("could not start", "nonexistent")
	s.keys("q")
	s.waitExit()
	// The whole terminal, what scrolled off the top included.
	scr := s.tmux("capture-pane", "-p", "-J", "-S", "-", "-t", s.name)
	if !strings.Contains(scr, "parallax: could not start: nothing could be read from nonexistent-dir") || !strings.Contains(scr, "no such file or folder") {
		t.Errorf("the reason is not on the terminal after quitting:\n%s", scr)
	}
	if code := s.exitStatus(); code != "1" {
		t.Errorf("exit status %q, want 1", code)
	}
}

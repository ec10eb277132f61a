package e2e

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
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
	// tmux may mark the pane dead (its terminal closed) a moment before
	// it has collected the exit status: wait for the status.
	code := ""
	for deadline := time.Now().Add(5 * time.Second); code == "" && time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		code = strings.TrimSpace(s.tmux("display-message", "-p", "-t", s.name, "#{pane_dead_status}"))
	}
	if code != "1" {
		t.Errorf("exit status %q, want 1 (%s)", code, s.tmux("display-message", "-p", "-t", s.name, "dead #{pane_dead} signal #{pane_dead_signal} time #{pane_dead_time} pid #{pane_pid}"))
	}
}

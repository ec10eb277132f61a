package e2e

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestUndoWordingAndCtrlCInMemo: in the real program at 80×24, V on the
// built-in corpus says versions are a library's; T d removes a tag and
// u says it undid the untagging (the tag is back), ctrl+r that it redid
// it; ctrl+c while writing a memo saves the memo, says so once the screen
// is gone, and exits 0.
func TestUndoWordingAndCtrlCInMemo(t *testing.T) {
	dir := t.TempDir()
	notesFile := filepath.Join(dir, "notes.db")
	s := start(t, 80, 24, nil, "--notes", notesFile)
	s.waitFor("READ", "notes none yet")
	s.keys("V")
	s.waitFor("versions: only for articles from a library")
	pause()
	s.keys("j")
	s.waitFor("Al Arabiya 2/")
	s.keys("t")
	s.waitFor("Tag this sentence")
	s.text("framing")
	s.waitFor("create and apply new tag “framing”")
	s.keys("Enter")
	s.waitFor("new tag “framing” applied")
	pause()
	s.keys("T")
	s.waitFor("Tags on this sentence")
	s.keys("d")
	s.waitFor("removed tag “framing”")
	pause()
	s.keys("u")
	s.waitFor("undone: untagged “framing”")
	pause()
	s.keys("C-r")
	s.waitFor("redone: untagged “framing”")
	pause()
	s.keys("u")
	s.waitFor("undone: untagged “framing”")
	pause()
	s.keys("m")
	s.waitFor("Memo on", "ctrl+c save & quit")
	s.text("half a thought on Lavrov")
	s.waitFor("│ half a thought on Lavrov")
	s.keys("C-c")
	s.waitExit()
	if st := s.exitStatus(); st != "0" {
		t.Fatalf("parallax exited %s", st)
	}
	cmd := exec.Command(binary, "notes", "--notes", notesFile)
	cmd.Env = []string{"HOME=" + dir, "PARALLAX_DATA_DIR=" + filepath.Join(dir, "data"), "PARALLAX_CONFIG_DIR=" + filepath.Join(dir, "config")}
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "memo: half a thought on Lavrov") {
		t.Fatalf("parallax notes after ctrl+c: %v\n%s", err, out)
	}
	// The line is on the main screen once the reader's is gone, perhaps
	// scrolled up by tmux's "Pane is dead": read the history too.
	if scr := s.tmux("capture-pane", "-p", "-J", "-S", "-100", "-t", s.name); !strings.Contains(scr, "parallax: ctrl+c saved the memo you were writing on “") {
		t.Errorf("no word of the memo saved on the terminal:\n%s", scr)
	}
}

//go:build unix

package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestPipeAndDuplicateIDOnTheProblemsScreen opens a folder holding a named
// pipe and two files claiming one id, the later of which was tagged: the
// reader loads instead of waiting on the pipe, the tagged file keeps its
// id, and the Problems screen names the pipe and the renamed file.
func TestPipeAndDuplicateIDOnTheProblemsScreen(t *testing.T) {
	needTmux(t)
	dir := t.TempDir()
	for name, text := range map[string]string{
		"b/lavrov.txt": "Lavrov on the treaty\n\nMOSCOW, May 2. /TASS/. Lavrov said the offer of an inspection stands. He spoke on Friday.\n",
		"other.txt":    "Talks in Geneva\n\nGENEVA, May 2. (Reuters) - Diplomats met in Geneva on Friday. Nothing was agreed.\n",
	} {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	notesFile := filepath.Join(t.TempDir(), "notes.db")
	tag := exec.Command(binary, "tag", "--notes", notesFile, "--article", "lavrov", "--quote", "the offer of an inspection", "--tag", "offer", dir)
	if out, err := tag.CombinedOutput(); err != nil {
		t.Fatalf("tag: %v\n%s", err, out)
	}
	// Added later, sorting first: it must not take the id, and its notes.
	p := filepath.Join(dir, "a", "lavrov.md")
	os.MkdirAll(filepath.Dir(p), 0o755)
	if err := os.WriteFile(p, []byte("Another Lavrov story\n\nMOSCOW. Lavrov spoke about something else entirely.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644); err != nil {
		t.Skipf("cannot make a named pipe here: %v", err)
	}

	s := start(t, 100, 30, nil, "--notes", notesFile, dir)
	s.waitFor("READ", "Problems (")
	s.keys("5")
	scr := s.waitFor("pipe.txt", "named pipe", "renamed", "lavrov-2")
	assertFits(t, scr, 100, 30)
	// Lines wrap anywhere in a long path: compare without white space.
	flat := strings.Join(strings.Fields(scr), "")
	if !strings.Contains(flat, "a/lavrov.md,isalsothatof") || !strings.Contains(flat, "b/lavrov.txt,whichkeepsit(thenoteon") {
		t.Errorf("the Problems screen does not say the added file was renamed for the tagged one:\n%s", scr)
	}
	s.keys("q")
	s.waitExit()
}

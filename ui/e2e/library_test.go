package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLibraryVersionsAndDiff fills a library from local files with two
// versions of one article (parallax add, the file edited, parallax add
// again), opens the reader with no PATH, and follows the edited article
// from the Stories view to its version history and the diff.
func TestLibraryVersionsAndDiff(t *testing.T) {
	needTmux(t)
	src := lookalikeFolder(t)
	env, px := libraryCLI(t)
	add := func(paths ...string) { t.Helper(); px(append([]string{"add"}, paths...)...) }
	add(src)
	art := filepath.Join(src, "2023-03-14-crossroads.md")
	b, err := os.ReadFile(art)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(b), "At least eight people were killed", "At least 11 people were killed", 1)
	edited = strings.Replace(edited, "Rescuers were searching the rubble of the apartment block for people feared trapped, she said.\n", "", 1)
	if edited == string(b) {
		t.Fatal("the fixture changed: nothing was edited")
	}
	if err := os.WriteFile(art, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	add(art)

	s := start(t, 100, 30, env)
	scr := s.waitFor("STORIES", "2 stories in 1 thread · ", "Death toll in Dravnik")
	assertFits(t, scr, 100, 30)
	// Newest first: the 2024 strike is story 1, the edited 2023 one 2.
	s.keys("j", "j")
	s.keys("Enter")
	scr = s.waitFor("READ", "story 2/2", "Crossroads Wire ✎2")
	// Focus the edited article's column, the second.
	s.keys("Tab")
	scr = s.waitFor("· Crossroads Wire 1/")
	if !strings.Contains(lastLines(scr, 2), "V versions") {
		t.Fatalf("the hints do not offer V on the edited article:\n%s", scr)
	}
	s.keys("V")
	scr = s.waitFor("VERSIONS", "Versions · Crossroads Wire", "enter: diff v1 → v2")
	assertFits(t, scr, 100, 30)
	s.keys("Enter")
	scr = s.waitFor("DIFF", "EDITED", "[-eight-]{+11+}", "DELETED", "[-Rescuers were searching", "⚑")
	assertFits(t, scr, 100, 30)
	s.keys("Escape")
	s.waitFor("VERSIONS")
	s.keys("Escape")
	s.waitFor("READ", "Crossroads Wire ✎2")
	s.keys("q")
	s.waitExit()
	if st := s.exitStatus(); st != "0" {
		t.Fatalf("exit status %q", st)
	}
}

// lastLines returns the last n lines of a screen: the status line and
// the footer.
func lastLines(scr string, n int) string {
	lines := strings.Split(strings.TrimRight(scr, "\n"), "\n")
	return strings.Join(lines[max(len(lines)-n, 0):], "\n")
}

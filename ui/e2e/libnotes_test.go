package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLibraryNoteMadeOnEarlierVersion tags two passages of a library
// article (parallax tag), stores an edited version of it that changes one
// passage and deletes the other, and opens the reader: the notes view
// says both notes were made on version 1 of 2 (the one orphaned too), and
// V on a note opens the diff from version 1 to the latest.
func TestLibraryNoteMadeOnEarlierVersion(t *testing.T) {
	needTmux(t)
	src := lookalikeFolder(t)
	env, parallax := libraryCLI(t)
	parallax("add", src)
	var listed struct {
		Articles []struct{ ID, Outlet, Title string }
	}
	if err := json.Unmarshal([]byte(parallax("list", "--json")), &listed); err != nil {
		t.Fatal(err)
	}
	id := ""
	for _, a := range listed.Articles {
		if a.Outlet == "Crossroads Wire" && strings.HasPrefix(a.Title, "At least 8 killed") {
			id = a.ID
		}
	}
	if id == "" {
		t.Fatalf("no Crossroads Wire article in %+v", listed.Articles)
	}
	parallax("tag", "--coder", "anna", "--article", id, "--quote", "At least eight people were killed", "--tag", "toll")
	parallax("tag", "--coder", "anna", "--article", id, "--quote", "Rescuers were searching the rubble of the apartment block", "--tag", "rescue")

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
	parallax("add", art)

	s := start(t, 100, 30, env)
	// The analysed Stories view (the other views wait for the analysis
	// while the stories the library stored are shown), with the notes
	// file open (4 does nothing while "notes opening…").
	s.waitFor("STORIES", "2 stories in 1 thread · ", "✓saved")
	s.keys("4")
	scr := s.waitFor("NOTES", "made on v1/2 Crossroads", "ORPHANED made on v1/2", "made on version 1 of 2, fetched")
	assertFits(t, scr, 100, 30)
	s.keys("V")
	scr = s.waitFor("DIFF", "Diff v1 → v2", "[-eight-]{+11+}", "DELETED")
	assertFits(t, scr, 100, 30)
	// esc: back to the history, version 1 chosen (◇); esc lets it go,
	// esc closes the history.
	s.keys("Escape")
	s.waitFor("VERSIONS", "◇ 1")
	s.keys("Escape")
	s.waitGone("◇")
	s.keys("Escape")
	s.waitFor("NOTES", "made on v1/2")
	s.keys("q")
	s.waitExit()
	if st := s.exitStatus(); st != "0" {
		t.Fatalf("exit status %q", st)
	}
}

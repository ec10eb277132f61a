package e2e

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/library"
)

// TestLibraryStoredStoriesFirst opens the reader with no PATH on a library
// of 1,000 generated articles with their stories stored and the look-alike
// articles added with 'parallax add': the first screen is the Stories view
// of the stories the library stored, the analysis's progress in the
// status line; enter says the story opens when the analysis is done; then
// the analysed stories take their place, and enter opens one.
func TestLibraryStoredStoriesFirst(t *testing.T) {
	needTmux(t)
	dir := t.TempDir()
	lib := filepath.Join(dir, "lib.db")
	l, err := library.Open(lib, library.Options{Outlets: corpus.ShippedOutlets()})
	if err != nil {
		t.Fatal(err)
	}
	if err := library.FillGenerated(l, 1000); err != nil {
		t.Fatal(err)
	}
	if err := library.StoreGeneratedStories(l); err != nil {
		t.Fatal(err)
	}
	l.Close()
	cli(t, dir, "PARALLAX_LIBRARY="+lib)("add", lookalikeFolder(t))

	s := start(t, 100, 30, map[string]string{"PARALLAX_LIBRARY": lib, "NO_COLOR": "1"})
	scr := s.waitFor("STORIES", "as the library stored them · 1011 articles", "enter open (when analysed)")
	assertFits(t, scr, 100, 30)
	// Newest first: the generated library runs up to today, the look-alike
	// strikes (2023, 2024) are the last thread, its 2023 story last.
	s.keys("G")
	s.waitFor("Missiles hit Dravnik at dawn", "Story ")
	s.keys("Enter")
	scr = s.waitFor("opens when the analysis is done")
	if !strings.Contains(scr, "as the library stored them") {
		t.Fatalf("the analysis was done before enter was read; nothing was tested:\n%s", scr)
	}
	s.waitGone("as the library stored them")
	scr = s.waitFor("STORIES", "· 1011 articles ·")
	if strings.Contains(scr, "when analysed") || strings.Contains(scr, "seen most recently") {
		t.Fatalf("the analysed view still says the analysis runs:\n%s", scr)
	}
	assertFits(t, scr, 100, 30)
	// The cursor stayed on the story: the analysis found the same one.
	if !strings.Contains(scr, "Missiles hit Dravnik at dawn") {
		t.Fatalf("the cursor left the story:\n%s", scr)
	}
	s.keys("Enter")
	s.waitFor("READ", "Crossroads Wire")
	s.keys("q")
	s.waitExit()
	if st := s.exitStatus(); st != "0" {
		t.Fatalf("exit status %q", st)
	}
}

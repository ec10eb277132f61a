package e2e

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestTaggingSurvivesRestart tags a sentence with a new tag, adds a memo,
// cancels a new tag name and finds it again as a draft, quits, reopens on
// the same notes file, sees the tag and undoes it.
func TestTaggingSurvivesRestart(t *testing.T) {
	notesFile := filepath.Join(t.TempDir(), "notes.db")
	s := start(t, 80, 24, nil, "--notes", notesFile)
	// A new notes file is made by the first change, not by opening.
	s.waitFor("READ", "notes none yet")
	if _, err := os.Stat(notesFile); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("opening the reader made the notes file (%v)", err)
	}
	s.keys("j")
	s.waitFor("Al Arabiya 2/")
	s.keys("t")
	s.waitFor("Tag this sentence", "No tags yet")
	s.text("blames the US")
	s.waitFor("create and apply new tag “blames the US”")
	s.keys("Enter")
	s.waitFor("new tag", "▐")
	pause()
	s.keys("m")
	s.waitFor("Memo on")
	s.text("TASS frames it as US aggression")
	s.keys("Enter")
	s.waitFor("memo saved")
	pause()
	// A tag name typed and cancelled is kept as a draft: the same prompt
	// opened again holds it.
	s.keys("4")
	s.waitFor("blames the US (1)")
	s.keys("c")
	s.waitFor("Codebook")
	s.keys("a")
	s.waitFor("New tag name")
	s.text("frames/tass")
	s.waitFor("> frames/tass", "esc: keep draft")
	s.keys("Escape")
	s.waitGone("New tag name")
	pause()
	s.keys("a")
	s.waitFor("New tag name", "> frames/tass", "esc: keep draft")
	s.keys("Escape")
	s.waitGone("New tag name")
	pause()
	s.keys("q")
	s.waitExit()

	s = start(t, 80, 24, nil, "--notes", notesFile)
	s.waitFor("READ", "notes ✓saved", "▐")
	s.keys("4")
	s.waitFor("blames the US (1)", "memo: TASS frames it as US aggression")
	pause()
	s.keys("u")
	s.waitFor("undone")
	s.waitGone("memo: TASS")
	pause()
	s.keys("u")
	s.waitFor("No tagged passages yet")
	pause()
	s.keys("q")
	s.waitExit()
}

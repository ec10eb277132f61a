package ui

import (
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus/notes"
)

// TestNegativeSchemaVersionDoesNotCrashTheReader opens a notes file whose
// schema version is -1 (one flipped bit of its header): the reader used to
// panic in the migration; now tagging is off, the notes view says why, and
// the file is left as it was.
func TestNegativeSchemaVersionDoesNotCrashTheReader(t *testing.T) {
	c, a := testCorpus()
	m := newTestModel(t, c, a, 100, 30)
	path := filepath.Join(t.TempDir(), "notes.db")
	s, err := notes.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("PRAGMA user_version = -1"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before, _ := os.ReadFile(path)
	m.opts.NotesPath = path
	m = runCmd(m, openNotes(m), 0)
	if m.ctx.notes.store != nil || m.ctx.notes.err == nil || !strings.Contains(m.ctx.notes.err.Error(), "schema version is -1") {
		t.Fatalf("store %v, error %v", m.ctx.notes.store, m.ctx.notes.err)
	}
	if v := m.View(); !strings.Contains(v, "notes unavailable") {
		t.Fatalf("the status line does not say so:\n%s", v)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
		t.Fatal("the refused notes file was changed")
	}
}

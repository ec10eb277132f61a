package cli

import (
	"crypto/sha256"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus/notes"
)

// TestDamagedNotesAreListedNotWritten is the notes file with unreadable
// rows from the command line: 'tag' refuses and leaves the file as it
// was, 'notes' and 'export' list the readable notes read-only and name the
// bad ones on standard error.
func TestDamagedNotesAreListedNotWritten(t *testing.T) {
	t.Setenv("PARALLAX_CONFIG_DIR", t.TempDir())
	t.Setenv("PARALLAX_DATA_DIR", t.TempDir())
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "lavrov.txt"), []byte(tagArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"The United States is to blame", "inspection of the missile", "the offer stands"} {
		if _, errs, code := runCLI(t, "tag", "--article", "lavrov", "--quote", q, "--tag", "x", dir); code != 0 {
			t.Fatal(errs)
		}
	}
	store := filepath.Join(dir, notes.FileName)
	db, err := sql.Open("sqlite", store)
	if err != nil {
		t.Fatal(err)
	}
	var bad string
	if err := db.QueryRow("SELECT id FROM notes WHERE quote = 'the offer stands'").Scan(&bad); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("UPDATE notes SET start_byte = 'abc' WHERE id = ?", bad); err != nil {
		t.Fatal(err)
	}
	db.Close()
	hash := func() [32]byte {
		b, err := os.ReadFile(store)
		if err != nil {
			t.Fatal(err)
		}
		return sha256.Sum256(b)
	}
	before := hash()

	_, errs, code := runCLI(t, "tag", "--article", "lavrov", "--quote", "Lavrov says US", "--tag", "y", dir)
	if code == 0 || !strings.Contains(errs, "1 of 3 notes cannot be read") || !strings.Contains(errs, "the file was not changed") {
		t.Errorf("tag on a damaged store: exit %d, %s", code, errs)
	}
	got := notesJSON(t, dir)
	if len(got.Notes) != 2 {
		t.Errorf("notes --json lists %d notes, want the 2 readable ones", len(got.Notes))
	}
	out, errs, code := runCLI(t, "notes", dir)
	if code != 0 || !strings.Contains(out, "2 tagged passages") || !strings.Contains(errs, bad) || !strings.Contains(errs, `start_byte is "abc"`) {
		t.Errorf("notes: exit %d\n%s\n%s", code, out, errs)
	}
	out, errs, code = runCLI(t, "export", "--format", "csv", dir)
	if code != 0 || strings.Count(out, "\r\n") != 3 || !strings.Contains(errs, "1 note cannot be read") {
		t.Errorf("export: exit %d\n%s\n%s", code, out, errs)
	}
	if hash() != before {
		t.Error("the damaged notes file was changed")
	}
	for _, side := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(store + side); err == nil {
			t.Errorf("%s left beside the notes file", side)
		}
	}
}

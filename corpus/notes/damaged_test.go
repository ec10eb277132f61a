package notes

import (
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
)

// noSideFiles fails when SQLite's -wal, -shm or -journal file is left
// beside path.
func noSideFiles(t *testing.T, path string) {
	t.Helper()
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Lstat(path + suffix); err == nil {
			t.Errorf("%s%s was left beside the file", filepath.Base(path), suffix)
		}
	}
}

func execSQL(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// TestRefuseDamagedStores opens stores damaged the ways the hardening
// issue found: a negative schema version (set, or one flipped bit of the
// header), a schema that does not match its version, an index that
// disagrees with its table. Each is refused with the documented message,
// without a panic or a raw SQLite error, and is left byte for byte as it
// was, with no -wal or -shm file beside it.
func TestRefuseDamagedStores(t *testing.T) {
	dir := t.TempDir()
	store := func(name string, damage func(path string)) string {
		p := filepath.Join(dir, name)
		fillStore(t, p, 40)
		damage(p)
		return p
	}
	cases := []struct {
		path string
		want error
		says string
	}{
		{store("negative.db", func(p string) { setPragma(t, p, "PRAGMA user_version = -1") }),
			ErrNotStore, "schema version is -1"},
		{store("flipped.db", func(p string) {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			b[60] ^= 0x80 // the high bit of user_version (bytes 60–63, big-endian)
			if err := os.WriteFile(p, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}), ErrNotStore, "which no parallax writes"},
		{store("v1-with-history.db", func(p string) { setPragma(t, p, "PRAGMA user_version = 1") }),
			ErrNotStore, "not that of version 1"},
		{store("no-quote.db", func(p string) { execSQL(t, p, "ALTER TABLE notes DROP COLUMN quote") }),
			ErrNotStore, "table notes has no column quote"},
		{store("extra-column.db", func(p string) { execSQL(t, p, "ALTER TABLE codes ADD COLUMN weight INTEGER NOT NULL DEFAULT 0") }),
			ErrNotStore, "column weight that parallax does not make"},
		{store("bad-index.db", func(p string) {
			// The index is declared on other columns than it holds: the
			// quick check passes, the full integrity check does not.
			execSQL(t, p, "PRAGMA writable_schema = ON",
				"UPDATE sqlite_schema SET sql = 'CREATE INDEX notes_by_article ON notes(article, end_byte, start_byte)' WHERE name = 'notes_by_article'")
		}), ErrNotStore, "missing from index notes_by_article"},
		{store("future.db", func(p string) { setPragma(t, p, "PRAGMA user_version = 99") }),
			ErrNewerVersion, "upgrade parallax"},
	}
	for _, c := range cases {
		t.Run(filepath.Base(c.path), func(t *testing.T) {
			before := fileHash(t, c.path)
			for _, open := range []func(string) (*Store, error){openPlain, OpenReadOnly} {
				s, err := open(c.path)
				if err == nil {
					s.Close()
					t.Fatal("opened")
				}
				msg := err.Error()
				if !errors.Is(err, c.want) || !strings.Contains(msg, c.says) || !strings.Contains(msg, c.path) || !strings.Contains(msg, "the file was not changed") {
					t.Errorf("error %q: want %v saying %q, the path and that the file was not changed", msg, c.want, c.says)
				}
				if strings.Contains(msg, "SQL logic error") && !strings.Contains(msg, "(SQL logic error") {
					t.Errorf("a raw SQLite error: %q", msg)
				}
				if after := fileHash(t, c.path); after != before {
					t.Fatal("the refused file was changed")
				}
				noSideFiles(t, c.path)
			}
		})
	}
}

// TestRefusedFilesGetNoSideFiles checks that examining a file that is
// refused, or opening and closing a sound store, leaves nothing beside it
// and does not change it.
func TestRefusedFilesGetNoSideFiles(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.db")
	fillStore(t, good, 5)
	noSideFiles(t, good)
	before := fileHash(t, good)
	for _, open := range []func(string) (*Store, error){openPlain, OpenReadOnly} {
		s, err := open(good)
		if err != nil {
			t.Fatal(err)
		}
		if ns, err := s.Notes(); err != nil || len(ns) != 5 {
			t.Fatalf("%d notes, %v", len(ns), err)
		}
		s.Close()
		if fileHash(t, good) != before {
			t.Fatal("opening and closing a store without a change changed it")
		}
		noSideFiles(t, good)
	}
	foreign := filepath.Join(dir, "foreign.db")
	execSQL(t, foreign, "PRAGMA journal_mode = WAL", "CREATE TABLE accounts(id INTEGER, balance REAL)")
	noSideFiles(t, foreign)
	if _, err := Open(foreign); !errors.Is(err, ErrNotStore) {
		t.Fatalf("foreign WAL database: %v", err)
	}
	noSideFiles(t, foreign)
}

// TestUnreadableRowsAreNeverWritten is the store with 3 of 400 notes whose
// start_byte is text: it is not opened for writing (the file stays as it
// was), the error names the bad notes, and the 397 others are still read,
// and placed, read-only.
func TestUnreadableRowsAreNeverWritten(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.db")
	fillStore(t, path, 400)
	var bad []string
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := db.Query("SELECT id FROM notes ORDER BY rowid LIMIT 3 OFFSET 100")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id string
		rows.Scan(&id)
		bad = append(bad, id)
	}
	rows.Close()
	for _, id := range bad {
		if _, err := db.Exec("UPDATE notes SET start_byte = 'abc' WHERE id = ?", id); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	before := fileHash(t, path)

	_, err = Open(path)
	if !errors.Is(err, ErrUnreadableRows) || !errors.Is(err, ErrNotStore) {
		t.Fatalf("Open: %v", err)
	}
	for _, want := range []string{"3 of 400 notes cannot be read", bad[0], `start_byte is "abc"`, "the file was not changed", "other 397"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q: %v", want, err)
		}
	}
	if fileHash(t, path) != before {
		t.Fatal("Open changed the file")
	}
	noSideFiles(t, path)

	s, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	ns, err := s.Notes()
	if err != nil || len(ns) != 397 {
		t.Fatalf("read-only: %d notes, %v", len(ns), err)
	}
	if ps := s.Problems(); len(ps) != 3 || !strings.Contains(ps[0].String(), "start_byte") {
		t.Fatalf("problems: %v", ps)
	}
	// Placing the notes on an edited article moves them in memory only.
	a := article("a", "An added first line.\n\n"+strings.Repeat(sampleText+"\n\n", 3))
	moved, _, err := s.Reanchor(&corpus.Corpus{Articles: []*corpus.Article{a}})
	if err != nil || moved == 0 {
		t.Fatalf("Reanchor: %d moved, %v", moved, err)
	}
	placed, _ := s.Notes()
	if placed[0].Anchor.Hash != a.Hash || placed[0].Anchor.Start == ns[0].Anchor.Start {
		t.Errorf("the notes were not placed on the edited text: %+v", placed[0].Anchor)
	}
	if _, err := s.Tag(NewAnchor(a, 0, 5), []string{"x"}, ""); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Tag on a read-only store: %v", err)
	}
	if _, err := s.Undo(); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Undo on a read-only store: %v", err)
	}
	s.Close()
	if fileHash(t, path) != before {
		t.Fatal("reading the store read-only changed it")
	}
	noSideFiles(t, path)
}

// TestReadOnlyPlaces plays a file system where parallax may not write the
// store: Open refuses in words, OpenReadOnly reads it as it is.
func TestReadOnlyPlaces(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.db")
	fillStore(t, path, 12)
	before := fileHash(t, path)
	canWrite = func(string) bool { return false }
	t.Cleanup(func() { canWrite = canWriteFile })
	_, err := Open(path)
	if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), "may not write it") || strings.Contains(err.Error(), "attempt to write") {
		t.Fatalf("Open: %v", err)
	}
	s, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	if ns, err := s.Notes(); err != nil || len(ns) != 12 {
		t.Fatalf("%d notes, %v", len(ns), err)
	}
	if err := s.AddCode(Code{Name: "new"}); !errors.Is(err, ErrReadOnly) {
		t.Errorf("AddCode: %v", err)
	}
	s.Close()
	if fileHash(t, path) != before {
		t.Fatal("the file was changed")
	}
	noSideFiles(t, path)
}

// TestReadOnlyPermissions is TestReadOnlyPlaces with real permissions
// (root may write anything, so it runs only for other users).
func TestReadOnlyPermissions(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root may write a read-only file")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "notes.db")
	fillStore(t, path, 3)
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	if _, err := Open(path); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("Open in a read-only folder: %v", err)
	}
	s, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if ns, err := s.Notes(); err != nil || len(ns) != 3 {
		t.Fatalf("%d notes, %v", len(ns), err)
	}
}

// TestNotesFileThatIsAPipe refuses a named pipe given as the notes file
// without waiting on it.
func TestNotesFileThatIsAPipe(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.db")
	if err := mkfifo(path); err != nil {
		t.Skipf("cannot make a named pipe here: %v", err)
	}
	for _, open := range []func(string) (*Store, error){openPlain, OpenReadOnly} {
		if _, err := open(path); !errors.Is(err, ErrNotStore) || !strings.Contains(err.Error(), "named pipe") {
			t.Errorf("a pipe as notes file: %v", err)
		}
	}
}

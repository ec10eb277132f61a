package notes

import (
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
)

func TestRefuseBadFiles(t *testing.T) {
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(1, 2))

	garbage := filepath.Join(dir, "garbage.db")
	b := make([]byte, 9000)
	for i := range b {
		b[i] = byte(rng.UintN(256))
	}
	os.WriteFile(garbage, b, 0o644)

	text := filepath.Join(dir, "text.db")
	os.WriteFile(text, []byte("these are my notes, in a plain text file\n"), 0o644)

	good := filepath.Join(dir, "good.db")
	fillStore(t, good, 120)
	whole, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	if len(whole) < 4*4096 {
		t.Fatalf("test store too small to truncate meaningfully: %d bytes", len(whole))
	}
	truncated := filepath.Join(dir, "truncated.db")
	os.WriteFile(truncated, whole[:len(whole)/2], 0o644)
	truncatedOdd := filepath.Join(dir, "truncated-odd.db")
	os.WriteFile(truncatedOdd, whole[:len(whole)/2+1000], 0o644)
	headerOnly := filepath.Join(dir, "header.db")
	os.WriteFile(headerOnly, whole[:100], 0o644)

	future := filepath.Join(dir, "future.db")
	fillStore(t, future, 3)
	setPragma(t, future, "PRAGMA user_version = 99")

	foreign := filepath.Join(dir, "foreign.db")
	db, err := sql.Open("sqlite", foreign)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE accounts(id INTEGER, balance REAL); INSERT INTO accounts VALUES (1, 2.5)"); err != nil {
		t.Fatal(err)
	}
	db.Close()

	cases := []struct {
		path string
		want error
		says string
	}{
		{garbage, ErrNotStore, "not an SQLite database"},
		{text, ErrNotStore, "not an SQLite database"},
		{truncated, ErrNotStore, "corrupt or truncated"},
		{truncatedOdd, ErrNotStore, "truncated"},
		{headerOnly, ErrNotStore, "corrupt or truncated"},
		{future, ErrNewerVersion, "upgrade parallax"},
		{foreign, ErrNotStore, "another program"},
	}
	for _, c := range cases {
		t.Run(filepath.Base(c.path), func(t *testing.T) {
			before := fileHash(t, c.path)
			s, err := Open(c.path)
			if err == nil {
				s.Close()
				t.Fatal("opened")
			}
			if !errors.Is(err, c.want) || !strings.Contains(strings.ReplaceAll(err.Error(), c.path, "FILE"), c.says) || !strings.Contains(err.Error(), c.path) {
				t.Fatalf("error %q: want %v mentioning %q and the path", err, c.want, c.says)
			}
			if after := fileHash(t, c.path); after != before {
				t.Fatal("the refused file was changed")
			}
			t.Log(err)
		})
	}
}

func TestOpenEmptyFileAndReopen(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "sub", "dir", "empty.db")
	os.MkdirAll(filepath.Dir(p), 0o755)
	os.WriteFile(p, nil, 0o644) // e.g. made by mktemp
	s, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	a := article("a", sampleText)
	n := mustTag(t, s, anchorOf(t, a, "Analysts in Brussels"), "voice")
	s.Close()
	s, err = Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ns, _ := s.Notes()
	if len(ns) != 1 || ns[0].ID != n.ID || s.Path() != p {
		t.Fatalf("after reopen: %+v", ns)
	}
	if _, err := Open(dir); err == nil {
		t.Fatal("opened a folder")
	}
}

func TestDefaultPath(t *testing.T) {
	dir := t.TempDir()
	folder := filepath.Join(dir, "corpus")
	os.MkdirAll(filepath.Join(folder, "sub"), 0o755)
	f1 := filepath.Join(folder, "a.md")
	f2 := filepath.Join(folder, "sub", "b.md")
	os.WriteFile(f1, []byte("x"), 0o644)
	os.WriteFile(f2, []byte("x"), 0o644)
	cases := []struct {
		paths []string
		want  string
	}{
		{nil, filepath.Join(dir, "data", "embedded-notes.db")},
		{[]string{folder}, filepath.Join(folder, FileName)},
		{[]string{f1}, filepath.Join(folder, FileName)},
		{[]string{f1, f2}, filepath.Join(folder, FileName)},
		{[]string{f2, folder}, filepath.Join(folder, FileName)},
	}
	for _, c := range cases {
		if got := DefaultPath(&corpus.Corpus{}, c.paths, filepath.Join(dir, "data")); got != c.want {
			t.Errorf("DefaultPath(%v) = %s, want %s", c.paths, got, c.want)
		}
	}
}

// BenchmarkNotes reads back 2000 notes with their tags.
func BenchmarkNotes(b *testing.B) {
	path := filepath.Join(b.TempDir(), "n.db")
	s, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	a := article("a", strings.Repeat(sampleText, 20))
	for i := range 2000 {
		if _, err := s.Tag(NewAnchor(a, i, i+40), []string{fmt.Sprintf("c%d", i%30), "all"}, ""); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		ns, err := s.Notes()
		if err != nil || len(ns) != 2000 {
			b.Fatal(len(ns), err)
		}
	}
}

// TestStoreGoroutines: the reader calls the store from several tea.Cmd
// goroutines at once.
func TestStoreGoroutines(t *testing.T) {
	s := openTemp(t)
	a := article("a", strings.Repeat(sampleText, 5))
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 15 {
				st := g*200 + i*5
				if _, err := s.Tag(NewAnchor(a, st, st+20), []string{fmt.Sprintf("g%d", g)}, ""); err != nil {
					errs <- err
				}
				if _, err := s.Notes(); err != nil {
					errs <- err
				}
				if _, err := s.Refresh(); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	ns, _ := s.Notes()
	if len(ns) != 60 {
		t.Fatalf("%d notes, want 60", len(ns))
	}
	for range 60 {
		if _, err := s.Undo(); err != nil {
			t.Fatal(err)
		}
	}
	if ns, _ := s.Notes(); len(ns) != 0 {
		t.Fatalf("%d notes after undoing all", len(ns))
	}
}

// TestNoWritesAfterUpgradeElsewhere: a newer parallax upgrades the file
// while this one has it open; this one must stop writing.
func TestNoWritesAfterUpgradeElsewhere(t *testing.T) {
	path := filepath.Join(t.TempDir(), "n.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a := article("a", sampleText)
	mustTag(t, s, anchorOf(t, a, "Washington rejected"), "x")
	setPragma(t, path, fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion+1))
	if _, err := s.Tag(anchorOf(t, a, "Analysts in Brussels"), []string{"y"}, ""); !errors.Is(err, ErrNewerVersion) {
		t.Fatalf("tag after upgrade elsewhere: %v", err)
	}
	if _, err := s.Undo(); !errors.Is(err, ErrNewerVersion) {
		t.Fatalf("undo after upgrade elsewhere: %v", err)
	}
	edited := article("a", "A new lead.\n\n"+sampleText)
	if _, _, err := s.Reanchor(&corpus.Corpus{Articles: []*corpus.Article{edited}}); !errors.Is(err, ErrNewerVersion) {
		t.Fatalf("re-anchor after upgrade elsewhere: %v", err)
	}
	if ns, _ := s.Notes(); len(ns) != 1 {
		t.Fatalf("%d notes", len(ns))
	}
}

// TestMigrateFromVersion1 opens a store of schema version 1 (before the
// history table) and upgrades it without losing anything.
func TestMigrateFromVersion1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v1.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	stmts := []string{
		migrations[0],
		fmt.Sprintf("PRAGMA application_id = %d", applicationID),
		"PRAGMA user_version = 1",
		"INSERT INTO codes(name, colour, description, parent, pos) VALUES ('blame', '#e15759', 'old', '', 1)",
		// The version 1 columns, named: later versions add more.
		"INSERT INTO notes(id, article, hash, start_byte, end_byte, quote, prefix, suffix, memo, created, modified, orphaned) VALUES ('n1', 'a', 'h', 4, 10, 'quote', '', '', 'memo', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 0)",
		"INSERT INTO note_tags(note_id, tag, pos) VALUES ('n1', 'blame', 0)",
	}
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ns, _ := s.Notes()
	cs, _ := s.Codebook()
	if len(ns) != 1 || ns[0].Memo != "memo" || !slices.Equal(ns[0].Tags, []string{"blame"}) || len(cs) != 1 || cs[0].Description != "old" {
		t.Fatalf("after migration: %+v %+v", ns, cs)
	}
	var v int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&v); err != nil || v != SchemaVersion {
		t.Fatalf("user_version = %d (%v)", v, err)
	}
	if err := s.Untag("n1", "blame"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
}

// TestIsBusy checks isBusy against the errors SQLite really returns: a
// write while another connection holds the file's lock is busy (also when
// wrapped), a constraint failure and a plain error are not.
func TestIsBusy(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lock.db")
	a, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	a.SetMaxOpenConns(1)
	if _, err := a.Exec("CREATE TABLE t (x INTEGER PRIMARY KEY)"); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Exec("BEGIN EXCLUSIVE"); err != nil {
		t.Fatal(err)
	}
	defer a.Exec("ROLLBACK")
	b, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	_, busy := b.Exec("INSERT INTO t VALUES (1)")
	if busy == nil {
		t.Fatal("a write under another connection's exclusive lock succeeded")
	}
	if !isBusy(busy) || !isBusy(fmt.Errorf("tag: %w", busy)) {
		t.Errorf("isBusy(%v) = false, want true", busy)
	}
	if _, err := a.Exec("INSERT INTO t VALUES (1)"); err != nil {
		t.Fatal(err)
	}
	_, dup := a.Exec("INSERT INTO t VALUES (1)")
	if dup == nil || isBusy(dup) {
		t.Errorf("isBusy(%v) = true for a constraint failure", dup)
	}
	if isBusy(errors.New("database is locked")) {
		t.Error("isBusy is true for an error that does not come from SQLite")
	}
}

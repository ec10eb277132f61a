package sqlitefile

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestURIAndQueries(t *testing.T) {
	if got, want := URI("/a b/50%?#.db", "mode=ro"), "file:/a b/50%25%3f%23.db?mode=ro"; got != want {
		t.Errorf("URI = %q, want %q", got, want)
	}
	if got, want := WriteQuery("synchronous(FULL)"), "_pragma=busy_timeout(15000)&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_txlock=immediate"; got != want {
		t.Errorf("WriteQuery = %q, want %q", got, want)
	}
	if want := fmt.Sprintf("_pragma=busy_timeout(%d)", BusyTimeout.Milliseconds()); BusyPragma != want {
		t.Errorf("BusyPragma = %q, BusyTimeout says %q", BusyPragma, want)
	}
}

// TestErrorKinds checks the classification against the errors SQLite
// really returns: a write under another connection's exclusive lock is
// busy (also wrapped), a constraint failure and a plain error are not.
func TestErrorKinds(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lock.db")
	a, err := Connect(path, "")
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if _, err := a.Exec("CREATE TABLE t (x INTEGER PRIMARY KEY)"); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Exec("BEGIN EXCLUSIVE"); err != nil {
		t.Fatal(err)
	}
	b, err := Connect(path, "")
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	_, busy := b.Exec("INSERT INTO t VALUES (1)")
	if !IsBusy(busy) || !IsBusy(fmt.Errorf("tag: %w", busy)) || !IsSQLite(busy) {
		t.Errorf("IsBusy(%v) = false, want true", busy)
	}
	if _, err := a.Exec("INSERT INTO t VALUES (1)"); err != nil {
		t.Fatal(err)
	}
	_, dup := a.Exec("INSERT INTO t VALUES (1)")
	if dup == nil || IsBusy(dup) || IsReadOnly(dup) || IsWriteRefused(dup) {
		t.Errorf("%v is classed as busy or read-only", dup)
	}
	a.Exec("ROLLBACK")
	plain := errors.New("database is locked")
	if IsBusy(plain) || IsSQLite(plain) || NeedsRollback(plain) {
		t.Error("an error that does not come from SQLite is classed as SQLite's")
	}
	if !IsWriteRefused(errors.New("attempt to write a readonly database")) || IsReadOnly(errors.New("readonly")) {
		t.Error("only IsWriteRefused reads the words of an error from elsewhere")
	}

	ro, err := Connect(path, "mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	_, err = ro.Exec("INSERT INTO t VALUES (2)")
	if !IsReadOnly(err) || !IsWriteRefused(err) {
		t.Errorf("a write through a read-only connection: %v, want read-only", err)
	}
}

func TestRetryStopsOnOtherErrors(t *testing.T) {
	calls := 0
	_, err := Retry(func() (int, error) { calls++; return 0, errors.New("no") })
	if err == nil || calls != 1 {
		t.Errorf("Retry: %v after %d calls, want the error after 1", err, calls)
	}
	v, err := Retry(func() (int, error) { return 7, nil })
	if v != 7 || err != nil {
		t.Errorf("Retry = %d, %v", v, err)
	}
}

// words are Refusals that say which refusal was made.
var words = Refusals{
	Foreign: func(appID int64) error { return fmt.Errorf("foreign %#x", appID) },
	Newer:   func(v int64) error { return fmt.Errorf("newer %d", v) },
	Refuse:  func(why error) error { return fmt.Errorf("refused: %w", why) },
	Wrap:    func(err error) error { return fmt.Errorf("wrapped: %w", err) },
}

func header(t *testing.T, path string) (Header, int64) {
	t.Helper()
	db, err := Connect(path, "mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	h, err := ReadHeader(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	n, err := CountObjects(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	return h, n
}

func TestMigrateAndHeader(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "s.db")
	s := Schema{AppID: 0x54455354, Migrations: []string{"CREATE TABLE a(x)", "CREATE TABLE b(y)"}}
	db, err := Connect(path, WriteQuery())
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Ping(); err != nil { // the connection creates the file
		t.Fatal(err)
	}
	if h, n := header(t, path); !h.Empty(n) || h.Check(s.AppID, 2, words) == nil {
		t.Fatalf("a new file: %+v with %d objects, want empty and not yet a store", h, n)
	}
	if err := Migrate(ctx, db, s, words); err != nil {
		t.Fatal(err)
	}
	db.Close()
	h, n := header(t, path)
	if h.AppID != s.AppID || h.Version != 2 || n != 2 || h.Empty(n) || h.Check(s.AppID, 2, words) != nil || h.CheckSize(path) != nil {
		t.Fatalf("after Migrate: %+v with %d objects", h, n)
	}
	for _, c := range []struct {
		h    Header
		want string
	}{
		{Header{AppID: 1, Version: 1}, "foreign 0x1"},
		{Header{AppID: s.AppID, Version: 3}, "newer 3"},
		{Header{AppID: s.AppID, Version: -1}, "refused: its schema version is -1, which no parallax writes (a damaged header)"},
	} {
		if err := c.h.Check(s.AppID, 2, words); err == nil || err.Error() != c.want {
			t.Errorf("Check(%+v) = %v, want %s", c.h, err, c.want)
		}
	}

	// A later build upgrades the file; an older one refuses it; so does a
	// build whose migration fails, or another program's.
	for _, c := range []struct {
		s    Schema
		want string
	}{
		{Schema{AppID: s.AppID, Migrations: append(s.Migrations, "CREATE TABLE c(z)")}, ""},
		{Schema{AppID: s.AppID, Migrations: s.Migrations[:1]}, "newer 3"},
		{Schema{AppID: s.AppID, Migrations: append(s.Migrations, "CREATE TABLE c(z)", "CREATE TABLE a(x)")}, "refused: its schema cannot be upgraded from version 3: "},
		{Schema{AppID: 1, Migrations: append(s.Migrations, "x", "y")}, "foreign 0x54455354"},
	} {
		db, err := Connect(path, WriteQuery())
		if err != nil {
			t.Fatal(err)
		}
		err = Migrate(ctx, db, c.s, words)
		db.Close()
		if (c.want == "") != (err == nil) || err != nil && !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("Migrate to %d: %v, want %q", len(c.s.Migrations), err, c.want)
		}
	}
	if h, _ := header(t, path); h.Version != 3 {
		t.Errorf("a refused migration changed the version to %d", h.Version)
	}

	whole, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cut := filepath.Join(dir, "cut.db")
	if err := os.WriteFile(cut, whole[:len(whole)-100], 0o644); err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("its size (%d bytes) is not a whole number of %d-byte pages: the file is truncated", len(whole)-100, h.PageSize)
	if err := h.CheckSize(cut); err == nil || err.Error() != want {
		t.Errorf("CheckSize of a truncated file: %v", err)
	}
}

func TestProblemsAndDamaged(t *testing.T) {
	db, err := Connect(filepath.Join(t.TempDir(), "ok.db"), "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if p, err := Problems(context.Background(), db, "PRAGMA integrity_check"); err != nil || len(p) != 0 {
		t.Errorf("a sound file: %v, %v", p, err)
	}
	if Damaged(nil, nil) != nil {
		t.Error("Damaged without problems is not nil")
	}
	five := []string{"a", "b", "c", "d", "e"}
	more := func(n int) string { return fmt.Sprintf("%d more", n) }
	for _, c := range []struct {
		problems []string
		more     func(int) string
		want     string
	}{
		{five[:2], more, "(a; b)"},
		{five, nil, "(a; b; c)"},
		{five, more, "(a; b; c; 2 more)"},
	} {
		err := Damaged(c.problems, c.more)
		if want := "it is damaged: SQLite's integrity check fails " + c.want; err == nil || err.Error() != want {
			t.Errorf("Damaged(%v) = %v, want %s", c.problems, err, want)
		}
	}
	if five[3] != "d" {
		t.Error("Damaged changed its argument")
	}
}

// TestInWords reads a file that is not a database through SQLite: its
// error is put in words; another error keeps its own.
func TestInWords(t *testing.T) {
	path := filepath.Join(t.TempDir(), "text.db")
	if err := os.WriteFile(path, []byte(strings.Repeat("not a database\n", 512)), 0o644); err != nil {
		t.Fatal(err)
	}
	db, err := Connect(path, "mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_, err = ReadHeader(context.Background(), db)
	if msg, plain := InWords(err); !plain || msg != "it is not an SQLite database (another kind of file, or garbage)" {
		t.Errorf("InWords(%v) = %q, %v", err, msg, plain)
	}
	if msg, plain := InWords(errors.New("disk full")); plain || msg != "disk full" {
		t.Errorf("InWords of another error = %q, %v", msg, plain)
	}
}

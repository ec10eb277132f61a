// Package sqlitefile is what the notes store and the library share in
// opening an SQLite file: its address for the driver, one connection per
// store, SQLite's lock and read-only errors, retrying an open another
// program holds up, and examining a file's header, size and integrity
// before anything writes it. The words of every refusal stay with the
// store, which names the file and says what to do (Refusals).
package sqlitefile

import (
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"time"

	"modernc.org/sqlite" // the pure-Go SQLite driver, registered as "sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// BusyTimeout is how long a call waits for another process's write
// transaction on the same file before giving up.
const BusyTimeout = 15 * time.Second

// BusyPragma is the connection query that sets BusyTimeout.
const BusyPragma = "_pragma=busy_timeout(15000)"

// URI is the driver's address of the file at path with the connection
// query (the pragmas and modes joined by "&").
func URI(path, query string) string {
	r := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")
	return "file:" + r.Replace(filepath.ToSlash(path)) + "?" + query
}

// WriteQuery is the connection query of a store opened for writing:
// BusyTimeout, write-ahead logging, the store's own pragmas (such as
// "synchronous(FULL)") and transactions that take the write lock at once.
func WriteQuery(pragmas ...string) string {
	q := BusyPragma + "&_pragma=journal_mode(WAL)"
	for _, p := range pragmas {
		q += "&_pragma=" + p
	}
	return q + "&_txlock=immediate"
}

// Connect opens a database handle on the file at path with the connection
// query, holding one connection: PRAGMA data_version is per connection,
// and a single writer per process keeps SQLite's locking simple.
func Connect(path, query string) (*sql.DB, error) {
	db, err := sql.Open("sqlite", URI(path, query))
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	return db, nil
}

// Retry calls open until it succeeds, fails for another reason than a
// lock (IsBusy), or BusyTimeout has passed. Two programs may create or
// upgrade the same file at the same moment, and SQLite then answers
// SQLITE_BUSY at once for some steps (switching a new file to WAL,
// recovering the WAL index) without waiting on its busy handler.
func Retry[T any](open func() (T, error)) (T, error) {
	deadline := time.Now().Add(BusyTimeout)
	for wait := 5 * time.Millisecond; ; wait = min(2*wait, 200*time.Millisecond) {
		v, err := open()
		if err == nil || !IsBusy(err) || time.Now().Add(wait).After(deadline) {
			return v, err
		}
		time.Sleep(wait)
	}
}

// SyncDir flushes a folder's entries so a newly created file survives a
// power cut. Errors are ignored: not every file system supports it.
func SyncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}

// Exists reports whether a file (or a link) is at path.
func Exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// primaryCode is the primary result code of an error from SQLite (the
// extended codes keep it in the low byte); ok is false for another error.
func primaryCode(err error) (code int, ok bool) {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return 0, false
	}
	return se.Code() & 0xff, true
}

// IsSQLite reports whether err comes from SQLite.
func IsSQLite(err error) bool {
	_, ok := primaryCode(err)
	return ok
}

// IsBusy reports whether err is SQLite saying another connection holds a
// lock on the file (SQLITE_BUSY or SQLITE_LOCKED, or one of their
// extended codes).
func IsBusy(err error) bool {
	c, ok := primaryCode(err)
	return ok && (c == sqlite3.SQLITE_BUSY || c == sqlite3.SQLITE_LOCKED)
}

// IsReadOnly reports whether err is SQLite's SQLITE_READONLY: it may not
// write the file.
func IsReadOnly(err error) bool {
	c, ok := primaryCode(err)
	return ok && c == sqlite3.SQLITE_READONLY
}

// IsWriteRefused reports whether err says the file or the files beside it
// may not be written or created: SQLite's SQLITE_READONLY, SQLITE_CANTOPEN
// or SQLITE_PERM, or, from elsewhere, a message that says so.
func IsWriteRefused(err error) bool {
	if c, ok := primaryCode(err); ok {
		return c == sqlite3.SQLITE_READONLY || c == sqlite3.SQLITE_CANTOPEN || c == sqlite3.SQLITE_PERM
	}
	msg := err.Error()
	return strings.Contains(msg, "unable to open database file") || strings.Contains(msg, "readonly") || strings.Contains(msg, "read-only")
}

// InWords says in words what SQLite's error about a file means for its
// reader (not an SQLite database; corrupt or truncated), with plain true;
// for another error it is the error's own text, with plain false.
func InWords(err error) (msg string, plain bool) {
	msg = err.Error()
	switch {
	case strings.Contains(msg, "file is not a database"):
		return "it is not an SQLite database (another kind of file, or garbage)", true
	case strings.Contains(msg, "malformed"):
		return "it is corrupt or truncated (SQLite: database disk image is malformed)", true
	}
	return msg, false
}

// NeedsRollback reports whether err is a read-only connection finding a
// transaction that was interrupted (a hot journal, or a write-ahead log
// to recover), which only a connection that may write can roll back.
func NeedsRollback(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && (se.Code() == sqlite3.SQLITE_READONLY_ROLLBACK || se.Code() == sqlite3.SQLITE_READONLY_RECOVERY)
}

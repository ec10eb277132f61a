package notes

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/sqlitefile"
)

// ErrUnreadableRows is wrapped by Open's error for a store some of whose
// notes cannot be read (a byte offset that is text, say): parallax does not
// write to it, and OpenReadOnly still reads the rest.
var ErrUnreadableRows = errors.New("notes that cannot be read")

// ErrReadOnly is wrapped by Open's error for a store parallax may not write
// (the file or its folder is read-only), and by the changes attempted on a
// store opened with OpenReadOnly.
var ErrReadOnly = errors.New("read-only")

// examined is what examining a notes file found.
type examined struct {
	version  int64        // PRAGMA user_version
	empty    bool         // an empty database: a store whose creation never committed
	notes    int          // notes that read cleanly
	problems []RowProblem // notes that cannot be read
}

// inspect examines an existing file before it is opened for writing: it
// must be an intact SQLite database that is empty (a store whose creation
// was interrupted) or a parallax store of this or an older schema version,
// whose schema is that version's and whose every note reads. It writes
// nothing and leaves no file beside it (see examineQuery).
//
// It never opens the file with os.Open: closing any descriptor of a file
// drops every POSIX lock this process holds on it, including SQLite's.
func inspect(path string) (examined, error) {
	db, ex, err := examineFile(path)
	if err != nil {
		return ex, err
	}
	db.Close()
	if len(ex.problems) > 0 {
		return ex, unreadableError(path, ex)
	}
	return ex, nil
}

// examineFile opens path for reading only and examines it; on success the
// connection is returned open.
func examineFile(path string) (*sql.DB, examined, error) {
	db, ex, err := examineOnce(path)
	if errors.Is(err, errHotJournal) {
		// A program was killed while it wrote the file in rollback-journal
		// mode (a store being created, or another program's database): the
		// journal beside it must be played back before anyone can read it,
		// and a read-only connection cannot. A read-write connection does
		// exactly that, and nothing else, on its first read.
		if rerr := rollBackJournal(path); rerr != nil {
			return nil, ex, refuse(path, rerr)
		}
		db, ex, err = examineOnce(path)
	}
	return db, ex, err
}

// errHotJournal is examineOnce's error for a file whose interrupted
// transaction must be rolled back first.
var errHotJournal = errors.New("an interrupted transaction must be rolled back first")

// rollBackJournal lets SQLite roll back an interrupted transaction through
// a read-write connection.
func rollBackJournal(path string) error {
	db, err := sql.Open("sqlite", sqlitefile.URI(path, sqlitefile.BusyPragma))
	if err != nil {
		return err
	}
	defer db.Close()
	var n int
	return db.QueryRow("SELECT count(*) FROM sqlite_schema").Scan(&n)
}

// examineQuery is the connection query that reads path without writing it
// and without leaving a file beside it. A read-only SQLite connection to a
// store (a write-ahead-log database) creates the -wal and -shm files, and
// only a read-write connection removes them when it closes, so:
//   - while a -wal file exists, another program has the store open (or was
//     killed with it open): the files are theirs, and a read-only
//     connection shares them;
//   - else, when parallax may write the file and its folder, a read-write
//     connection that refuses to write (query_only) reads it, and SQLite
//     removes the files it made when the last connection closes;
//   - else nothing can make those files, and nobody who could write the
//     file has it open: the file is read as it is (immutable), with no
//     locks and no files beside it.
func examineQuery(path string) string {
	switch {
	case sqlitefile.Exists(path + "-wal"):
		return "mode=ro&" + sqlitefile.BusyPragma + "&_pragma=query_only(1)"
	case canWrite(path):
		return sqlitefile.BusyPragma + "&_pragma=query_only(1)"
	}
	return "mode=ro&immutable=1&_pragma=query_only(1)"
}

func examineOnce(path string) (*sql.DB, examined, error) {
	var ex examined
	q := examineQuery(path)
	if strings.Contains(q, "immutable=1") {
		if fi, err := os.Stat(path + "-journal"); err == nil && fi.Size() > 0 {
			return nil, ex, refuse(path, errors.New("a change to it was interrupted and must be rolled back by someone who may write the file and its folder"))
		}
	}
	db, err := sqlitefile.Connect(path, q)
	if err != nil {
		return nil, ex, fmt.Errorf("open notes %s: %w", path, err)
	}
	ex, err = examine(db, path)
	if err != nil {
		db.Close()
		return nil, ex, err
	}
	return db, ex, nil
}

// examine reads a file's header, checks its integrity and schema, and
// reads every note, all in one read transaction, so every read sees the
// same snapshot even while another program creates the schema.
func examine(db *sql.DB, path string) (examined, error) {
	var ex examined
	ctx := context.Background()
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return ex, refuse(path, err)
	}
	defer tx.Rollback()

	h, err := sqlitefile.ReadHeader(ctx, tx)
	if err != nil {
		if sqlitefile.NeedsRollback(err) {
			return ex, errHotJournal
		}
		return ex, refuse(path, err)
	}
	ex.version = h.Version
	if err := h.CheckSize(path); err != nil {
		return ex, refuse(path, err)
	}
	objects, err := sqlitefile.CountObjects(ctx, tx)
	if err != nil {
		return ex, refuse(path, err)
	}
	if h.Empty(objects) {
		ex.empty = true
		return ex, nil
	}
	if err := h.Check(applicationID, SchemaVersion, refusals(path)); err != nil {
		return ex, err
	}
	if err := integrityCheck(ctx, tx); err != nil {
		return ex, refuse(path, err)
	}
	if err := checkSchema(ctx, tx, ex.version); err != nil {
		return ex, refuse(path, err)
	}
	if ex.version == 0 {
		return ex, nil // marked as a store, with nothing in it yet
	}
	var format string
	if err := tx.QueryRowContext(ctx, "SELECT value FROM meta WHERE key = 'format'").Scan(&format); err != nil || format != "parallax-notes" {
		return ex, refuse(path, fmt.Errorf("its format marker is missing"))
	}
	var total int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM notes").Scan(&total); err != nil {
		return ex, refuse(path, err)
	}
	bad, err := unreadableNotes(ctx, tx, ex.version)
	if err != nil {
		return ex, refuse(path, err)
	}
	ex.notes, ex.problems = total-len(bad), bad
	return ex, nil
}

// integrityCheck runs SQLite's full integrity check, which, unlike the
// quick check, also finds an index that disagrees with its table (the
// damage a few flipped bits in an index page do).
func integrityCheck(ctx context.Context, tx *sql.Tx) error {
	problems, err := sqlitefile.Problems(ctx, tx, "PRAGMA integrity_check(20)")
	if err != nil {
		return err
	}
	return sqlitefile.Damaged(problems, func(hidden int) string {
		return fmt.Sprintf("and more (%d shown by 'sqlite3 FILE \"PRAGMA integrity_check\"')", hidden)
	})
}

// refusals are the notes store's words for the file at path when it will
// not open it.
func refusals(path string) sqlitefile.Refusals {
	return sqlitefile.Refusals{
		Foreign: func(appID int64) error {
			return fmt.Errorf("open notes %s: %w: it is an SQLite database of another program (application id %#x); the file was not changed — choose another file with --notes", path, ErrNotStore, appID)
		},
		Newer:  func(version int64) error { return newerError(path, version) },
		Refuse: func(why error) error { return refuse(path, why) },
	}
}

// newerError says a store was written by a newer parallax.
func newerError(path string, version int64) error {
	return fmt.Errorf("open notes %s: %w (schema version %d; this parallax reads up to version %d): upgrade parallax to open it; the file was not changed", path, ErrNewerVersion, version, SchemaVersion)
}

// unreadableError refuses a store some of whose notes cannot be read,
// naming up to three of them. It wraps ErrNotStore and ErrUnreadableRows.
func unreadableError(path string, ex examined) error {
	bad := len(ex.problems)
	var named []string
	for i, p := range ex.problems {
		if i == 3 {
			named = append(named, fmt.Sprintf("and %d more", bad-3))
			break
		}
		named = append(named, p.String())
	}
	return &unreadable{fmt.Sprintf("open notes %s: %v: %d of %d notes cannot be read (%s); the file was not changed — restore it from a backup; 'parallax notes' and 'parallax export' still list and export the other %d, read-only",
		path, ErrNotStore, bad, bad+ex.notes, strings.Join(named, "; "), ex.notes)}
}

type unreadable struct{ msg string }

func (e *unreadable) Error() string   { return e.msg }
func (e *unreadable) Unwrap() []error { return []error{ErrNotStore, ErrUnreadableRows} }

// refuse wraps why a file cannot be opened as a store, in words: SQLite's
// own messages are kept only in parentheses.
func refuse(path string, why error) error {
	if isBusy(why) {
		return lockedError(path, why)
	}
	msg, plain := sqlitefile.InWords(why)
	if !plain && sqlitefile.IsSQLite(why) {
		msg = fmt.Sprintf("SQLite cannot read it (%s)", strings.TrimSpace(msg))
	}
	return fmt.Errorf("open notes %s: %w: %s; the file was not changed — restore it from a backup or choose another file with --notes", path, ErrNotStore, msg)
}

// notRegular refuses a notes file that is a named pipe, a socket or a
// device: SQLite cannot keep a database in one.
func notRegular(path string, m fs.FileMode) error {
	return fmt.Errorf("open notes %s: %w: it is %s, not a regular file; the file was not changed — choose another file with --notes", path, ErrNotStore, corpus.FileKind(m))
}

// readOnlyError says parallax may not write a store.
func readOnlyError(path string) error {
	return fmt.Errorf("open notes %s: %w: parallax may not write it or its folder (it writes the file and the -wal and -shm files beside it); the file was not changed — make them writable, or choose another file with --notes; 'parallax notes' and 'parallax export' can still read it", path, ErrReadOnly)
}

// canWrite is canWriteFile; tests replace it to play a read-only file
// system.
var canWrite = canWriteFile

// canWriteFile is sqlitefile.CanWrite: whether this process may write the
// file and create files beside it.
var canWriteFile = sqlitefile.CanWrite

package library

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/sqlitefile"
)

// FileName is the library file's name in the data directory.
const FileName = "library.db"

// EnvVar names the environment variable that chooses the library file
// when no --library flag is given.
const EnvVar = "PARALLAX_LIBRARY"

// ErrNotLibrary is wrapped by Open's error for a file that is not a
// parallax library (another program's database, corrupt or truncated).
var ErrNotLibrary = errors.New("not a valid parallax library")

// ErrNewerVersion is wrapped by Open's error for a library written by a
// newer parallax.
var ErrNewerVersion = errors.New("written by a newer version of parallax")

// DefaultPath is the library file when neither --library nor
// PARALLAX_LIBRARY names one: library.db in dataDir (corpus.DataDir).
func DefaultPath(dataDir string) string { return filepath.Join(dataDir, FileName) }

// Library is an open library file. Every change is committed before its
// method returns; several processes may update one file at once.
type Library struct {
	path    string
	db      *sql.DB
	outlets *corpus.OutletTable
	extract *Rules
	now     func() time.Time

	// mu serialises this process's writes, so a transaction never waits
	// on another goroutine of the same process.
	mu sync.Mutex
	// grouper assigns stories; built on first use (see stories.go).
	groupMu sync.Mutex
	grouper *storyState
}

// Options tunes Open. The zero value is usable.
type Options struct {
	// Outlets is the outlet table; nil means corpus.LoadOutlets of
	// ConfigDir (the shipped table plus the user's).
	Outlets *corpus.OutletTable
	// ConfigDir is the user's configuration directory ("" for the
	// shipped data only).
	ConfigDir string
	// Rules are the per-outlet extraction rules; nil means ShippedRules.
	Rules *Rules
	// Now replaces the clock, for tests.
	Now func() time.Time
}

// Open opens the library at path, creating it (and its folder) when it does
// not exist. A file that is not a library, is corrupt, or was written by a
// newer parallax is refused with a message saying so, and is never written:
// it is examined first through a connection that may not write.
func Open(path string, opts Options) (*Library, error) {
	if path == "" {
		return nil, errors.New("open library: no file name given")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open library %s: %w", path, err)
	}
	if opts.Outlets == nil {
		opts.Outlets, _ = corpus.LoadOutlets(opts.ConfigDir) // a broken user file: the shipped table
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Rules == nil {
		opts.Rules = ShippedRules()
	}
	// Two programs may create the same file at once; some steps answer
	// SQLITE_BUSY without waiting, so the whole open is retried.
	return sqlitefile.Retry(func() (*Library, error) { return open(abs, opts) })
}

func open(abs string, opts Options) (*Library, error) {
	fi, err := os.Stat(abs)
	switch {
	case err == nil && fi.IsDir():
		return nil, fmt.Errorf("open library %s: is a folder; give a file name such as %s", abs, filepath.Join(abs, FileName))
	case err == nil && !fi.Mode().IsRegular():
		return nil, notLibrary(abs, fmt.Errorf("it is %s, not a regular file", corpus.FileKind(fi.Mode())))
	case err == nil:
		if err := examine(abs); err != nil {
			return nil, err
		}
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
			return nil, fmt.Errorf("open library %s: create its folder: %w", abs, err)
		}
	default:
		return nil, fmt.Errorf("open library %s: %w", abs, err)
	}
	db, err := sqlitefile.Connect(abs, sqlitefile.WriteQuery("synchronous(NORMAL)", "foreign_keys(0)"))
	if err != nil {
		return nil, fmt.Errorf("open library %s: %w", abs, err)
	}
	l := &Library{path: abs, db: db, outlets: opts.Outlets, extract: opts.Rules, now: opts.Now}
	if err := l.migrate(context.Background()); err != nil {
		db.Close()
		return nil, err
	}
	sqlitefile.SyncDir(filepath.Dir(abs))
	return l, nil
}

// examine reads an existing file without writing it: an SQLite database
// that is empty (a library whose creation never committed) or a library of
// this or an older schema, intact, with its tables.
func examine(path string) error {
	q := sqlitefile.BusyPragma + "&_pragma=query_only(1)"
	if !sqlitefile.Exists(path+"-wal") && !sqlitefile.CanWrite(path) {
		q = "mode=ro&immutable=1&_pragma=query_only(1)"
	}
	db, err := sqlitefile.Connect(path, q)
	if err != nil {
		return fmt.Errorf("open library %s: %w", path, err)
	}
	defer db.Close()
	ctx := context.Background()
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return refuse(path, err)
	}
	defer tx.Rollback()
	h, err := sqlitefile.ReadHeader(ctx, tx)
	if err != nil {
		return refuse(path, err)
	}
	objects, err := sqlitefile.CountObjects(ctx, tx)
	if err != nil {
		return refuse(path, err)
	}
	if err := h.CheckSize(path); err != nil {
		return refuse(path, err)
	}
	if h.Empty(objects) {
		return nil // empty: a library whose creation was interrupted
	}
	if err := h.Check(applicationID, SchemaVersion, refusals(path)); err != nil {
		return err
	}
	if err := quickCheck(ctx, tx); err != nil {
		return refuse(path, err)
	}
	if h.Version == SchemaVersion {
		if err := checkTables(ctx, tx); err != nil {
			return refuse(path, err)
		}
		var format string
		if err := tx.QueryRowContext(ctx, "SELECT value FROM meta WHERE key = 'format'").Scan(&format); err != nil || format != formatMarker {
			return refuse(path, errors.New("its format marker is missing"))
		}
	}
	return nil
}

// checkedTables are the tables examined on open: the article records and
// the feeds. The versions and the search index hold the bulk of a big
// library (checking them took seconds on 50,000 articles); SQLite still
// reports a damaged page of theirs when it reads it, and the change that
// needed it fails without writing.
var checkedTables = []string{"meta", "feeds", "hosts", "articles", "aliases"}

// quickCheck runs SQLite's quick integrity check on the checked tables.
func quickCheck(ctx context.Context, tx *sql.Tx) error {
	var problems []string
	for _, table := range checkedTables {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?", table).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			continue // an older schema, or a file whose creation never committed
		}
		found, err := sqlitefile.Problems(ctx, tx, "PRAGMA quick_check("+table+")")
		if err != nil {
			return err
		}
		problems = append(problems, found...)
	}
	return sqlitefile.Damaged(problems, nil)
}

// Close closes the library. Every change is already on disk.
func (l *Library) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.db == nil {
		return nil
	}
	err := l.db.Close()
	l.db = nil
	if err != nil {
		return fmt.Errorf("close library %s: %w", l.path, err)
	}
	return nil
}

// rules returns the extraction rules.
func (l *Library) rules() *Rules { return l.extract }

// Path returns the library file's absolute path.
func (l *Library) Path() string { return l.path }

// Outlets returns the outlet table the library detects outlets with.
func (l *Library) Outlets() *corpus.OutletTable { return l.outlets }

// lockedError says that another program kept the file locked past the
// busy timeout.
func lockedError(path string, err error) error {
	return fmt.Errorf("open library %s: %w; another program has held the file locked for %v: close it and try again", path, err, sqlitefile.BusyTimeout)
}

// wrapOpen says in words why a library that was examined and found sound
// could still not be opened for writing.
func (l *Library) wrapOpen(err error) error {
	if sqlitefile.IsBusy(err) {
		return lockedError(l.path, err)
	}
	if sqlitefile.IsReadOnly(err) {
		return fmt.Errorf("open library %s: parallax may not write it or its folder (it writes the file and the -wal and -shm files beside it): make them writable, or choose another file with --library", l.path)
	}
	return fmt.Errorf("open library %s: %w", l.path, err)
}

func newerError(path string, version int64) error {
	return fmt.Errorf("open library %s: %w (schema version %d; this parallax reads up to version %d): upgrade parallax to open it; the file was not changed", path, ErrNewerVersion, version, SchemaVersion)
}

func notLibrary(path string, why error) error {
	return fmt.Errorf("open library %s: %w: %v; the file was not changed — choose another file with --library or %s", path, ErrNotLibrary, why, EnvVar)
}

// refusals are the library's words for the file at path when it will not
// open it.
func refusals(path string) sqlitefile.Refusals {
	return sqlitefile.Refusals{
		Foreign: func(appID int64) error {
			return notLibrary(path, fmt.Errorf("it is an SQLite database of another program (application id %#x)", appID))
		},
		Newer:  func(version int64) error { return newerError(path, version) },
		Refuse: func(why error) error { return refuse(path, why) },
	}
}

// refuse says in words why a file cannot be opened as a library.
func refuse(path string, why error) error {
	if sqlitefile.IsBusy(why) {
		return lockedError(path, why)
	}
	msg, _ := sqlitefile.InWords(why)
	return fmt.Errorf("open library %s: %w: %s; the file was not changed — restore it from a backup or choose another file with --library", path, ErrNotLibrary, msg)
}

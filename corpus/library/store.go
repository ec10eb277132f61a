package library

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"modernc.org/sqlite" // the pure-Go SQLite driver, registered as "sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/parallax-reader/parallax/corpus"
)

// FileName is the library file's name in the data directory.
const FileName = "library.db"

// EnvVar names the environment variable that chooses the library file
// when no --library flag is given.
const EnvVar = "PARALLAX_LIBRARY"

// busyTimeout is how long a call waits for another process's write
// transaction on the same file.
const busyTimeout = 15 * time.Second

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
	deadline := time.Now().Add(busyTimeout)
	for wait := 5 * time.Millisecond; ; wait = min(2*wait, 200*time.Millisecond) {
		l, err := open(abs, opts)
		if err == nil || !isBusy(err) || time.Now().Add(wait).After(deadline) {
			return l, err
		}
		time.Sleep(wait)
	}
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
	q := fmt.Sprintf("_pragma=busy_timeout(%d)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(0)&_txlock=immediate",
		busyTimeout.Milliseconds())
	db, err := sql.Open("sqlite", sqliteURI(abs, q))
	if err != nil {
		return nil, fmt.Errorf("open library %s: %w", abs, err)
	}
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	l := &Library{path: abs, db: db, outlets: opts.Outlets, extract: opts.Rules, now: opts.Now}
	if err := l.migrate(context.Background()); err != nil {
		db.Close()
		return nil, err
	}
	syncDir(filepath.Dir(abs))
	return l, nil
}

// examine reads an existing file without writing it: an SQLite database
// that is empty (a library whose creation never committed) or a library of
// this or an older schema, intact, with its tables.
func examine(path string) error {
	busy := fmt.Sprintf("_pragma=busy_timeout(%d)", busyTimeout.Milliseconds())
	q := busy + "&_pragma=query_only(1)"
	if !exists(path+"-wal") && !canWrite(path) {
		q = "mode=ro&immutable=1&_pragma=query_only(1)"
	}
	db, err := sql.Open("sqlite", sqliteURI(path, q))
	if err != nil {
		return fmt.Errorf("open library %s: %w", path, err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	ctx := context.Background()
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return refuse(path, err)
	}
	defer tx.Rollback()
	var appID, version, pageSize, objects int64
	for _, p := range []struct {
		q string
		v *int64
	}{{"PRAGMA application_id", &appID}, {"PRAGMA user_version", &version}, {"PRAGMA page_size", &pageSize},
		{"SELECT count(*) FROM sqlite_schema", &objects}} {
		if err := tx.QueryRowContext(ctx, p.q).Scan(p.v); err != nil {
			return refuse(path, err)
		}
	}
	if fi, err := os.Stat(path); err == nil && pageSize > 0 && fi.Size()%pageSize != 0 {
		return refuse(path, fmt.Errorf("its size (%d bytes) is not a whole number of %d-byte pages: the file is truncated", fi.Size(), pageSize))
	}
	if appID == 0 && version == 0 && objects == 0 {
		return nil // empty: a library whose creation was interrupted
	}
	if appID != applicationID {
		return notLibrary(path, fmt.Errorf("it is an SQLite database of another program (application id %#x)", appID))
	}
	if version > SchemaVersion {
		return newerError(path, version)
	}
	if version < 0 {
		return refuse(path, fmt.Errorf("its schema version is %d, which no parallax writes (a damaged header)", version))
	}
	if err := quickCheck(ctx, tx); err != nil {
		return refuse(path, err)
	}
	if version == SchemaVersion {
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
		rows, err := tx.QueryContext(ctx, "PRAGMA quick_check("+table+")")
		if err != nil {
			return err
		}
		for rows.Next() {
			var line string
			if err := rows.Scan(&line); err != nil {
				rows.Close()
				return err
			}
			if line != "ok" {
				problems = append(problems, line)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	if len(problems) > 0 {
		if len(problems) > 3 {
			problems = problems[:3]
		}
		return fmt.Errorf("it is damaged: SQLite's integrity check fails (%s)", strings.Join(problems, "; "))
	}
	return nil
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

func sqliteURI(path, query string) string {
	r := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")
	return "file:" + r.Replace(filepath.ToSlash(path)) + "?" + query
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// canWrite reports whether this process may write the file and its folder.
func canWrite(path string) bool {
	return canWriteFile(path)
}

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}

// isBusy reports whether err is SQLite saying another connection holds a
// lock on the file.
func isBusy(err error) bool {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return false
	}
	c := se.Code() & 0xff
	return c == sqlite3.SQLITE_BUSY || c == sqlite3.SQLITE_LOCKED
}

func (l *Library) wrapOpen(err error) error {
	if isBusy(err) {
		return fmt.Errorf("open library %s: %w; another program has held the file locked for %v: close it and try again", l.path, err, busyTimeout)
	}
	var se *sqlite.Error
	if errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_READONLY {
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

// refuse says in words why a file cannot be opened as a library.
func refuse(path string, why error) error {
	if isBusy(why) {
		return fmt.Errorf("open library %s: %w; another program has held the file locked for %v: close it and try again", path, why, busyTimeout)
	}
	msg := why.Error()
	switch {
	case strings.Contains(msg, "file is not a database"):
		msg = "it is not an SQLite database (another kind of file, or garbage)"
	case strings.Contains(msg, "malformed"):
		msg = "it is corrupt or truncated (SQLite: database disk image is malformed)"
	}
	return fmt.Errorf("open library %s: %w: %s; the file was not changed — restore it from a backup or choose another file with --library", path, ErrNotLibrary, msg)
}

package notes

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/sqlitefile"
)

// SchemaVersion is the version of the store's schema this build writes. It
// is kept in SQLite's PRAGMA user_version; older files are migrated on open,
// newer ones refused.
const SchemaVersion = 6

// applicationID marks an SQLite file as a parallax notes store
// (PRAGMA application_id, the bytes "PRLX").
const applicationID = 0x50524c58

// FileName is the notes file's name beside a folder corpus.
const FileName = ".parallax-notes.db"

// ErrNotStore is wrapped by Open's error for a file that is not a parallax
// notes store (not SQLite, another program's database, corrupt or
// truncated).
var ErrNotStore = errors.New("not a valid parallax notes store")

// ErrNewerVersion is wrapped by Open's error for a store written by a newer
// parallax.
var ErrNewerVersion = errors.New("written by a newer version of parallax")

// Store is an open notes file: the codebook and the tagged passages of one
// corpus. Every change is committed to disk before its method returns.
// A Store is safe for use by several goroutines; several processes may open
// the same file at once without losing each other's changes.
type Store struct {
	path string

	mu          sync.Mutex
	db          *sql.DB
	dataVersion int64
	now         func() time.Time
	// session identifies this Store's changes in the history table;
	// openSeq is the last history entry made before it opened the file.
	session string
	openSeq int64
	// coder is who makes this Store's changes (WithCoder; "" unknown).
	coder string

	// version is the file's schema version: SchemaVersion, except in a
	// store opened with OpenReadOnly, which reads older ones as they are.
	version int64
	// readOnly is set by OpenReadOnly: every change is refused, rows that
	// cannot be read are left out (problems lists them), and re-anchored
	// positions are kept in placed instead of being saved.
	readOnly bool
	// deferred is set by OpenDeferred while the file does not exist: db
	// is nil, reads find nothing, and the first change creates the file.
	deferred bool
	problems []RowProblem
	placed   map[string]placement
}

// migrations[v] upgrades a store from schema version v to v+1. Each runs
// inside the transaction that also bumps user_version.
var migrations = [SchemaVersion]string{
	// 0 → 1: the first schema.
	`CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
	 INSERT INTO meta(key, value) VALUES ('format', 'parallax-notes');
	 CREATE TABLE codes(
		name TEXT PRIMARY KEY COLLATE NOCASE,
		colour TEXT NOT NULL,
		description TEXT NOT NULL DEFAULT '',
		parent TEXT NOT NULL DEFAULT '',
		pos INTEGER NOT NULL
	 );
	 CREATE TABLE notes(
		id TEXT PRIMARY KEY,
		article TEXT NOT NULL,
		hash TEXT NOT NULL,
		start_byte INTEGER NOT NULL,
		end_byte INTEGER NOT NULL,
		quote TEXT NOT NULL,
		prefix TEXT NOT NULL,
		suffix TEXT NOT NULL,
		memo TEXT NOT NULL DEFAULT '',
		created TEXT NOT NULL,
		modified TEXT NOT NULL,
		orphaned INTEGER NOT NULL DEFAULT 0
	 );
	 CREATE INDEX notes_by_article ON notes(article, start_byte, end_byte);
	 CREATE TABLE note_tags(
		note_id TEXT NOT NULL,
		tag TEXT NOT NULL COLLATE NOCASE,
		pos INTEGER NOT NULL,
		PRIMARY KEY(note_id, tag)
	 );
	 CREATE INDEX note_tags_by_tag ON note_tags(tag);`,
	// 1 → 2: the undo history moves into the file, so it survives quitting.
	`CREATE TABLE history(
		seq INTEGER PRIMARY KEY AUTOINCREMENT,
		session TEXT NOT NULL,
		created TEXT NOT NULL,
		description TEXT NOT NULL,
		undo_description TEXT NOT NULL,
		data TEXT NOT NULL,
		state INTEGER NOT NULL DEFAULT 0,
		undone INTEGER NOT NULL DEFAULT 0
	 );
	 CREATE INDEX history_by_state ON history(state, seq);`,
	// 2 → 3: each note keeps its article's outlet and title, so a note of
	// an article that is not loaded still says where it is from. Existing
	// notes get them the next time their article is loaded.
	`ALTER TABLE notes ADD COLUMN outlet TEXT NOT NULL DEFAULT '';
	 ALTER TABLE notes ADD COLUMN title TEXT NOT NULL DEFAULT '';`,
	// 3 → 4: the user's corrections to the story grouping (corrections.go).
	`CREATE TABLE corrections(
		id TEXT PRIMARY KEY,
		seq INTEGER NOT NULL,
		kind TEXT NOT NULL,
		article TEXT NOT NULL DEFAULT '',
		target TEXT NOT NULL DEFAULT '',
		articles TEXT NOT NULL DEFAULT '[]',
		description TEXT NOT NULL DEFAULT '',
		created TEXT NOT NULL
	 );
	 CREATE INDEX corrections_by_seq ON corrections(seq);`,
	// 4 → 5: coders. Each note records who made it and who last changed
	// it, each code who added it, each history entry who made the change.
	// Existing rows get "" (unknown).
	`ALTER TABLE notes ADD COLUMN coder TEXT NOT NULL DEFAULT '';
	 ALTER TABLE notes ADD COLUMN modified_by TEXT NOT NULL DEFAULT '';
	 ALTER TABLE codes ADD COLUMN coder TEXT NOT NULL DEFAULT '';
	 ALTER TABLE history ADD COLUMN coder TEXT NOT NULL DEFAULT '';
	 CREATE INDEX notes_by_coder ON notes(coder, article);`,
	// 5 → 6: each note keeps the hash of the article text it was made on
	// (made_on), which re-anchoring never changes, so a note on an edited
	// library article can say which version it was made on. Existing
	// notes get "" (unknown): their hash may already have been moved to a
	// later text by re-anchoring, so it cannot be taken as the first.
	`ALTER TABLE notes ADD COLUMN made_on TEXT NOT NULL DEFAULT '';`,
}

// DefaultPath returns where the notes of a corpus live when no --notes file
// is given: beside the corpus for a folder (<folder>/.parallax-notes.db),
// in the common folder of the files for a list of files, and in
// dataDir (corpus.DataDir) for the embedded corpus (no paths) or when the
// files share no folder but the root.
func DefaultPath(c *corpus.Corpus, paths []string, dataDir string) string {
	if len(paths) == 0 {
		return filepath.Join(dataDir, "embedded-notes.db")
	}
	dirs := make([]string, 0, len(paths))
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			abs = filepath.Clean(p)
		}
		if fi, err := os.Stat(abs); err != nil || !fi.IsDir() {
			abs = filepath.Dir(abs)
		}
		dirs = append(dirs, abs)
	}
	common := dirs[0]
	for _, d := range dirs[1:] {
		for !within(d, common) {
			parent := filepath.Dir(common)
			if parent == common {
				break
			}
			common = parent
		}
	}
	if filepath.Dir(common) == common { // the file-system root: not a home for notes
		sorted := append([]string(nil), dirs...)
		sort.Strings(sorted)
		sum := sha256.Sum256([]byte(strings.Join(sorted, "\x00")))
		return filepath.Join(dataDir, "notes-"+hex.EncodeToString(sum[:6])+".db")
	}
	return filepath.Join(common, FileName)
}

// within reports whether path is dir or lies below it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// Open opens the notes store at path, creating it (and its folder) when it
// does not exist. A file that is not a parallax store, is corrupt or
// truncated, or was written by a newer parallax is refused with an error
// that says so, and is never written to: it is first examined through a
// read-only connection. An older store is upgraded in place. Options say
// who the coder is (WithCoder).
func Open(path string, opts ...Option) (*Store, error) {
	abs, o, err := openArgs(path, opts)
	if err != nil {
		return nil, err
	}
	// Two programs may create or upgrade the same file at the same moment:
	// the whole open is retried while the other holds it locked.
	return sqlitefile.Retry(func() (*Store, error) { return open(abs, o.coder) })
}

// openArgs checks Open's arguments: it returns the absolute path, and a
// Store with the options applied (its coder checked).
func openArgs(path string, opts []Option) (string, *Store, error) {
	if path == "" {
		return "", nil, errors.New("open notes: no file name given")
	}
	o := &Store{}
	for _, opt := range opts {
		opt(o)
	}
	if o.coder != "" {
		if err := ValidateCoder(o.coder); err != nil {
			return "", nil, fmt.Errorf("open notes %s: %w", path, err)
		}
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", nil, fmt.Errorf("open notes %s: %w", path, err)
	}
	return abs, o, nil
}

// lockedError says that another program kept the file locked past the
// busy timeout.
func lockedError(path string, err error) error {
	return fmt.Errorf("open notes %s: %w; another program has held the file locked for %v: close it and try again", path, err, sqlitefile.BusyTimeout)
}

// isBusy is sqlitefile.IsBusy: SQLite saying another connection holds a
// lock on the file.
func isBusy(err error) bool { return sqlitefile.IsBusy(err) }

// open makes one attempt at opening the store at abs for coder.
func open(abs, coder string) (*Store, error) {
	fi, err := os.Stat(abs)
	switch {
	case err == nil && fi.IsDir():
		return nil, fmt.Errorf("open notes %s: is a folder; give a file name such as %s", abs, filepath.Join(abs, FileName))
	case err == nil && !fi.Mode().IsRegular():
		return nil, notRegular(abs, fi.Mode())
	case err == nil:
		if _, err := inspect(abs); err != nil {
			return nil, err
		}
		if !canWrite(abs) {
			return nil, readOnlyError(abs)
		}
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
			return nil, fmt.Errorf("open notes %s: create its folder: %w", abs, err)
		}
	default:
		return nil, fmt.Errorf("open notes %s: %w", abs, err)
	}

	db, err := sqlitefile.Connect(abs, sqlitefile.WriteQuery("synchronous(FULL)"))
	if err != nil {
		return nil, fmt.Errorf("open notes %s: %w", abs, err)
	}
	s := &Store{path: abs, db: db, now: time.Now, session: uuid.NewString(), version: SchemaVersion, coder: coder}
	if err := s.migrate(); err != nil {
		db.Close()
		return nil, err
	}
	if err := db.QueryRow("SELECT coalesce(max(seq), 0) FROM history").Scan(&s.openSeq); err != nil {
		db.Close()
		return nil, s.wrapOpen(err)
	}
	sqlitefile.SyncDir(filepath.Dir(abs))
	if s.dataVersion, err = s.readDataVersion(); err != nil {
		db.Close()
		return nil, fmt.Errorf("open notes %s: %w", abs, err)
	}
	return s, nil
}

// migrate creates the schema of a new store, or upgrades an older one, in
// one transaction. The file was examined first (inspect), so a failure
// here is another program changing it meanwhile, or the disk.
func (s *Store) migrate() error {
	r := refusals(s.path)
	r.Foreign = func(int64) error {
		return fmt.Errorf("open notes %s: %w: it is an SQLite database of another program; the file was not changed — choose another file with --notes", s.path, ErrNotStore)
	}
	r.Wrap = s.wrapOpen
	return sqlitefile.Migrate(context.Background(), s.db, sqlitefile.Schema{AppID: applicationID, Migrations: migrations[:]}, r)
}

// wrapOpen says in words why a store that was examined and found sound
// could still not be opened for writing.
func (s *Store) wrapOpen(err error) error {
	if isBusy(err) {
		return lockedError(s.path, err)
	}
	if sqlitefile.IsWriteRefused(err) {
		if canWrite(s.path) {
			// The file system would let parallax write: SQLite will not.
			return refuse(s.path, errors.New("SQLite will not write it: its header marks it read-only (a newer SQLite file format, or damage)"))
		}
		return readOnlyError(s.path)
	}
	return fmt.Errorf("open notes %s: %w", s.path, err)
}

// Close closes the store. Every change is already on disk.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.deferred = false // closed: no later change creates the file
	if s.db == nil {
		return nil
	}
	err := s.db.Close()
	s.db = nil
	if err != nil {
		return fmt.Errorf("close notes %s: %w", s.path, err)
	}
	return nil
}

// Path returns the absolute path of the notes file.
func (s *Store) Path() string { return s.path }

func (s *Store) readDataVersion() (int64, error) {
	var v int64
	err := s.db.QueryRow("PRAGMA data_version").Scan(&v)
	return v, err
}

// Refresh reports whether another process changed the store since the
// last call (or since Open). The Store reads from disk on every call, so
// a caller that gets true simply reads Notes and Codebook again.
func (s *Store) Refresh() (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.deferred {
		// Another window may have created the file since.
		if _, err := os.Lstat(s.path); errors.Is(err, fs.ErrNotExist) {
			return false, nil
		}
		if err := s.create(); err != nil {
			return false, fmt.Errorf("refresh notes %s: %w", s.path, err)
		}
		return true, nil
	}
	if s.db == nil {
		return false, s.closedErr()
	}
	v, err := s.readDataVersion()
	if err != nil {
		return false, fmt.Errorf("refresh notes %s: %w", s.path, err)
	}
	changed := v != s.dataVersion
	s.dataVersion = v
	return changed, nil
}

func (s *Store) closedErr() error {
	return fmt.Errorf("notes %s: the store is closed", s.path)
}

// querier is what both *sql.DB and *sql.Tx offer.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// Codebook returns every code in codebook order (the order they were added).
func (s *Store) Codebook() ([]Code, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if ok, err := s.readable(); !ok {
		return nil, err
	}
	if s.version == 0 {
		return nil, nil // an empty file opened read-only: no tables yet
	}
	codes, err := readCodes(context.Background(), s.db, s.version)
	if err != nil {
		return nil, fmt.Errorf("read codebook from %s: %w", s.path, err)
	}
	return codes, nil
}

// readCodes reads the codebook of a store of schema version v.
func readCodes(ctx context.Context, q querier, v int64) ([]Code, error) {
	rows, err := q.QueryContext(ctx, "SELECT "+codeColumnsAt(v)+" FROM codes ORDER BY pos, name")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Code
	for rows.Next() {
		var r codeRow
		if err := scanCode(rows, &r); err != nil {
			return nil, err
		}
		out = append(out, r.Code)
	}
	return out, rows.Err()
}

// Notes returns every note, ordered by article, position and creation.
func (s *Store) Notes() ([]Note, error) {
	return s.queryNotes("", nil)
}

// NotesFor returns the notes of one article, ordered by position.
func (s *Store) NotesFor(article string) ([]Note, error) {
	return s.queryNotes("WHERE article = ?", []any{article})
}

// Note returns one note by id; ok is false when there is none.
func (s *Store) Note(id string) (n Note, ok bool, err error) {
	ns, err := s.queryNotes("WHERE id = ?", []any{id})
	if err != nil || len(ns) == 0 {
		return Note{}, false, err
	}
	return ns[0], true, nil
}

func (s *Store) queryNotes(where string, args []any) ([]Note, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if ok, err := s.readable(); !ok {
		return nil, err
	}
	ctx := context.Background()
	// One read transaction, so the notes and their tags are one snapshot.
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("read notes from %s: %w", s.path, err)
	}
	defer tx.Rollback()
	if !s.readOnly {
		ns, err := readNotes(ctx, tx, where, args)
		if err != nil {
			return nil, fmt.Errorf("read notes from %s: %w", s.path, err)
		}
		return ns, nil
	}
	if s.version == 0 {
		return nil, nil
	}
	ns, _, err := readNotesAt(ctx, tx, s.version, where, args, true)
	if err != nil {
		return nil, fmt.Errorf("read notes from %s: %w", s.path, err)
	}
	return s.placeAll(ns), nil
}

func formatTime(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

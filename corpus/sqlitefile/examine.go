package sqlitefile

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"strings"
)

// Querier is what both *sql.DB and *sql.Tx offer for reading.
type Querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// Refusals are a store's words for a file it will not open or upgrade;
// each names the store and the file and says what to do.
type Refusals struct {
	// Foreign refuses another program's SQLite database.
	Foreign func(appID int64) error
	// Newer refuses a file written by a newer parallax.
	Newer func(version int64) error
	// Refuse says why, in words, a damaged or unreadable file is refused.
	Refuse func(why error) error
	// Wrap words an error writing a file that was examined and found
	// sound (Migrate only).
	Wrap func(err error) error
}

// Header is what a file's header says about it.
type Header struct {
	AppID    int64 // PRAGMA application_id: which program's file it is
	Version  int64 // PRAGMA user_version: its schema version
	PageSize int64 // PRAGMA page_size
}

// ReadHeader reads the header through q, the application id first: the
// first read of a file, whose error may be NeedsRollback's.
func ReadHeader(ctx context.Context, q Querier) (Header, error) {
	var h Header
	for _, p := range []struct {
		q string
		v *int64
	}{{"PRAGMA application_id", &h.AppID}, {"PRAGMA user_version", &h.Version}, {"PRAGMA page_size", &h.PageSize}} {
		if err := q.QueryRowContext(ctx, p.q).Scan(p.v); err != nil {
			return h, err
		}
	}
	return h, nil
}

// CheckSize says why the file at path is truncated when its size is not a
// whole number of pages.
func (h Header) CheckSize(path string) error {
	if fi, err := os.Stat(path); err == nil && h.PageSize > 0 && fi.Size()%h.PageSize != 0 {
		return fmt.Errorf("its size (%d bytes) is not a whole number of %d-byte pages: the file is truncated", fi.Size(), h.PageSize)
	}
	return nil
}

// CountObjects counts the tables, indexes, triggers and views of the file.
func CountObjects(ctx context.Context, q Querier) (int64, error) {
	var n int64
	err := q.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&n)
	return n, err
}

// Empty reports whether a file of the header with objects schema objects
// is an empty database: a store whose creation never committed.
func (h Header) Empty(objects int64) bool {
	return h.AppID == 0 && h.Version == 0 && objects == 0
}

// Check refuses, in r's words, a file that is not a store of appID of a
// schema version up to latest: another program's, a newer parallax's, or
// one with a damaged header.
func (h Header) Check(appID, latest int64, r Refusals) error {
	switch {
	case h.AppID != appID:
		return r.Foreign(h.AppID)
	case h.Version > latest:
		return r.Newer(h.Version)
	case h.Version < 0:
		return r.Refuse(negativeVersion(h.Version))
	}
	return nil
}

func negativeVersion(v int64) error {
	return fmt.Errorf("its schema version is %d, which no parallax writes (a damaged header)", v)
}

// Problems runs one of SQLite's integrity checks (such as
// "PRAGMA integrity_check(20)" or "PRAGMA quick_check(t)") and returns
// the lines that are not "ok".
func Problems(ctx context.Context, q Querier, check string) ([]string, error) {
	rows, err := q.QueryContext(ctx, check)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return nil, err
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	return problems, rows.Err()
}

// Damaged says why a file whose integrity check found problems is refused,
// naming the first three, and after them more(the number left out) when
// more is not nil. Without problems it is nil.
func Damaged(problems []string, more func(hidden int) string) error {
	if len(problems) == 0 {
		return nil
	}
	if len(problems) > 3 {
		shown := problems[:3:3]
		if more != nil {
			shown = append(shown, more(len(problems)-3))
		}
		problems = shown
	}
	return fmt.Errorf("it is damaged: SQLite's integrity check fails (%s)", strings.Join(problems, "; "))
}

// Schema is a kind of store: the application id that marks its files and
// the migrations that make its schema.
type Schema struct {
	AppID      int64
	Migrations []string // Migrations[v] upgrades version v to v+1
}

// Migrate creates the schema in a new file, or upgrades an older one, in
// one transaction of db that also sets the application id and the
// version. A file of a newer version, of a negative one, or of another
// program is refused in r's words, and nothing is written.
func Migrate(ctx context.Context, db *sql.DB, s Schema, r Refusals) error {
	latest := int64(len(s.Migrations))
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return r.Wrap(err)
	}
	defer tx.Rollback()
	var version, appID int64
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return r.Wrap(err)
	}
	if err := tx.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return r.Wrap(err)
	}
	switch {
	case version > latest:
		return r.Newer(version)
	case version == latest:
		return nil
	case version < 0:
		return r.Refuse(negativeVersion(version))
	case version > 0 && appID != s.AppID:
		return r.Foreign(appID)
	}
	for v := version; v < latest; v++ {
		if _, err := tx.ExecContext(ctx, s.Migrations[v]); err != nil {
			return r.Refuse(fmt.Errorf("its schema cannot be upgraded from version %d: %w", v, err))
		}
	}
	for _, q := range []string{
		fmt.Sprintf("PRAGMA application_id = %d", s.AppID),
		fmt.Sprintf("PRAGMA user_version = %d", latest),
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return r.Wrap(err)
		}
	}
	if err := tx.Commit(); err != nil {
		return r.Wrap(err)
	}
	return nil
}

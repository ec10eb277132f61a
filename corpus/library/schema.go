// Package library is parallax's article library: one SQLite file that
// follows outlets by feed and URL, keeps every version of every article,
// notices silent edits, groups articles into stories as they arrive and
// indexes the latest versions for full-text search. Fetching is polite
// (conditional requests, one request at a time per host, Retry-After,
// robots.txt for article pages) and nothing fetched reaches the terminal
// unsanitised: the article text is loaded through the corpus package
// exactly as a saved file is.
package library

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/parallax-reader/parallax/corpus/sqlitefile"
)

// SchemaVersion is the version of the library schema this build writes,
// kept in PRAGMA user_version. Older files are migrated on open; newer
// ones are refused and never written.
const SchemaVersion = 1

// applicationID marks an SQLite file as a parallax library
// (PRAGMA application_id, the bytes "PRLB").
const applicationID = 0x50524c42

// formatMarker is the meta table's format value.
const formatMarker = "parallax-library"

// migrations[v] upgrades a library from schema version v to v+1, inside
// the transaction that also sets user_version.
var migrations = [SchemaVersion]string{
	// 0 → 1: the first schema.
	`CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
	 INSERT INTO meta(key, value) VALUES ('format', 'parallax-library');
	 CREATE TABLE feeds(
		id INTEGER PRIMARY KEY,
		url TEXT NOT NULL UNIQUE,
		outlet TEXT NOT NULL DEFAULT '',
		title TEXT NOT NULL DEFAULT '',
		etag TEXT NOT NULL DEFAULT '',
		last_modified TEXT NOT NULL DEFAULT '',
		interval_s INTEGER NOT NULL DEFAULT 900,
		next_check TEXT NOT NULL DEFAULT '',
		last_checked TEXT NOT NULL DEFAULT '',
		last_ok TEXT NOT NULL DEFAULT '',
		failures INTEGER NOT NULL DEFAULT 0,
		last_error TEXT NOT NULL DEFAULT '',
		items INTEGER NOT NULL DEFAULT 0,
		added TEXT NOT NULL
	 );
	 CREATE TABLE fetch_log(
		id INTEGER PRIMARY KEY,
		at TEXT NOT NULL,
		url TEXT NOT NULL,
		feed_id INTEGER,
		article_id TEXT NOT NULL DEFAULT '',
		status INTEGER NOT NULL,
		bytes INTEGER NOT NULL DEFAULT 0,
		ms INTEGER NOT NULL DEFAULT 0,
		conditional INTEGER NOT NULL DEFAULT 0,
		outcome TEXT NOT NULL DEFAULT ''
	 );
	 CREATE INDEX fetch_log_by_url ON fetch_log(url, at);
	 CREATE TABLE hosts(
		host TEXT PRIMARY KEY,
		not_before TEXT NOT NULL DEFAULT '',
		failures INTEGER NOT NULL DEFAULT 0
	 );
	 CREATE TABLE articles(
		num INTEGER PRIMARY KEY,
		id TEXT NOT NULL UNIQUE,
		source TEXT NOT NULL UNIQUE,
		url TEXT NOT NULL DEFAULT '',
		guid TEXT NOT NULL DEFAULT '',
		outlet TEXT NOT NULL DEFAULT '',
		title TEXT NOT NULL DEFAULT '',
		published TEXT NOT NULL DEFAULT '',
		authors TEXT NOT NULL DEFAULT '',
		language TEXT NOT NULL DEFAULT '',
		feed_id INTEGER,
		first_seen TEXT NOT NULL,
		last_checked TEXT NOT NULL DEFAULT '',
		next_check TEXT NOT NULL DEFAULT '',
		check_failures INTEGER NOT NULL DEFAULT 0,
		versions INTEGER NOT NULL DEFAULT 0,
		copy_of TEXT NOT NULL DEFAULT '',
		sketch BLOB,
		story TEXT NOT NULL DEFAULT '',
		thread TEXT NOT NULL DEFAULT ''
	 );
	 CREATE INDEX articles_by_guid ON articles(guid) WHERE guid <> '';
	 CREATE INDEX articles_by_next_check ON articles(next_check) WHERE next_check <> '';
	 CREATE INDEX articles_by_first_seen ON articles(first_seen);
	 CREATE INDEX articles_by_story ON articles(story);
	 CREATE TABLE aliases(
		url TEXT PRIMARY KEY,
		article_id TEXT NOT NULL
	 );
	 CREATE TABLE versions(
		article_id TEXT NOT NULL,
		n INTEGER NOT NULL,
		fetched TEXT NOT NULL,
		status INTEGER NOT NULL,
		hash TEXT NOT NULL,
		norm_len INTEGER NOT NULL DEFAULT 0,
		title TEXT NOT NULL DEFAULT '',
		text TEXT NOT NULL,
		raw BLOB,
		raw_type TEXT NOT NULL DEFAULT '',
		extractor TEXT NOT NULL,
		extractor_version TEXT NOT NULL,
		PRIMARY KEY(article_id, n)
	 ) WITHOUT ROWID;
	 CREATE TABLE minhash(
		band INTEGER NOT NULL,
		key INTEGER NOT NULL,
		num INTEGER NOT NULL,
		PRIMARY KEY(band, key, num)
	 ) WITHOUT ROWID;
	 CREATE VIRTUAL TABLE search USING fts5(title, body, tokenize = 'porter unicode61 remove_diacritics 2');`,
}

// migrate creates the schema of a new library or upgrades an older one, in
// one transaction.
func (l *Library) migrate(ctx context.Context) error {
	r := refusals(l.path)
	r.Wrap = l.wrapOpen
	return sqlitefile.Migrate(ctx, l.db, sqlitefile.Schema{AppID: applicationID, Migrations: migrations[:]}, r)
}

// tablesOf lists the tables a library of SchemaVersion holds, for the
// check on open.
var tablesOf = []string{"meta", "feeds", "fetch_log", "hosts", "articles", "aliases", "versions", "minhash", "search"}

// checkTables reports the first table a library lacks.
func checkTables(ctx context.Context, tx *sql.Tx) error {
	for _, t := range tablesOf {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema WHERE name = ?", t).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return fmt.Errorf("its schema is incomplete: table %s is missing", t)
		}
	}
	return nil
}

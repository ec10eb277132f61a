package library

import (
	"bytes"
	"compress/gzip"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/parallax-reader/parallax/corpus"
)

// putChunk is how many documents one write transaction stores: a crash
// loses at most the chunk being written, and another process waits at
// most that long for its turn.
const putChunk = 64

// prepared is a document ready to be written.
type prepared struct {
	doc     *Document
	source  string
	aliases []string
	outlet  string
	art     *corpus.Article
	norm    string
	hash    string
	sk      sketch
	hasSk   bool
	known   bool // the library held it when Put began
}

// Put stores documents: a document the library does not know becomes a new
// article (version 1), one it knows (by canonical address, any address it
// was seen at, or feed GUID) a new version when its normalised text
// changed. A text much shorter than the last version's, or a non-200
// answer, is suspect and not stored. A new article that is a near-copy of
// another outlet's becomes an article of its own outlet marked as a copy.
// New articles are assigned to stories. There is one Result per document;
// the error is for the library itself failing.
func (l *Library) Put(ctx context.Context, docs []Document) ([]Result, error) {
	if l.db == nil {
		return nil, l.closedErr()
	}
	res := make([]Result, len(docs))
	preps := make([]*prepared, len(docs))
	var files []corpus.File
	var fileOf []int
	for i := range docs {
		d := &docs[i]
		p := &prepared{doc: d, source: sourceOf(d), aliases: aliasesOf(d)}
		if p.source == "" {
			res[i] = Result{Outcome: OutcomeFailed, Reason: "no address and no file: nothing to store it under"}
			continue
		}
		if strings.TrimSpace(d.Text) == "" {
			res[i] = Result{Outcome: OutcomeFailed, Reason: "no article text"}
			continue
		}
		k, err := lookup(ctx, l.db, p.source, p.aliases, d.GUID)
		if err != nil {
			return nil, fmt.Errorf("read library %s: %w", l.path, err)
		}
		p.outlet = l.outletOf(d)
		id := newID(p.outlet, p.source, false)
		if k != nil {
			p.known = true
			id = k.id
			if k.outlet != "" {
				p.outlet = k.outlet
			}
		}
		pub := ""
		if d.Published != nil {
			pub = formatTime(*d.Published)
		}
		url := d.Canonical
		if url == "" {
			url = d.URL
		}
		files = append(files, articleFile(id, d.Title, p.outlet, pub, url, d.Author, d.Language, d.Text))
		fileOf = append(fileOf, i)
		preps[i] = p
	}
	loaded, lerrs, err := corpus.LoadEach(ctx, corpus.Options{Outlets: l.outlets}, files)
	if err != nil {
		return nil, err
	}
	for j, i := range fileOf {
		if len(loaded[j]) != 1 {
			msg := "the text could not be loaded"
			if len(lerrs[j]) > 0 {
				msg = lerrs[j][0].Message
			}
			res[i] = Result{Outcome: OutcomeFailed, Reason: msg}
			preps[i] = nil
			continue
		}
		p := preps[i]
		p.art = loaded[j][0]
		p.norm = normalized(p.art)
		p.hash = hashText(p.norm)
		p.sk, p.hasSk = sketchOf(p.norm)
		if p.outlet == "" {
			p.outlet = p.art.Outlet
		}
	}
	for i, p := range preps {
		if p != nil && !p.known && res[i].Outcome == "" {
			// Some document may be new: the grouper is built from the
			// library as it was before it.
			if err := l.prepareStories(ctx); err != nil {
				return nil, err
			}
			break
		}
	}
	var added []*corpus.Article
	for start := 0; start < len(docs); start += putChunk {
		end := min(start+putChunk, len(docs))
		if err := l.writeChunk(ctx, preps[start:end], res[start:end]); err != nil {
			return nil, err
		}
		for i := start; i < end; i++ {
			if res[i].Outcome == OutcomeNew {
				added = append(added, res[i].Loaded)
			}
		}
	}
	if len(added) > 0 {
		if err := l.assignStories(ctx, added); err != nil {
			return res, err
		}
	}
	return res, nil
}

// outletOf is a document's outlet: the outlet table's entry for its
// address first, then what its source said.
func (l *Library) outletOf(d *Document) string {
	for _, u := range []string{d.Canonical, d.URL} {
		if o, _ := l.outlets.ByURL(u); o != nil {
			return o.Name
		}
	}
	if o := l.outlets.Lookup(d.Outlet); o != nil {
		return o.Name
	}
	return strings.TrimSpace(d.Outlet)
}

// writeChunk writes prepared documents in one transaction.
func (l *Library) writeChunk(ctx context.Context, preps []*prepared, res []Result) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.db == nil {
		return l.closedErr()
	}
	tx, err := l.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("write library %s: %w", l.path, err)
	}
	defer tx.Rollback()
	now := l.now()
	for i, p := range preps {
		if p == nil {
			continue
		}
		r, err := l.writeOne(ctx, tx, p, now)
		if err != nil {
			return fmt.Errorf("write library %s: %w", l.path, err)
		}
		res[i] = r
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("write library %s: %w", l.path, err)
	}
	return nil
}

// writeOne stores one prepared document inside tx.
func (l *Library) writeOne(ctx context.Context, tx *sql.Tx, p *prepared, now time.Time) (Result, error) {
	d := p.doc
	fetched := d.Fetched
	if fetched.IsZero() {
		fetched = now
	}
	k, err := lookup(ctx, tx, p.source, p.aliases, d.GUID)
	if err != nil {
		return Result{}, err
	}
	for _, a := range p.aliases {
		if k != nil {
			if _, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO aliases(url, article_id) VALUES (?, ?)", a, k.id); err != nil {
				return Result{}, err
			}
		}
	}
	if k != nil {
		p.art.ID = k.id
		next := recheckAfter(d, ageBase(ctx, tx, k.id), fetched)
		switch {
		case p.hash == k.hash && normalizeLine(p.doc.Title) == normalizeLine(k.title):
			// The same text under the same headline. (The hash covers the
			// text's paragraphs; a headline kept apart from them — front
			// matter, a page's <h1> or og:title — is compared here, so a
			// headline edited alone is a new version too.)
			_, err := tx.ExecContext(ctx, "UPDATE articles SET last_checked = ?, next_check = ?, check_failures = 0 WHERE id = ?", formatTime(fetched), next, k.id)
			return Result{Article: k.id, Outcome: OutcomeUnchanged, Version: k.versions}, err
		case d.Status != 0 && d.Status != 200:
			return Result{Article: k.id, Outcome: OutcomeSuspect, Version: k.versions, Reason: fmt.Sprintf("the server answered %d", d.Status)}, nil
		case float64(len(p.norm)) < suspectDrop*float64(k.normLen):
			return Result{Article: k.id, Outcome: OutcomeSuspect, Version: k.versions,
				Reason: fmt.Sprintf("the text shrank from %d to %d characters: a failed extraction, not an edit", k.normLen, len(p.norm))}, nil
		}
		n := k.versions + 1
		if err := insertVersion(ctx, tx, k.id, n, p, fetched); err != nil {
			return Result{}, err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE articles SET versions = ?, title = ?, last_checked = ?, next_check = ?, check_failures = 0 WHERE id = ?",
			n, p.art.Title, formatTime(fetched), next, k.id); err != nil {
			return Result{}, err
		}
		if err := indexSearch(ctx, tx, k.num, p); err != nil {
			return Result{}, err
		}
		return Result{Article: k.id, Outcome: OutcomeEdited, Version: n, Loaded: p.art}, nil
	}
	id := p.art.ID
	var other string
	if err := tx.QueryRowContext(ctx, "SELECT source FROM articles WHERE id = ?", id).Scan(&other); err == nil && other != p.source {
		id = newID(p.outlet, p.source, true) // two sources share a short id
		p.art.ID = id
	} else if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return Result{}, err
	}
	copyOf := ""
	if p.hasSk {
		if copyOf, err = findOriginal(ctx, tx, p.sk, p.outlet); err != nil {
			return Result{}, err
		}
	}
	pub := ""
	if p.art.Published != nil {
		pub = formatTime(*p.art.Published)
	}
	var feed any
	if d.FeedID != 0 {
		feed = d.FeedID
	}
	var sk []byte
	if p.hasSk {
		sk = p.sk.bytes()
	}
	url := d.Canonical
	if url == "" {
		url = d.URL
	}
	base := fetched
	if p.art.Published != nil && p.art.Published.Before(base) && p.art.Published.After(base.AddDate(0, 0, -60)) {
		base = *p.art.Published
	}
	r, err := tx.ExecContext(ctx, `INSERT INTO articles(id, source, url, guid, outlet, title, published, authors, language, feed_id,
		first_seen, last_checked, next_check, versions, copy_of, sketch) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
		id, p.source, url, d.GUID, p.outlet, p.art.Title, pub, p.art.Author, p.art.Language, feed,
		formatTime(fetched), formatTime(fetched), recheckAfter(d, base, fetched), copyOf, sk)
	if err != nil {
		return Result{}, err
	}
	num, err := r.LastInsertId()
	if err != nil {
		return Result{}, err
	}
	if err := insertVersion(ctx, tx, id, 1, p, fetched); err != nil {
		return Result{}, err
	}
	for _, a := range p.aliases {
		if _, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO aliases(url, article_id) VALUES (?, ?)", a, id); err != nil {
			return Result{}, err
		}
	}
	if p.hasSk {
		for b, key := range p.sk.bands() {
			if _, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO minhash(band, key, num) VALUES (?, ?, ?)", b, key, num); err != nil {
				return Result{}, err
			}
		}
	}
	if err := indexSearch(ctx, tx, num, p); err != nil {
		return Result{}, err
	}
	return Result{Article: id, Outcome: OutcomeNew, Version: 1, CopyOf: copyOf, Loaded: p.art}, nil
}

// recheckAfter is when a new article is first checked for edits: never
// for a file without an address (nothing to fetch it from).
func recheckAfter(d *Document, base, now time.Time) string {
	if d.URL == "" && d.Canonical == "" {
		return ""
	}
	return timeString(nextCheck(base, now))
}

// ageBase is when an article appeared, as the re-check schedule counts
// its age: its publication time when that is before it was first seen.
func ageBase(ctx context.Context, tx *sql.Tx, id string) time.Time {
	var first, pub string
	_ = tx.QueryRowContext(ctx, "SELECT first_seen, published FROM articles WHERE id = ?", id).Scan(&first, &pub)
	base := parseTime(first)
	if p := parseTime(pub); p != nil && base != nil && p.Before(*base) && p.After(base.AddDate(0, 0, -60)) {
		base = p
	}
	if base == nil {
		return time.Time{}
	}
	return *base
}

func insertVersion(ctx context.Context, tx *sql.Tx, id string, n int, p *prepared, fetched time.Time) error {
	var raw []byte
	if len(p.doc.Raw) > 0 {
		raw = compress(p.doc.Raw)
	}
	status := p.doc.Status
	if status == 0 {
		status = 200
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO versions(article_id, n, fetched, status, hash, norm_len, title, text, raw, raw_type, extractor, extractor_version)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		id, n, formatTime(fetched), status, p.hash, len(p.norm), p.doc.Title, p.art.Text, raw, p.doc.RawType, p.doc.Extractor, p.doc.ExtractorVersion)
	return err
}

// indexSearch puts an article's latest version in the full-text index.
func indexSearch(ctx context.Context, tx *sql.Tx, num int64, p *prepared) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM search WHERE rowid = ?", num); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, "INSERT INTO search(rowid, title, body) VALUES (?, ?, ?)", num, p.art.Title, p.norm)
	return err
}

// findOriginal returns the article of another outlet a new text is a
// near-copy of (following a copy to its original), or "".
func findOriginal(ctx context.Context, tx *sql.Tx, sk sketch, outlet string) (string, error) {
	seen := map[int64]bool{}
	best, bestR := "", copyJaccard
	for b, key := range sk.bands() {
		rows, err := tx.QueryContext(ctx, `SELECT a.num, a.id, a.outlet, a.copy_of, a.sketch FROM minhash m JOIN articles a ON a.num = m.num
			WHERE m.band = ? AND m.key = ? LIMIT 50`, b, key)
		if err != nil {
			return "", err
		}
		for rows.Next() {
			var num int64
			var id, o, copyOf string
			var raw []byte
			if err := rows.Scan(&num, &id, &o, &copyOf, &raw); err != nil {
				rows.Close()
				return "", err
			}
			if seen[num] || o == outlet {
				continue
			}
			seen[num] = true
			if other, ok := sketchFrom(raw); ok {
				if r := sk.resemblance(other); r >= bestR {
					best, bestR = id, r
					if copyOf != "" {
						best = copyOf
					}
				}
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return "", err
		}
	}
	return best, nil
}

// gzipWriters are reused: a gzip writer allocates about a megabyte of
// compressor state, and zeroing it for every page cost more than the rest
// of storing it.
var gzipWriters = sync.Pool{New: func() any {
	zw, _ := gzip.NewWriterLevel(io.Discard, gzip.BestSpeed)
	return zw
}}

// compress gzips a page for the versions table.
func compress(raw []byte) []byte {
	var b bytes.Buffer
	zw := gzipWriters.Get().(*gzip.Writer)
	zw.Reset(&b)
	zw.Write(raw)
	zw.Close()
	gzipWriters.Put(zw)
	return b.Bytes()
}

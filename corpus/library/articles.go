package library

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"go.yaml.in/yaml/v3"

	"github.com/parallax-reader/parallax/corpus"
)

// Document is an article as a source gives it, before it is stored: a page
// fetched and extracted, or a file read.
type Document struct {
	// URL is the address the page was fetched from ("" for a file without
	// one); Canonical the address the page names as its own
	// (rel=canonical, og:url), if any. Path is the file it was read from.
	URL, Canonical, Path string
	GUID                 string // the feed item's id, if any
	FeedID               int64  // the feed it came from, 0 for none
	// Outlet is the outlet's name ("" to detect it from the text).
	Outlet, Title, Author, Language string
	Published                       *time.Time
	// Text is the article text, its title line first.
	Text string
	// Raw is the page or file as received (stored compressed), RawType
	// its media type.
	Raw     []byte
	RawType string
	Status  int       // HTTP status; 200 for a file
	Fetched time.Time // zero: now
	// Extractor and ExtractorVersion name what produced Text.
	Extractor, ExtractorVersion string
}

// Outcome says what storing a document did.
type Outcome string

// The outcomes of Put.
const (
	OutcomeNew       Outcome = "new"       // a new article, version 1
	OutcomeEdited    Outcome = "edited"    // a new version of a known article
	OutcomeUnchanged Outcome = "unchanged" // the same text as the latest version
	OutcomeSuspect   Outcome = "suspect"   // looks like a failed extraction, not an edit: not stored
	OutcomeFailed    Outcome = "failed"    // could not be stored; see Err
)

// Result is what became of one document.
type Result struct {
	Article string  `json:"article,omitempty"`
	Outcome Outcome `json:"outcome"`
	Version int     `json:"version,omitempty"`
	// CopyOf is set for a new article that is a near-copy of another
	// outlet's article (syndication): the original's id.
	CopyOf string `json:"copy_of,omitempty"`
	// Reason says why a document was suspect or failed.
	Reason string `json:"reason,omitempty"`
	Err    error  `json:"-"`
	// Loaded is the article as the corpus loads it (new and edited only).
	Loaded *corpus.Article `json:"-"`
}

// suspectDrop is the share of the previous version's normalised length a
// new text must keep not to be taken for a failed extraction.
const suspectDrop = 0.5

// sourceOf is the key a document is stored under: its canonical address,
// else the file it came from.
func sourceOf(d *Document) string {
	for _, u := range []string{d.Canonical, d.URL} {
		if c := CanonicalURL(u); strings.HasPrefix(c, "https://") {
			return c
		}
	}
	if d.Path != "" {
		abs, err := filepath.Abs(d.Path)
		if err != nil {
			abs = d.Path
		}
		return "file:" + abs
	}
	return ""
}

// aliasesOf are every address a document is known by, canonicalised.
func aliasesOf(d *Document) []string {
	var out []string
	seen := map[string]bool{}
	for _, u := range []string{d.URL, d.Canonical} {
		if c := CanonicalURL(u); strings.HasPrefix(c, "https://") && !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}

// newID makes an article id from its outlet (or host) and source: "tass-1a2b3c4d5e".
func newID(outlet, source string, long bool) string {
	prefix := slug(outlet)
	if prefix == "" {
		if u := CanonicalURL(source); strings.HasPrefix(u, "https://") {
			prefix = slug(strings.SplitN(strings.TrimPrefix(u, "https://"), "/", 2)[0])
		}
	}
	if prefix == "" {
		prefix = "article"
	}
	sum := sha256.Sum256([]byte(source))
	n := 5
	if long {
		n = 10
	}
	return prefix + "-" + hex.EncodeToString(sum[:n])
}

// slug lower-cases a name to letters and digits joined by "-".
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		} else {
			dash = true
		}
		if b.Len() >= 24 {
			break
		}
	}
	return b.String()
}

// frontMatter is what the library writes before an article's text, so
// that it loads through the corpus package as a saved Markdown file does.
type frontMatter struct {
	ID        string `yaml:"id"`
	Title     string `yaml:"title,omitempty"`
	Outlet    string `yaml:"outlet,omitempty"`
	Published string `yaml:"published,omitempty"`
	URL       string `yaml:"url,omitempty"`
	Author    string `yaml:"author,omitempty"`
	Language  string `yaml:"language,omitempty"`
}

// articleFile is an article as a Markdown file with front matter: how the
// library hands its articles to the corpus loader.
func articleFile(id, title, outlet, published, url, author, language, text string) corpus.File {
	fm, _ := yaml.Marshal(frontMatter{ID: id, Title: title, Outlet: outlet, Published: published, URL: url, Author: author, Language: language})
	var b strings.Builder
	b.Grow(len(fm) + len(text) + 16)
	b.WriteString("---\n")
	b.Write(fm)
	b.WriteString("---\n")
	b.WriteString(text)
	return corpus.File{Path: id + ".md", Data: []byte(b.String())}
}

// formatTime writes a time in UTC with a fixed width, so that stored
// times sort as text.
func formatTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000000000Z07:00") }

// timeString is formatTime, or "" for the zero time.
func timeString(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return formatTime(t)
}

func parseTime(s string) *time.Time {
	if s == "" {
		return nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return nil
	}
	return &t
}

// known is what the library holds about an article a document may be.
type known struct {
	num      int64
	id       string
	outlet   string
	versions int
	hash     string
	normLen  int
	title    string // the latest version's headline
}

// lookup finds the article a document is, by source, any of its
// addresses, or its feed GUID.
func lookup(ctx context.Context, q querier, source string, aliases []string, guid string) (*known, error) {
	var id string
	err := q.QueryRowContext(ctx, "SELECT id FROM articles WHERE source = ?", source).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		err = nil
		for _, a := range aliases {
			err = q.QueryRowContext(ctx, "SELECT article_id FROM aliases WHERE url = ?", a).Scan(&id)
			if err == nil || !errors.Is(err, sql.ErrNoRows) {
				break
			}
			err = nil
		}
	}
	if id == "" && err == nil && guid != "" {
		err = q.QueryRowContext(ctx, "SELECT id FROM articles WHERE guid = ? LIMIT 1", guid).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			err = nil
		}
	}
	if err != nil || id == "" {
		return nil, err
	}
	k := &known{id: id}
	err = q.QueryRowContext(ctx, `SELECT a.num, a.outlet, a.versions, coalesce(v.hash, ''), coalesce(v.norm_len, 0), coalesce(v.title, '')
		FROM articles a LEFT JOIN versions v ON v.article_id = a.id AND v.n = a.versions WHERE a.id = ?`, id).
		Scan(&k.num, &k.outlet, &k.versions, &k.hash, &k.normLen, &k.title)
	if err != nil {
		return nil, err
	}
	return k, nil
}

// querier is what both *sql.DB and *sql.Tx offer.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// Get returns one article's record; ok is false when there is none.
func (l *Library) Get(ctx context.Context, id string) (Info, bool, error) {
	infos, err := l.infos(ctx, "WHERE id = ?", id)
	if err != nil || len(infos) == 0 {
		return Info{}, false, err
	}
	return infos[0], true, nil
}

// Info is an article's record in the library.
type Info struct {
	ID        string     `json:"id"`
	URL       string     `json:"url"`
	Source    string     `json:"source"`
	GUID      string     `json:"guid,omitempty"`
	Outlet    string     `json:"outlet"`
	Title     string     `json:"title"`
	Published *time.Time `json:"published"`
	Authors   string     `json:"authors,omitempty"`
	FirstSeen time.Time  `json:"first_seen"`
	Versions  int        `json:"versions"`
	CopyOf    string     `json:"copy_of,omitempty"`
	Story     string     `json:"story,omitempty"`
	Thread    string     `json:"thread,omitempty"`
	NextCheck *time.Time `json:"next_check"`
}

func (l *Library) infos(ctx context.Context, where string, args ...any) ([]Info, error) {
	if l.db == nil {
		return nil, l.closedErr()
	}
	rows, err := l.db.QueryContext(ctx, `SELECT id, url, source, guid, outlet, title, published, authors, first_seen,
		versions, copy_of, story, thread, next_check FROM articles `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("read library %s: %w", l.path, err)
	}
	defer rows.Close()
	var out []Info
	for rows.Next() {
		var in Info
		var pub, first, next string
		if err := rows.Scan(&in.ID, &in.URL, &in.Source, &in.GUID, &in.Outlet, &in.Title, &pub, &in.Authors, &first,
			&in.Versions, &in.CopyOf, &in.Story, &in.Thread, &next); err != nil {
			return nil, fmt.Errorf("read library %s: %w", l.path, err)
		}
		in.Published, in.NextCheck = parseTime(pub), parseTime(next)
		if t := parseTime(first); t != nil {
			in.FirstSeen = *t
		}
		out = append(out, in)
	}
	return out, rows.Err()
}

func (l *Library) closedErr() error { return fmt.Errorf("library %s: it is closed", l.path) }

// Count returns the number of articles in the library.
func (l *Library) Count(ctx context.Context) (int, error) {
	if l.db == nil {
		return 0, l.closedErr()
	}
	var n int
	err := l.db.QueryRowContext(ctx, "SELECT count(*) FROM articles").Scan(&n)
	return n, err
}

package library

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html/charset"

	"github.com/parallax-reader/parallax/corpus"
)

// FeedInfo is a followed feed and its health.
type FeedInfo struct {
	ID           int64      `json:"id"`
	URL          string     `json:"url"`
	Outlet       string     `json:"outlet"`
	Title        string     `json:"title"`
	Interval     int        `json:"interval_seconds"`
	LastChecked  *time.Time `json:"last_checked"`
	LastOK       *time.Time `json:"last_ok"`
	NextCheck    *time.Time `json:"next_check"`
	Failures     int        `json:"failures"`
	LastError    string     `json:"last_error"`
	Items        int        `json:"items"`
	ETag         string     `json:"-"`
	LastModified string     `json:"-"`
}

// Failing reports whether a feed keeps failing: three failures in a row.
func (f FeedInfo) Failing() bool { return f.Failures >= 3 }

// StarterFeed is a feed of the starter list.
type StarterFeed struct{ Outlet, URL string }

// StarterFeeds are the feeds of the five seed outlets and two references.
// They were written from the outlets' published feed addresses and have
// not been fetched from the build machine: feeds move, and 'parallax
// update' names one that fails.
var StarterFeeds = []StarterFeed{
	{"TASS", "https://tass.com/rss/v2.xml"},
	{"Sputnik", "https://sputnikglobe.com/export/rss2/archive/index.xml"},
	{"Tasnim", "https://www.tasnimnews.com/en/rss"},
	{"Anadolu Agency", "https://www.aa.com.tr/en/rss/default?cat=guncel"},
	{"Al Arabiya", "https://english.alarabiya.net/feed/rss2/en.xml"},
	{"BBC", "https://feeds.bbci.co.uk/news/world/rss.xml"},
	{"Al Jazeera", "https://www.aljazeera.com/xml/rss/all.xml"},
}

// ErrFeedExists is wrapped by AddFeed's error for a feed already followed.
var ErrFeedExists = errors.New("the feed is already followed")

// checkFeedURL refuses what is not an absolute http(s) address.
func checkFeedURL(raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("%q is not a feed address: give a full http:// or https:// URL", raw)
	}
	return u.String(), nil
}

// AddFeed follows a feed. outlet names its outlet ("" to take it from the
// outlet table by the feed's domain, if it is there).
func (l *Library) AddFeed(ctx context.Context, raw, outlet string) (FeedInfo, error) {
	u, err := checkFeedURL(raw)
	if err != nil {
		return FeedInfo{}, err
	}
	if outlet == "" {
		if o, _ := l.outlets.ByURL(u); o != nil {
			outlet = o.Name
		}
	} else if o := l.outlets.Lookup(outlet); o != nil {
		outlet = o.Name
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.db == nil {
		return FeedInfo{}, l.closedErr()
	}
	_, err = l.db.ExecContext(ctx, "INSERT INTO feeds(url, outlet, interval_s, added) VALUES (?, ?, ?, ?)",
		u, cleanLine(outlet), int(DefaultFeedInterval/time.Second), formatTime(l.now()))
	if err != nil {
		if strings.Contains(err.Error(), "UNIQUE") {
			return FeedInfo{}, fmt.Errorf("%s: %w", u, ErrFeedExists)
		}
		return FeedInfo{}, fmt.Errorf("write library %s: %w", l.path, err)
	}
	fs, err := l.feeds(ctx, l.db, "WHERE url = ?", u)
	if err != nil || len(fs) == 0 {
		return FeedInfo{}, err
	}
	return fs[0], nil
}

// Feeds returns every followed feed, in the order they were added.
func (l *Library) Feeds(ctx context.Context) ([]FeedInfo, error) {
	if l.db == nil {
		return nil, l.closedErr()
	}
	return l.feeds(ctx, l.db, "ORDER BY id")
}

func (l *Library) feeds(ctx context.Context, q querier, where string, args ...any) ([]FeedInfo, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, url, outlet, title, interval_s, last_checked, last_ok, next_check, failures,
		last_error, items, etag, last_modified FROM feeds `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("read library %s: %w", l.path, err)
	}
	defer rows.Close()
	var out []FeedInfo
	for rows.Next() {
		var f FeedInfo
		var checked, ok, next string
		if err := rows.Scan(&f.ID, &f.URL, &f.Outlet, &f.Title, &f.Interval, &checked, &ok, &next, &f.Failures,
			&f.LastError, &f.Items, &f.ETag, &f.LastModified); err != nil {
			return nil, fmt.Errorf("read library %s: %w", l.path, err)
		}
		f.LastChecked, f.LastOK, f.NextCheck = parseTime(checked), parseTime(ok), parseTime(next)
		out = append(out, f)
	}
	return out, rows.Err()
}

// RemoveFeed stops following a feed, given by its address or its id. Its
// articles stay in the library.
func (l *Library) RemoveFeed(ctx context.Context, which string) (FeedInfo, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.db == nil {
		return FeedInfo{}, l.closedErr()
	}
	fs, err := l.feeds(ctx, l.db, "WHERE url = ? OR CAST(id AS TEXT) = ?", strings.TrimSpace(which), strings.TrimSpace(which))
	if err != nil {
		return FeedInfo{}, err
	}
	if len(fs) == 0 {
		return FeedInfo{}, fmt.Errorf("no feed %q is followed: 'parallax feeds list' shows the feeds and their ids", which)
	}
	if _, err := l.db.ExecContext(ctx, "DELETE FROM feeds WHERE id = ?", fs[0].ID); err != nil {
		return FeedInfo{}, fmt.Errorf("write library %s: %w", l.path, err)
	}
	return fs[0], nil
}

// opml is an OPML 2.0 document.
type opml struct {
	XMLName xml.Name `xml:"opml"`
	Version string   `xml:"version,attr"`
	Head    struct {
		Title string `xml:"title"`
	} `xml:"head"`
	Body struct {
		Outlines []outline `xml:"outline"`
	} `xml:"body"`
}

type outline struct {
	Text     string    `xml:"text,attr"`
	Title    string    `xml:"title,attr,omitempty"`
	Type     string    `xml:"type,attr,omitempty"`
	XMLURL   string    `xml:"xmlUrl,attr,omitempty"`
	HTMLURL  string    `xml:"htmlUrl,attr,omitempty"`
	Outlines []outline `xml:"outline,omitempty"`
}

// OPMLFeed is a feed an OPML file lists.
type OPMLFeed struct {
	URL, Outlet string
}

// ParseOPML reads the feeds of an OPML file (outlines with an xmlUrl, at
// any depth; a feed's text or title is its outlet, else its folder's).
func ParseOPML(r io.Reader) ([]OPMLFeed, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxPageBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxPageBytes {
		return nil, fmt.Errorf("the OPML file is over %s", corpus.HumanBytes(MaxPageBytes))
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	dec.CharsetReader = func(label string, r io.Reader) (io.Reader, error) { return charset.NewReaderLabel(label, r) }
	var doc opml
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("not an OPML file: %v", err)
	}
	var out []OPMLFeed
	var walk func(os []outline, folder string)
	walk = func(os []outline, folder string) {
		for _, o := range os {
			name := cleanLine(corpus.FirstNonEmpty(o.Title, o.Text))
			if o.XMLURL != "" {
				out = append(out, OPMLFeed{URL: strings.TrimSpace(o.XMLURL), Outlet: corpus.FirstNonEmpty(name, folder)})
			}
			walk(o.Outlines, corpus.FirstNonEmpty(folder, name))
		}
	}
	for _, o := range doc.Body.Outlines {
		if o.XMLURL != "" {
			out = append(out, OPMLFeed{URL: strings.TrimSpace(o.XMLURL), Outlet: cleanLine(corpus.FirstNonEmpty(o.Title, o.Text))})
			continue
		}
		walk(o.Outlines, cleanLine(corpus.FirstNonEmpty(o.Title, o.Text)))
	}
	if len(out) == 0 {
		return nil, errors.New("the OPML file lists no feeds (no outline has an xmlUrl)")
	}
	return out, nil
}

// WriteOPML writes the followed feeds as OPML 2.0, one outline a feed
// with its outlet as text.
func (l *Library) WriteOPML(ctx context.Context, w io.Writer) error {
	fs, err := l.Feeds(ctx)
	if err != nil {
		return err
	}
	doc := opml{Version: "2.0"}
	doc.Head.Title = "parallax feeds"
	for _, f := range fs {
		doc.Body.Outlines = append(doc.Body.Outlines, outline{Text: corpus.FirstNonEmpty(f.Outlet, f.Title, f.URL), Title: f.Title, Type: "rss", XMLURL: f.URL})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err = io.WriteString(w, "\n")
	return err
}

// feedFetched records a feed fetch that worked.
func (l *Library) feedFetched(ctx context.Context, f FeedInfo, r *Response, title string, items int, next time.Time) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := formatTime(l.now())
	_, err := l.db.ExecContext(ctx, `UPDATE feeds SET etag = ?, last_modified = ?, last_checked = ?, last_ok = ?, next_check = ?,
		failures = 0, last_error = '', title = CASE WHEN ? <> '' THEN ? ELSE title END, items = CASE WHEN ? > 0 THEN ? ELSE items END WHERE id = ?`,
		r.ETag, r.LastModified, now, now, formatTime(next), title, title, items, items, f.ID)
	return err
}

// feedFailed records a feed fetch that failed and when to try again.
func (l *Library) feedFailed(ctx context.Context, f FeedInfo, msg string, next time.Time) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	_, err := l.db.ExecContext(ctx, `UPDATE feeds SET last_checked = ?, next_check = ?, failures = failures + 1, last_error = ? WHERE id = ?`,
		formatTime(l.now()), formatTime(next), msg, f.ID)
	return err
}

// logFetch appends a request to the fetch log.
func (l *Library) logFetch(ctx context.Context, e FetchLog, feed int64) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.db == nil {
		return
	}
	var fid any
	if feed != 0 {
		fid = feed
	}
	_, _ = l.db.ExecContext(ctx, `INSERT INTO fetch_log(at, url, feed_id, status, bytes, ms, conditional, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		formatTime(e.At), e.URL, fid, e.Status, e.Bytes, e.Duration.Milliseconds(), e.Conditional, e.Outcome)
}

// hostWaits returns the Retry-After times hosts gave that are still ahead.
func (l *Library) hostWaits(ctx context.Context) (map[string]time.Time, error) {
	rows, err := l.db.QueryContext(ctx, "SELECT host, not_before FROM hosts WHERE not_before > ?", formatTime(l.now()))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]time.Time{}
	for rows.Next() {
		var h, nb string
		if err := rows.Scan(&h, &nb); err != nil {
			return nil, err
		}
		if t := parseTime(nb); t != nil {
			out[h] = *t
		}
	}
	return out, rows.Err()
}

// saveHostWait remembers a host's Retry-After for later runs.
func (l *Library) saveHostWait(ctx context.Context, host string, t time.Time) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	_, err := l.db.ExecContext(ctx, `INSERT INTO hosts(host, not_before) VALUES (?, ?)
		ON CONFLICT(host) DO UPDATE SET not_before = max(not_before, excluded.not_before)`, host, formatTime(t))
	return err
}

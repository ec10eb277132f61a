package library

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode"
)

// Hit is one article a search found.
type Hit struct {
	Article   string     `json:"article"`
	Outlet    string     `json:"outlet"`
	Title     string     `json:"title"`
	Published *time.Time `json:"published"`
	// Snippet is the passage of the latest version around the words
	// found, with the words between « and ».
	Snippet string  `json:"snippet"`
	Rank    float64 `json:"rank"` // bm25: lower is better
}

// Search finds the articles whose latest version holds every word of the
// query (stemmed, accents ignored; "quoted phrases" kept as phrases; a
// trailing * a prefix), best first, at most limit (0: 50).
func (l *Library) Search(ctx context.Context, query string, limit int) ([]Hit, error) {
	if l.db == nil {
		return nil, l.closedErr()
	}
	q := ftsQuery(query)
	if q == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = 50
	}
	rows, err := l.db.QueryContext(ctx, `SELECT a.id, a.outlet, a.title, a.published,
		snippet(search, 1, '«', '»', '…', 16), bm25(search)
		FROM search JOIN articles a ON a.num = search.rowid WHERE search MATCH ? ORDER BY bm25(search) LIMIT ?`, q, limit)
	if err != nil {
		return nil, fmt.Errorf("search %s: %w", l.path, err)
	}
	defer rows.Close()
	var out []Hit
	for rows.Next() {
		var h Hit
		var pub string
		if err := rows.Scan(&h.Article, &h.Outlet, &h.Title, &pub, &h.Snippet, &h.Rank); err != nil {
			return nil, fmt.Errorf("search %s: %w", l.path, err)
		}
		h.Published = parseTime(pub)
		out = append(out, h)
	}
	return out, rows.Err()
}

// ftsQuery turns what a person types into an FTS5 query that cannot be a
// syntax error: each word and each "quoted phrase" becomes a quoted string
// (a word ending in * a prefix query), all of them required.
func ftsQuery(s string) string {
	var parts []string
	for len(s) > 0 {
		s = strings.TrimLeftFunc(s, unicode.IsSpace)
		if s == "" {
			break
		}
		if s[0] == '"' {
			end := strings.IndexByte(s[1:], '"')
			phrase := s[1:]
			if end >= 0 {
				phrase, s = s[1:1+end], s[2+end:]
			} else {
				s = ""
			}
			if w := words(phrase); len(w) > 0 {
				parts = append(parts, `"`+strings.Join(w, " ")+`"`)
			}
			continue
		}
		end := strings.IndexFunc(s, unicode.IsSpace)
		if end < 0 {
			end = len(s)
		}
		tok := s[:end]
		s = s[end:]
		prefix := strings.HasSuffix(tok, "*")
		for _, w := range words(tok) {
			p := `"` + w + `"`
			if prefix {
				p += "*"
			}
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " ")
}

// words splits text into letters-and-digits words.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

package library

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/parallax-reader/parallax/corpus"
)

// VersionInfo describes one stored version of an article.
type VersionInfo struct {
	N                int       `json:"version"`
	Fetched          time.Time `json:"fetched"`
	Status           int       `json:"status"`
	Hash             string    `json:"hash"`
	Title            string    `json:"title"`
	Chars            int       `json:"chars"` // of the normalised text
	Extractor        string    `json:"extractor"`
	ExtractorVersion string    `json:"extractor_version"`
}

// ErrNoArticle is wrapped by the error for an id the library does not hold.
var ErrNoArticle = errors.New("no such article in the library")

// Resolve returns the id of an article given by id, or by any address it
// was seen at.
func (l *Library) Resolve(ctx context.Context, idOrURL string) (string, error) {
	if l.db == nil {
		return "", l.closedErr()
	}
	var id string
	err := l.db.QueryRowContext(ctx, "SELECT id FROM articles WHERE id = ?", idOrURL).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		c := CanonicalURL(idOrURL)
		err = l.db.QueryRowContext(ctx, "SELECT article_id FROM aliases WHERE url = ? UNION SELECT id FROM articles WHERE source = ? LIMIT 1", c, c).Scan(&id)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("%q: %w ('parallax list' shows the ids)", idOrURL, ErrNoArticle)
	}
	if err != nil {
		return "", fmt.Errorf("read library %s: %w", l.path, err)
	}
	return id, nil
}

// Versions lists an article's versions, oldest first.
func (l *Library) Versions(ctx context.Context, id string) ([]VersionInfo, error) {
	if l.db == nil {
		return nil, l.closedErr()
	}
	rows, err := l.db.QueryContext(ctx, `SELECT n, fetched, status, hash, title, norm_len, extractor, extractor_version
		FROM versions WHERE article_id = ? ORDER BY n`, id)
	if err != nil {
		return nil, fmt.Errorf("read library %s: %w", l.path, err)
	}
	defer rows.Close()
	var out []VersionInfo
	for rows.Next() {
		var v VersionInfo
		var fetched string
		if err := rows.Scan(&v.N, &fetched, &v.Status, &v.Hash, &v.Title, &v.Chars, &v.Extractor, &v.ExtractorVersion); err != nil {
			return nil, fmt.Errorf("read library %s: %w", l.path, err)
		}
		if t := parseTime(fetched); t != nil {
			v.Fetched = *t
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%q: %w", id, ErrNoArticle)
	}
	return out, nil
}

// Version loads version n of an article through the corpus loader.
func (l *Library) Version(ctx context.Context, id string, n int) (*corpus.Article, error) {
	if l.db == nil {
		return nil, l.closedErr()
	}
	var title, outlet, pub, url, author, lang, text string
	err := l.db.QueryRowContext(ctx, `SELECT v.title, a.outlet, a.published, a.url, a.authors, a.language, v.text
		FROM versions v JOIN articles a ON a.id = v.article_id WHERE v.article_id = ? AND v.n = ?`, id, n).
		Scan(&title, &outlet, &pub, &url, &author, &lang, &text)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%q has no version %d ('parallax versions %s' lists them)", id, n, id)
	}
	if err != nil {
		return nil, fmt.Errorf("read library %s: %w", l.path, err)
	}
	arts, errs, err := corpus.LoadEach(ctx, corpus.Options{Outlets: l.outlets}, []corpus.File{articleFile(id, title, outlet, pub, url, author, lang, text)})
	if err != nil {
		return nil, err
	}
	if len(arts[0]) != 1 {
		msg := "it does not load"
		if len(errs[0]) > 0 {
			msg = errs[0][0].Message
		}
		return nil, fmt.Errorf("%s version %d: %s", id, n, msg)
	}
	return arts[0][0], nil
}

// TextHashes returns the hash of each of an article's versions, oldest
// first, as the reader and the notes see it: the hex SHA-256 of the text
// as loaded through the corpus loader (corpus.Article.Hash), which Corpus
// gives the latest version and a note's anchor records. It is not
// VersionInfo.Hash, the hash of the normalised text that tells edits.
func (l *Library) TextHashes(ctx context.Context, id string) ([]string, error) {
	if l.db == nil {
		return nil, l.closedErr()
	}
	rows, err := l.db.QueryContext(ctx, `SELECT v.title, a.outlet, a.published, a.url, a.authors, a.language, v.text
		FROM versions v JOIN articles a ON a.id = v.article_id WHERE v.article_id = ? ORDER BY v.n`, id)
	if err != nil {
		return nil, fmt.Errorf("read library %s: %w", l.path, err)
	}
	var files []corpus.File
	for rows.Next() {
		var title, outlet, pub, url, author, lang, text string
		if err := rows.Scan(&title, &outlet, &pub, &url, &author, &lang, &text); err != nil {
			rows.Close()
			return nil, fmt.Errorf("read library %s: %w", l.path, err)
		}
		f := articleFile(id, title, outlet, pub, url, author, lang, text)
		// Loaded together, each version needs a name of its own; the
		// article's id is in its front matter.
		f.Path = fmt.Sprintf("%s.v%d.md", id, len(files)+1)
		files = append(files, f)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read library %s: %w", l.path, err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%q: %w", id, ErrNoArticle)
	}
	arts, _, err := corpus.LoadEach(ctx, corpus.Options{Outlets: l.outlets}, files)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(files))
	for i, as := range arts {
		if len(as) == 1 {
			out[i] = as[0].Hash // "" for a version that does not load
		}
	}
	return out, nil
}

// Diff is what changed between two versions of an article.
type Diff struct {
	Article string    `json:"article"`
	From    int       `json:"from"`
	To      int       `json:"to"`
	Fetched [2]string `json:"fetched"` // when each was fetched (RFC 3339)
	// TitleOld and TitleNew are set when the headline changed.
	TitleOld string   `json:"title_old,omitempty"`
	TitleNew string   `json:"title_new,omitempty"`
	Changes  []Change `json:"changes"`
}

// Diff compares two versions of an article sentence by sentence; from
// and to of 0 mean the one before the latest and the latest.
func (l *Library) Diff(ctx context.Context, id string, from, to int) (*Diff, error) {
	vs, err := l.Versions(ctx, id)
	if err != nil {
		return nil, err
	}
	if to == 0 {
		to = vs[len(vs)-1].N
	}
	if from == 0 {
		from = max(to-1, 1)
	}
	if from < 1 || to < 1 || from > len(vs) || to > len(vs) {
		return nil, fmt.Errorf("%s has versions 1 to %d; asked for %d and %d", id, len(vs), from, to)
	}
	a, err := l.Version(ctx, id, from)
	if err != nil {
		return nil, err
	}
	b, err := l.Version(ctx, id, to)
	if err != nil {
		return nil, err
	}
	d := &Diff{Article: id, From: from, To: to, Changes: diffSentences(a, b),
		Fetched: [2]string{vs[from-1].Fetched.Format(time.RFC3339), vs[to-1].Fetched.Format(time.RFC3339)}}
	if d.Changes == nil {
		d.Changes = []Change{}
	}
	if normalizeLine(a.Title) != normalizeLine(b.Title) {
		d.TitleOld, d.TitleNew = a.Title, b.Title
	}
	return d, nil
}

// Edited returns the number of versions of every article that has more
// than one, by article id.
func (l *Library) Edited(ctx context.Context) (map[string]int, error) {
	if l.db == nil {
		return nil, l.closedErr()
	}
	rows, err := l.db.QueryContext(ctx, "SELECT id, versions FROM articles WHERE versions > 1")
	if err != nil {
		return nil, fmt.Errorf("read library %s: %w", l.path, err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var id string
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, fmt.Errorf("read library %s: %w", l.path, err)
		}
		out[id] = n
	}
	return out, rows.Err()
}

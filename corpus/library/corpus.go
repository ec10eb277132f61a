package library

import (
	"context"
	"fmt"
	"time"

	"github.com/parallax-reader/parallax/corpus"
)

// CorpusOptions chooses the articles Corpus returns. The zero value is
// every article.
type CorpusOptions struct {
	// Since keeps the articles first seen at or after it.
	Since time.Time
	// Max keeps at most that many, the most recently seen (0: all).
	Max int
}

// Corpus returns the latest version of the library's articles, loaded
// through the corpus package exactly as a folder of saved files is (page
// furniture, repeated lines, datelines, sentences), oldest first. It is
// what the commands and the reader read from a library.
func (l *Library) Corpus(ctx context.Context, opts CorpusOptions) (*corpus.Corpus, error) {
	where := "WHERE a.first_seen >= ? ORDER BY a.first_seen DESC, a.num DESC"
	args := []any{formatTime(opts.Since)}
	if opts.Max > 0 {
		where += " LIMIT ?"
		args = append(args, opts.Max)
	}
	files, err := l.latestFiles(ctx, where, args...)
	if err != nil {
		return nil, err
	}
	for i, j := 0, len(files)-1; i < j; i, j = i+1, j-1 {
		files[i], files[j] = files[j], files[i]
	}
	c, err := corpus.LoadFiles(ctx, corpus.Options{Outlets: l.outlets}, files)
	if err != nil {
		return nil, err
	}
	c.Name = "library " + l.path
	return c, nil
}

// loadLatest loads the latest versions of the articles a query selects,
// each on its own (as Put loaded them).
func (l *Library) loadLatest(ctx context.Context, where string, args ...any) (*corpus.Corpus, error) {
	files, err := l.latestFiles(ctx, where, args...)
	if err != nil {
		return nil, err
	}
	arts, _, err := corpus.LoadEach(ctx, corpus.Options{Outlets: l.outlets}, files)
	if err != nil {
		return nil, err
	}
	c := &corpus.Corpus{Name: "library " + l.path}
	for _, as := range arts {
		c.Articles = append(c.Articles, as...)
	}
	return c, nil
}

// latestFiles returns the latest versions of the articles a query selects
// (on articles a) as Markdown files with front matter.
func (l *Library) latestFiles(ctx context.Context, where string, args ...any) ([]corpus.File, error) {
	if l.db == nil {
		return nil, l.closedErr()
	}
	rows, err := l.db.QueryContext(ctx, `SELECT a.id, v.title, a.outlet, a.published, a.url, a.authors, a.language, v.text
		FROM articles a JOIN versions v ON v.article_id = a.id AND v.n = a.versions `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("read library %s: %w", l.path, err)
	}
	defer rows.Close()
	var files []corpus.File
	for rows.Next() {
		var id, title, outlet, pub, url, author, lang, text string
		if err := rows.Scan(&id, &title, &outlet, &pub, &url, &author, &lang, &text); err != nil {
			return nil, fmt.Errorf("read library %s: %w", l.path, err)
		}
		files = append(files, articleFile(id, title, outlet, pub, url, author, lang, text))
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read library %s: %w", l.path, err)
	}
	return files, nil
}

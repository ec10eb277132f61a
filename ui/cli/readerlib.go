package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sync"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/library"
	"github.com/parallax-reader/parallax/ui"
)

// readerLibrary is the reader's library (ui.Library): the file is opened
// on first use, inside the reader's start-up Cmd, and never created.
type readerLibrary struct {
	env *Env

	mu  sync.Mutex
	lib *library.Library
	err error
}

var _ ui.Library = (*readerLibrary)(nil)

// open opens the library once; nil without error when the file does not
// exist and nobody named it.
func (r *readerLibrary) open() (*library.Library, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.lib != nil || r.err != nil {
		return r.lib, r.err
	}
	p := libraryPath(r.env)
	if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
		if r.env.Library != "" || r.env.Getenv(library.EnvVar) != "" {
			r.err = fmt.Errorf("library %s does not exist: add articles with 'parallax add' or 'parallax feeds add' and 'parallax update', or run 'parallax --embedded'", p)
		}
		return nil, r.err
	}
	r.lib, r.err = openLibrary(r.env)
	return r.lib, r.err
}

// use returns the open library or the error of opening it.
func (r *readerLibrary) use() (*library.Library, error) {
	l, err := r.open()
	if err == nil && l == nil {
		err = errors.New("no library")
	}
	return l, err
}

// Corpus returns the libraryCorpusMax articles seen most recently.
func (r *readerLibrary) Corpus(ctx context.Context, progress ui.Progress) (*corpus.Corpus, int, error) {
	l, err := r.open()
	if err != nil || l == nil {
		return nil, 0, err
	}
	n, err := l.Count(ctx)
	if err != nil || n == 0 {
		return nil, 0, err
	}
	progress(fmt.Sprintf("reading the %s seen most recently", plural(min(n, libraryCorpusMax), "article")), 0, 0)
	c, err := l.Corpus(ctx, library.CorpusOptions{Max: libraryCorpusMax})
	return c, n, err
}

// StoredStories returns the stories stored for the articles Corpus reads
// and those articles' records, from the articles table alone.
func (r *readerLibrary) StoredStories(ctx context.Context) (*ui.StoredStories, error) {
	l, err := r.open()
	if err != nil || l == nil {
		return nil, err
	}
	stories, infos, err := l.RecentStories(ctx, libraryCorpusMax)
	if err != nil || len(infos) == 0 {
		return nil, err
	}
	n, err := l.Count(ctx)
	if err != nil {
		return nil, err
	}
	out := &ui.StoredStories{Name: "library " + l.Path(), Stories: stories, Versions: map[string]int{}, Total: n}
	for _, in := range infos {
		a := &corpus.Article{ID: in.ID, Title: in.Title, Outlet: in.Outlet, Published: in.Published, URL: in.URL}
		// As the corpus loader names it from the outlet the library wrote.
		if o := l.Outlets().Lookup(in.Outlet); o != nil && in.Outlet != "" {
			a.Outlet, a.OutletInfo = o.Name, o
		}
		out.Articles = append(out.Articles, a)
		if in.Versions > 1 {
			out.Versions[in.ID] = in.Versions
		}
	}
	return out, nil
}

func (r *readerLibrary) Edited(ctx context.Context) (map[string]int, error) {
	l, err := r.use()
	if err != nil {
		return nil, err
	}
	return l.Edited(ctx)
}

func (r *readerLibrary) Versions(ctx context.Context, id string) ([]library.VersionInfo, error) {
	l, err := r.use()
	if err != nil {
		return nil, err
	}
	return l.Versions(ctx, id)
}

func (r *readerLibrary) TextHashes(ctx context.Context, id string) ([]string, error) {
	l, err := r.use()
	if err != nil {
		return nil, err
	}
	return l.TextHashes(ctx, id)
}

func (r *readerLibrary) Diff(ctx context.Context, id string, from, to int) (*library.Diff, error) {
	l, err := r.use()
	if err != nil {
		return nil, err
	}
	return l.Diff(ctx, id, from, to)
}

func (r *readerLibrary) Search(ctx context.Context, query string, limit int) ([]library.Hit, error) {
	l, err := r.use()
	if err != nil {
		return nil, err
	}
	return l.Search(ctx, query, limit)
}

func (r *readerLibrary) Feeds(ctx context.Context) ([]library.FeedInfo, error) {
	l, err := r.use()
	if err != nil {
		return nil, err
	}
	return l.Feeds(ctx)
}

// Close closes the library when it was opened.
func (r *readerLibrary) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.lib == nil {
		return nil
	}
	err := r.lib.Close()
	r.lib = nil
	return err
}

package library

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/parallax-reader/parallax/corpus"
)

// Added is what became of one input of Add: a file, a record of a JSON
// file, or a URL.
type Added struct {
	Input string `json:"input"`
	Result
}

// OK reports whether the input was stored or found unchanged.
func (a Added) OK() bool { return a.Outcome != OutcomeFailed && a.Outcome != "" }

// AddFiles stores the articles of files and folders (recursively; hidden
// files and files of formats parallax does not read are skipped inside
// folders). HTML pages go through the extractor, other formats through
// the corpus loader. Adding a file again after it was edited stores a new
// version. There is one Added per article or per file that failed.
func (l *Library) AddFiles(ctx context.Context, paths []string) ([]Added, error) {
	var out []Added
	var docs []Document
	var inputs []string
	for _, p := range paths {
		files, errs := collectFiles(p)
		for _, e := range errs {
			out = append(out, Added{Input: e.Path, Result: Result{Outcome: OutcomeFailed, Reason: e.Message}})
		}
		for _, f := range files {
			ds, fails := l.readFile(ctx, f)
			out = append(out, fails...)
			for _, d := range ds {
				docs = append(docs, d)
				inputs = append(inputs, d.Path)
			}
		}
	}
	res, err := l.Put(ctx, docs)
	if err != nil {
		return out, err
	}
	for i, r := range res {
		out = append(out, Added{Input: inputs[i], Result: r})
	}
	return out, nil
}

// readFile turns one file into documents: an HTML page through Extract,
// anything else through the corpus loader.
func (l *Library) readFile(ctx context.Context, path string) ([]Document, []Added) {
	fail := func(msg string) ([]Document, []Added) {
		return nil, []Added{{Input: path, Result: Result{Outcome: OutcomeFailed, Reason: msg}}}
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".html", ".htm", ".xhtml":
		fi, err := os.Stat(path)
		if err != nil {
			return fail(err.Error())
		}
		if fi.Size() > MaxPageBytes {
			return fail("the page is over the size limit of " + corpus.HumanBytes(MaxPageBytes))
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			return fail(err.Error())
		}
		ex, err := Extract(raw, "", "text/html", l.rules())
		if err != nil {
			return fail(err.Error())
		}
		return []Document{{Path: path, Canonical: ex.Canonical, Title: ex.Title, Author: ex.Author, Language: ex.Language,
			Outlet: ex.SiteName, Published: ex.Published, Text: ex.Text, Raw: raw, RawType: "text/html", Status: 200,
			Extractor: ex.Extractor, ExtractorVersion: ExtractorVersion}}, nil
	}
	c, err := corpus.LoadWith(ctx, corpus.Options{Outlets: l.outlets}, path)
	var fails []Added
	if c != nil {
		for _, e := range c.Errors {
			fails = append(fails, Added{Input: e.Path, Result: Result{Outcome: OutcomeFailed, Reason: e.Message}})
		}
	}
	if err != nil && (c == nil || len(c.Errors) == 0) {
		return fail(err.Error())
	}
	if c == nil {
		return nil, fails
	}
	var raw []byte
	if len(c.Articles) == 1 {
		raw, _ = os.ReadFile(path)
	}
	var docs []Document
	for _, a := range c.Articles {
		docs = append(docs, Document{Path: a.Path, URL: a.URL, Title: a.Title, Outlet: a.Outlet, Author: a.Author,
			Language: a.Language, Published: a.Published, Text: a.Text, Raw: raw, RawType: "text/" + a.Format,
			Status: 200, Extractor: "file:" + a.Format, ExtractorVersion: ExtractorVersion})
	}
	return docs, fails
}

// collectFiles lists the article files under p.
func collectFiles(p string) ([]string, []corpus.LoadError) {
	fi, err := os.Stat(p)
	if err != nil {
		return nil, []corpus.LoadError{{Path: p, Message: "no such file or folder (or it cannot be read): check the path"}}
	}
	if !fi.IsDir() {
		return []string{p}, nil
	}
	var files []string
	var errs []corpus.LoadError
	_ = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, corpus.LoadError{Path: path, Message: err.Error()})
			return nil
		}
		if path != p && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		switch strings.ToLower(filepath.Ext(path)) {
		case ".txt", ".text", ".md", ".markdown", ".mdown", ".html", ".htm", ".xhtml", ".json", ".jsonl", ".ndjson":
			files = append(files, path)
		}
		return nil
	})
	sort.Strings(files)
	return files, errs
}

// AddURLs fetches article pages (robots.txt permitting, one request at a
// time per host), extracts and stores them. There is one Added per
// address, in order.
func (l *Library) AddURLs(ctx context.Context, f *Fetcher, urls []string, progress func(done, total int)) ([]Added, error) {
	if f == nil {
		f = NewFetcher()
	}
	if f.Now == nil {
		f.Now = l.now
	}
	f.Log = func(e FetchLog) { l.logFetch(context.WithoutCancel(ctx), e, 0) }
	out := make([]Added, len(urls))
	docs := make([]*Document, len(urls))
	var jobs []job
	at := map[string][]int{}
	for i, u := range urls {
		out[i].Input = u
		if at[u] == nil {
			jobs = append(jobs, job{url: u})
		}
		at[u] = append(at[u], i)
	}
	var mu sync.Mutex
	done := 0
	l.runByHost(ctx, jobs, 4, func(j job) {
		d, err := l.fetchArticle(ctx, f, j.url)
		mu.Lock()
		defer mu.Unlock()
		for _, i := range at[j.url] {
			if err != nil {
				out[i].Result = Result{Outcome: OutcomeFailed, Reason: err.Error()}
			} else {
				dd := d
				docs[i] = &dd
			}
		}
		done++
		if progress != nil {
			progress(done, len(urls))
		}
	})
	var batch []Document
	var idx []int
	for i, d := range docs {
		if d != nil {
			batch = append(batch, *d)
			idx = append(idx, i)
		} else if out[i].Outcome == "" {
			out[i].Result = Result{Outcome: OutcomeFailed, Reason: "not fetched: interrupted"}
		}
	}
	res, err := l.Put(context.WithoutCancel(ctx), batch)
	if err != nil {
		return out, err
	}
	for k, r := range res {
		out[idx[k]].Result = r
	}
	return out, nil
}

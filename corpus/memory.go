package corpus

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"runtime"
	"sync"
)

// File is an article file held in memory: a name whose extension says its
// format (as on disk) and its bytes.
type File struct {
	Path string
	Data []byte
}

// LoadFiles loads articles from files held in memory exactly as LoadWith
// loads the same bytes from disk (decoding, front matter, furniture,
// sentences), in the order given. A file that cannot be loaded is an entry
// of Corpus.Errors. The error is non-nil only when ctx is cancelled.
func LoadFiles(ctx context.Context, opts Options, files []File) (*Corpus, error) {
	r := memReader{}
	paths := make([]string, len(files))
	for i, f := range files {
		r[f.Path] = f.Data
		paths[i] = f.Path
	}
	arts, errs, err := loadFiles(ctx, opts, r, paths)
	if err != nil {
		return nil, err
	}
	return &Corpus{Name: corpusName(paths), Articles: arts, Errors: errs}, nil
}

// memReader reads files from a map of path → bytes.
type memReader map[string][]byte

func (r memReader) Stat(p string) (int64, bool, error) {
	b, ok := r[p]
	if !ok {
		return 0, false, fs.ErrNotExist
	}
	return int64(len(b)), false, nil
}

func (r memReader) Open(p string) (io.ReadCloser, error) {
	b, ok := r[p]
	if !ok {
		return nil, fs.ErrNotExist
	}
	return io.NopCloser(bytes.NewReader(b)), nil
}

// LoadEach loads each file held in memory on its own, as LoadFiles would
// load it alone: nothing is compared across files (no lines marked as
// repeated, no ids renamed). The result has one entry per file: its
// articles, or the reason it could not be loaded. It is for a library
// that stores articles one by one and must see each the same way
// whatever arrives with it.
func LoadEach(ctx context.Context, opts Options, files []File) ([][]*Article, [][]LoadError, error) {
	opts, z, err := prepareLoad(opts)
	if err != nil {
		return nil, nil, err
	}
	r := memReader{}
	for _, f := range files {
		r[f.Path] = f.Data
	}
	arts := make([][]*Article, len(files))
	errs := make([][]LoadError, len(files))
	jobs := newJobQueue(ctx, len(files))
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(len(files), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, ok := jobs.take(); ok; i, ok = jobs.take() {
				res := loadFile(z, r, files[i].Path, opts.MaxBytes)
				arts[i], errs[i] = res.arts, res.errs
			}
		}()
	}
	wg.Wait()
	if cancelled := jobs.err(); cancelled != nil {
		return nil, nil, fmt.Errorf("load cancelled: %w", cancelled)
	}
	return arts, errs, nil
}

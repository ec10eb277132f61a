package corpus

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
)

//go:embed embedded/*.md
var embeddedFS embed.FS

// DefaultName is the Name of the embedded corpus.
const DefaultName = "embedded INF corpus"

// Default returns the embedded corpus: five articles on Sergey Lavrov and
// the INF treaty from TASS, Sputnik, Tasnim, Anadolu Agency and Al Arabiya,
// as Markdown with front matter and their page furniture left in.
func Default() *Corpus {
	c, err := loadFS(context.Background(), Options{Outlets: ShippedOutlets()}, embeddedFS, "embedded")
	if err != nil {
		return &Corpus{Name: DefaultName, Errors: []LoadError{{Path: "embedded", Message: err.Error()}}}
	}
	c.Name = DefaultName
	return c
}

// Load reads articles from files and folders; see LoadWith.
func Load(paths ...string) (*Corpus, error) {
	return LoadWith(context.Background(), Options{}, paths...)
}

// LoadWith reads articles from files and folders (recursively, in sorted
// path order, skipping hidden files and, inside folders, files of formats
// it does not read). Each file that cannot be loaded becomes an entry in
// Corpus.Errors and the rest loads; so does a broken user outlet file
// (the built-in table is used). The error is non-nil only when ctx is
// cancelled, no article file was found, or nothing at all could be read
// (a *NothingReadError listing every failure).
func LoadWith(ctx context.Context, opts Options, paths ...string) (*Corpus, error) {
	if len(paths) == 0 {
		return nil, errors.New("load: no paths given (use Default for the embedded corpus)")
	}
	c := &Corpus{Name: corpusName(paths)}
	if opts.Outlets == nil {
		t, err := LoadOutlets(opts.ConfigDir)
		if err != nil {
			// A broken user outlet file should not stop the reading: say
			// so and use the shipped table.
			p, _ := UserFile(opts.ConfigDir, OutletsFileName)
			// The error names the file; the LoadError's Path already does.
			msg := strings.TrimPrefix(err.Error(), p+": ")
			c.Errors = append(c.Errors, LoadError{Path: p, Message: msg + " (using the built-in outlet table only)"})
		}
		opts.Outlets = t
	}
	var files []string
	argOf := make(map[string]int) // a file or error path → the first argument that led to it
	for i, p := range paths {
		fs, errs := collect(p)
		files = append(files, fs...)
		c.Errors = append(c.Errors, errs...)
		for _, f := range fs {
			if _, ok := argOf[f]; !ok {
				argOf[f] = i
			}
		}
		for _, e := range errs {
			if _, ok := argOf[e.Path]; !ok {
				argOf[e.Path] = i
			}
		}
	}
	files = dedupe(files)
	arts, errs, err := loadFiles(ctx, opts, osReader{}, files)
	if err != nil {
		return nil, err
	}
	c.Articles = arts
	c.Errors = append(c.Errors, errs...)
	sort.SliceStable(c.Errors, func(i, j int) bool { return c.Errors[i].Path < c.Errors[j].Path })
	if len(c.Articles) == 0 {
		if len(c.Errors) == 0 {
			return c, fmt.Errorf("load %s: no article files found (parallax reads .txt, .md, .html, .json and .jsonl)", strings.Join(paths, ", "))
		}
		return c, nothingRead(paths, c.Errors, argOf)
	}
	return c, nil
}

// NothingReadError is LoadWith's error when files were found but not one
// article could be read from them. Errors holds every failure in the
// order of the arguments that led to it (a folder's files in path order;
// a broken outlet file last), so the first one shown is about the first
// argument.
type NothingReadError struct {
	Paths  []string
	Errors []LoadError
}

// nothingReadShown is how many failures Error lists before "and N more".
const nothingReadShown = 10

func (e *NothingReadError) Error() string { return e.List(nothingReadShown) }

// Heading is the error's first line: "nothing could be read from a.txt,
// b.txt" ("from 12 paths" when there are more than three).
func (e *NothingReadError) Heading() string {
	ps := make([]string, len(e.Paths))
	for i, p := range e.Paths {
		ps[i] = Printable(p)
	}
	from := strings.Join(ps, ", ")
	if len(e.Paths) > 3 {
		from = fmt.Sprintf("%d paths", len(e.Paths))
	}
	return "nothing could be read from " + from
}

// List is the heading, then each failure on its own line indented by two
// spaces; after n of them (n > 0) the rest are counted: "and 4 more".
func (e *NothingReadError) List(n int) string {
	var b strings.Builder
	b.WriteString(e.Heading() + ":")
	for i, le := range e.Errors {
		if n > 0 && i == n && len(e.Errors) > n+1 {
			fmt.Fprintf(&b, "\n  and %d more", len(e.Errors)-n)
			break
		}
		b.WriteString("\n  " + le.Error())
	}
	return b.String()
}

// nothingRead makes the NothingReadError for errs (sorted by path),
// ordering them by the argument that led to each.
func nothingRead(paths []string, errs []LoadError, argOf map[string]int) *NothingReadError {
	rank := func(e LoadError) int {
		if i, ok := argOf[e.Path]; ok {
			return i
		}
		return len(paths) // the user's outlet file: no argument named it
	}
	out := append([]LoadError(nil), errs...)
	sort.SliceStable(out, func(i, j int) bool { return rank(out[i]) < rank(out[j]) })
	return &NothingReadError{Paths: append([]string(nil), paths...), Errors: out}
}

func corpusName(paths []string) string {
	if len(paths) == 1 {
		return paths[0]
	}
	return fmt.Sprintf("%d paths", len(paths))
}

// collect lists the loadable files under p, or a LoadError for p itself.
func collect(p string) ([]string, []LoadError) {
	fi, err := os.Stat(p)
	if err != nil {
		return nil, []LoadError{{Path: p, Message: describeOSError(err)}}
	}
	if !fi.IsDir() {
		if err := errNotRegular(fi.Mode()); err != nil {
			return nil, []LoadError{{Path: p, Message: err.Error()}}
		}
		return []string{p}, nil
	}
	var files []string
	var errs []LoadError
	_ = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, LoadError{Path: path, Message: describeOSError(err)})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if path != p && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || formatOf(path) == "" {
			return nil
		}
		mode := d.Type()
		if mode&fs.ModeSymlink != 0 {
			fi, err := os.Stat(path)
			if err != nil {
				errs = append(errs, LoadError{Path: path, Message: describeOSError(err)})
				return nil
			}
			mode = fi.Mode()
		}
		// A named pipe, socket or device would block the loading for
		// ever: only regular files are read, and the rest named.
		if !mode.IsDir() && mode.Type() != 0 {
			errs = append(errs, LoadError{Path: path, Message: (&notRegularError{FileKind(mode)}).Error()})
			return nil
		}
		files = append(files, path)
		return nil
	})
	return files, errs
}

func dedupe(files []string) []string {
	sort.Strings(files)
	out := files[:0]
	for i, f := range files {
		if i == 0 || f != files[i-1] {
			out = append(out, f)
		}
	}
	return out
}

// describeOSError says in plain words why a file could not be opened.
func describeOSError(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or folder (or a broken symbolic link): check the path"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied: the file is not readable by you (check its permissions)"
	}
	if nr, ok := isNotRegular(err); ok {
		return nr.Error()
	}
	return "cannot read: " + err.Error()
}

// reader abstracts the file system so the embedded corpus and real files
// load the same way.
type reader interface {
	Stat(path string) (size int64, isDir bool, err error)
	Open(path string) (io.ReadCloser, error)
}

type osReader struct{}

func (osReader) Stat(p string) (int64, bool, error) {
	fi, err := os.Stat(p)
	if err != nil {
		return 0, false, err
	}
	return fi.Size(), fi.IsDir(), nil
}

func (osReader) Open(p string) (io.ReadCloser, error) { return openRegular(p) }

type fsReader struct{ fsys fs.FS }

func (r fsReader) Stat(p string) (int64, bool, error) {
	fi, err := fs.Stat(r.fsys, p)
	if err != nil {
		return 0, false, err
	}
	return fi.Size(), fi.IsDir(), nil
}

func (r fsReader) Open(p string) (io.ReadCloser, error) { return r.fsys.Open(p) }

// loadFS loads every article file under dir of fsys.
func loadFS(ctx context.Context, opts Options, fsys fs.FS, dir string) (*Corpus, error) {
	var files []string
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && formatOf(p) != "" {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", dir, err)
	}
	sort.Strings(files)
	arts, errs, err := loadFiles(ctx, opts, fsReader{fsys}, files)
	if err != nil {
		return nil, err
	}
	return &Corpus{Articles: arts, Errors: errs}, nil
}

// fileResult is what loading one file produced.
type fileResult struct {
	arts []*Article
	errs []LoadError
}

// prepareLoad fills in the options' defaults (the shipped outlet table,
// the size limit) and makes the article builder for them.
func prepareLoad(opts Options) (Options, *articleBuilder, error) {
	if opts.Outlets == nil {
		opts.Outlets = ShippedOutlets()
	}
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	z, err := newArticleBuilder(opts.Outlets)
	return opts, z, err
}

// loadFiles loads files with a bounded pool of workers (one per CPU) and
// returns the articles and errors in the files' order.
func loadFiles(ctx context.Context, opts Options, r reader, files []string) ([]*Article, []LoadError, error) {
	opts, z, err := prepareLoad(opts)
	if err != nil {
		return nil, nil, err
	}
	results := make([]fileResult, len(files))
	jobs := newJobQueue(ctx, len(files))
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	workers := min(runtime.GOMAXPROCS(0), max(len(files), 1))
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, ok := jobs.take(); ok; i, ok = jobs.take() {
				results[i] = loadFile(z, r, files[i], opts.MaxBytes)
				if opts.Progress != nil {
					mu.Lock()
					done++
					opts.Progress(done, len(files))
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	if cancelled := jobs.err(); cancelled != nil {
		return nil, nil, fmt.Errorf("load cancelled: %w", cancelled)
	}
	var arts []*Article
	var errs []LoadError
	for _, res := range results {
		arts = append(arts, res.arts...)
		errs = append(errs, res.errs...)
	}
	uniqueIDs(arts)
	z.markRepeated(arts)
	return arts, errs, nil
}

// loadFile reads and decodes one file and builds its articles.
func loadFile(z *articleBuilder, r reader, path string, maxBytes int64) fileResult {
	fail := func(format string, a ...any) fileResult {
		return fileResult{errs: []LoadError{{Path: path, Message: fmt.Sprintf(format, a...)}}}
	}
	size, isDir, err := r.Stat(path)
	if err != nil {
		return fail("%s", describeOSError(err))
	}
	if isDir {
		return fail("is a folder, not a file")
	}
	if size > maxBytes {
		return fail("file is %s, over the size limit of %s: split it or raise the limit", HumanBytes(size), HumanBytes(maxBytes))
	}
	f, err := r.Open(path)
	if err != nil {
		return fail("%s", describeOSError(err))
	}
	buf := readBuffer(min(size, maxBytes) + 512)
	_, err = buf.ReadFrom(io.LimitReader(f, maxBytes+1))
	f.Close()
	raw := buf.Bytes()
	if err != nil {
		return fail("%s", describeOSError(err))
	}
	if int64(len(raw)) > maxBytes {
		return fail("file is over the size limit of %s: split it or raise the limit", HumanBytes(maxBytes))
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return fail("%v", errEmpty)
	}
	format := formatOf(path)
	if format == "" {
		format = sniffFormat(raw)
	}
	var docs []doc
	var bad []recordError
	var text string // the decoded text, for the lines of a bad JSON Lines record
	if format == "html" && !hasUTF16BOM(raw) {
		if looksBinary(raw) {
			return fail("%v", errBinary)
		}
		d, err := parseHTML(path, raw, false)
		if err != nil {
			return fail("%v", err)
		}
		docs = []doc{d}
	} else {
		dec, err := decode(raw)
		// decode copied the bytes into its text: the buffer is free.
		reuseBuffer(buf)
		raw = nil
		if err != nil {
			return fail("%v", err)
		}
		text = dec.Text
		switch format {
		case "html":
			d, err := parseHTML(path, []byte(dec.Text), true)
			if err != nil {
				return fail("%v", err)
			}
			docs = []doc{d}
		case "markdown":
			d, err := parseMarkdown(path, dec.Text)
			if err != nil {
				return fail("%v", err)
			}
			docs = []doc{d}
		case "json", "jsonl":
			docs, bad, err = parseJSON(path, format, dec.Text)
			if err != nil {
				return fail("%v", err)
			}
		default:
			docs = []doc{{Path: path, Format: "text", Text: dec.Text}}
		}
		for i := range docs {
			docs[i].Warnings = append(append([]string{}, dec.Warnings...), docs[i].Warnings...)
		}
	}
	var res fileResult
	for _, b := range bad {
		res.errs = append(res.errs, LoadError{Path: path, Message: recordProblem(format, text, b)})
	}
	for _, d := range docs {
		// JSON string escapes and HTML entities can smuggle in what the
		// byte-level clean-up removed: clean the parsed text and metadata.
		var c sanitizeCounts
		d.Text = sanitizeInto(d.Text, &c)
		if c.total() > 0 {
			d.Warnings = append(d.Warnings, c.warnings()...)
		}
		if n := sanitizeMeta(&d.Meta); n > 0 {
			d.Warnings = append(d.Warnings, "removed "+Count(n, "escape or control character")+" from the metadata")
		}
		if strings.TrimSpace(d.Text) == "" {
			e := LoadError{Path: path, Message: "no article text (only front matter or white space)"}
			if n, ok := recordNumber(path, d.Path); ok {
				// A JSON record: the error is the file's, naming the record.
				e.Message = recordProblem(format, text, recordError{n, errors.New("no article text (only white space or control characters)")})
			}
			res.errs = append(res.errs, e)
			continue
		}
		a := z.build(d.Path, d.Format, d.Text, d.Meta, d.Warnings)
		if markFigcaptions(a, d.Captions) {
			refurnish(a)
		}
		res.arts = append(res.arts, a)
	}
	if len(res.arts) == 0 && len(res.errs) == 0 {
		return fail("no articles in the file")
	}
	if len(res.arts) > 0 {
		// The file loaded: its errors are records that were skipped.
		for i := range res.errs {
			res.errs[i].Skipped = true
		}
	}
	return res
}

// readBuffers are the buffers files are read into, kept for the next
// file once their bytes are decoded (each file's bytes were a fifth of
// what loading left for the collector). Buffers grown past a megabyte
// are not kept.
var readBuffers sync.Pool

func readBuffer(size int64) *bytes.Buffer {
	if b, ok := readBuffers.Get().(*bytes.Buffer); ok {
		b.Reset()
		b.Grow(int(size))
		return b
	}
	return bytes.NewBuffer(make([]byte, 0, size))
}

func reuseBuffer(b *bytes.Buffer) {
	if b.Cap() <= 1<<20 {
		readBuffers.Put(b)
	}
}

// markFigcaptions marks as furniture the paragraphs of a that are lines
// of an HTML page's figure captions (a caption without a credit reads
// like a sub-heading otherwise), and reports whether it marked any.
func markFigcaptions(a *Article, captions []string) bool {
	if len(captions) == 0 {
		return false
	}
	fold := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	is := make(map[string]bool, len(captions))
	for _, c := range captions {
		is[fold(c)] = true
	}
	marked := false
	for i, p := range a.Paragraphs {
		t := a.Text[p.Start:p.End]
		// A caption opening an HTML record without its headline was taken
		// for the title line; the headline itself stays the title.
		if p.Role == RoleFurniture || !is[fold(t)] || (p.Role == RoleTitle && sameText(t, a.Title)) {
			continue
		}
		a.Paragraphs[i].Role, a.Paragraphs[i].Reason = RoleFurniture, ReasonFigcaption
		marked = true
	}
	return marked
}

// recordNumber returns n for the path parseJSON gives a record of file
// ("file#n").
func recordNumber(file, docPath string) (int, bool) {
	rest, ok := strings.CutPrefix(docPath, file+"#")
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(rest)
	return n, err == nil
}

func hasUTF16BOM(b []byte) bool {
	return bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF})
}

// HumanBytes writes a size for people: "3.2 MB", "12.0 KB", "512 bytes".
func HumanBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// sanitizeInto sanitizes s, adding what it removed to c.
func sanitizeInto(s string, c *sanitizeCounts) string {
	out, n := sanitize(s)
	c.Escapes += n.Escapes
	c.Controls += n.Controls
	c.Bidi += n.Bidi
	return out
}

// sanitizeMeta cleans every metadata string (and folds line breaks in
// them to spaces) and returns how much it removed.
func sanitizeMeta(m *meta) int {
	var c sanitizeCounts
	for _, f := range []*string{&m.ID, &m.Title, &m.Outlet, &m.URL, &m.Author, &m.Language} {
		*f = strings.Join(strings.Fields(sanitizeInto(*f, &c)), " ")
	}
	return c.total()
}

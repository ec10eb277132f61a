package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/term"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/library"
)

// libraryCorpusMax is the most articles the commands read from a library:
// the most recently seen (facts and framing over tens of thousands of
// articles would take minutes).
const libraryCorpusMax = 2000

// addLibraryFlag registers --library, whose value goes to env.Library.
func addLibraryFlag(fs *flag.FlagSet, env *Env) {
	fs.StringVar(&env.Library, "library", "", "the library `FILE` (default: $"+library.EnvVar+", else "+filepath.Join("<data dir>", library.FileName)+")")
}

// addReadFlags registers --library and --embedded for the commands that
// read a corpus: with no PATH they read the library when it has articles.
func addReadFlags(fs *flag.FlagSet, env *Env) {
	addLibraryFlag(fs, env)
	fs.BoolVar(&env.Embedded, "embedded", false, "with no PATH, read the built-in corpus even when the library has articles")
}

// libraryPath is the library file: --library, else $PARALLAX_LIBRARY,
// else the default in the data directory.
func libraryPath(env *Env) string {
	if env.Library != "" {
		return env.Library
	}
	if p := env.Getenv(library.EnvVar); p != "" {
		return p
	}
	return library.DefaultPath(dataDir(env))
}

// openLibrary opens (creating when needed) the library file.
func openLibrary(env *Env) (*library.Library, error) {
	return library.Open(libraryPath(env), library.Options{ConfigDir: configDir(env)})
}

// openArticle opens the library and finds an article in it by id or
// URL; the caller closes the library.
func openArticle(env *Env, ref string) (*library.Library, string, error) {
	l, err := openLibrary(env)
	if err != nil {
		return nil, "", err
	}
	id, err := l.Resolve(context.Background(), ref)
	if err != nil {
		l.Close()
		return nil, "", err
	}
	return l, id, nil
}

// libraryCorpus returns the library's articles when the library exists
// and holds any, else nil. It never creates the file.
func libraryCorpus(env *Env) (*corpus.Corpus, error) {
	if env.Embedded {
		return nil, nil
	}
	p := libraryPath(env)
	if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
		if env.Library != "" || env.Getenv(library.EnvVar) != "" {
			return nil, fmt.Errorf("library %s does not exist: add articles with 'parallax add' or 'parallax feeds add' and 'parallax update'; --embedded reads the built-in corpus, a PATH a folder or files", p)
		}
		return nil, nil
	}
	l, err := openLibrary(env)
	if err != nil {
		return nil, err
	}
	defer l.Close()
	ctx := context.Background()
	n, err := l.Count(ctx)
	if err != nil || n == 0 {
		return nil, err
	}
	if n > libraryCorpusMax {
		fmt.Fprintf(env.Stderr, "parallax: the library holds %s; reading the %d seen most recently\n", plural(n, "article"), libraryCorpusMax)
	}
	return l.Corpus(ctx, library.CorpusOptions{Max: libraryCorpusMax})
}

// progressLine reports progress on one line of standard error when it is
// a terminal, and not at all when it is piped or a file.
func progressLine(env *Env, what string) (update func(done, total int), finish func()) {
	f, ok := env.Stderr.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return func(int, int) {}, func() {}
	}
	last := time.Time{}
	shown := false
	update = func(done, total int) {
		if time.Since(last) < 100*time.Millisecond && done < total {
			return
		}
		last, shown = time.Now(), true
		const width = 30
		filled := 0
		if total > 0 {
			filled = width * done / total
		}
		fmt.Fprintf(f, "\r%s [%s%s] %d/%d ", what, strings.Repeat("#", filled), strings.Repeat(".", width-filled), done, total)
	}
	finish = func() {
		if shown {
			fmt.Fprint(f, "\r\033[K")
		}
	}
	return update, finish
}

package main

import (
	"context"
	"crypto/sha256"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
)

// digest hashes every file under dir, in path order.
func digest(t *testing.T, dir string) [32]byte {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		h.Write([]byte(p[len(dir):]))
		h.Write(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	var out [32]byte
	copy(out[:], h.Sum(nil))
	return out
}

// The corpora are the same bytes every time, of the promised shape, and
// load as articles of known outlets in stories of ten.
func TestGenerateIsDeterministicAndLoads(t *testing.T) {
	t.Setenv("PARALLAX_CONFIG_DIR", t.TempDir())
	a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	size, err := generate(a, 60)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := generate(b, 60); err != nil {
		t.Fatal(err)
	}
	if digest(t, a) != digest(t, b) {
		t.Fatal("two corpora generated alike differ")
	}
	if avg := size / 60; avg < 4200 || avg > 5200 {
		t.Errorf("articles average %d bytes, want about %d", avg, articleBytes)
	}
	// A second call finds the stamp and keeps the files.
	if again, err := generate(a, 60); err != nil || again != size {
		t.Errorf("regenerating: %d bytes, %v; want %d from the stamp", again, err, size)
	}
	c, err := corpus.LoadWith(context.Background(), corpus.Options{Outlets: corpus.ShippedOutlets()}, a)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Articles) != 60 || len(c.Errors) != 0 {
		t.Fatalf("%d articles, errors %v", len(c.Articles), c.Errors)
	}
	stories := map[string]int{}
	for _, art := range c.Articles {
		stories[art.ID[:6]]++
		if !strings.HasPrefix(art.Outlet, "Outlet ") || art.Published == nil || len(art.Body()) < 15 || len(art.Furniture) == 0 {
			t.Errorf("%s: outlet %q, date %v, %d body sentences, %d furniture", art.ID, art.Outlet, art.Published, len(art.Body()), len(art.Furniture))
		}
	}
	for s, n := range stories {
		if n != perStory {
			t.Errorf("story %s has %d articles, want %d", s, n, perStory)
		}
	}
}

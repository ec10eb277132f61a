package library

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTextHashes: each version's hash is that of its text as loaded, and
// the latest's is the hash of the article Corpus gives the reader — the
// one a note made in the reader records.
func TestTextHashes(t *testing.T) {
	ctx := context.Background()
	l := openTemp(t)
	p := filepath.Join(t.TempDir(), "a.txt")
	v1 := "Talks end without a deal\n\nThe minister said 12 soldiers were wounded in the clash on Friday, and that talks would resume next week in Geneva.\n\nThe delegation of 40 people left the capital on Saturday morning after the meeting ended.\n"
	v2 := strings.ReplaceAll(v1, "12 soldiers", "15 soldiers")
	for _, text := range []string{v1, v2} {
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := l.AddFiles(ctx, []string{p}); err != nil {
			t.Fatal(err)
		}
	}
	c, err := l.Corpus(ctx, CorpusOptions{})
	if err != nil || len(c.Articles) != 1 {
		t.Fatalf("corpus: %v %v", c, err)
	}
	art := c.Articles[0]
	hs, err := l.TextHashes(ctx, art.ID)
	if err != nil || len(hs) != 2 {
		t.Fatalf("TextHashes: %v %v", hs, err)
	}
	sum := sha256.Sum256([]byte(art.Text))
	if hs[1] != art.Hash || hs[1] != hex.EncodeToString(sum[:]) {
		t.Fatalf("the latest version's hash %s is not the loaded article's %s", hs[1], art.Hash)
	}
	first, err := l.Version(ctx, art.ID, 1)
	if err != nil {
		t.Fatal(err)
	}
	if hs[0] != first.Hash || hs[0] == hs[1] || !strings.Contains(first.Text, "12 soldiers") {
		t.Fatalf("version 1: hash %s, loaded %s", hs[0], first.Hash)
	}
	if _, err := l.TextHashes(ctx, "nope"); err == nil {
		t.Fatal("no error for an article the library does not hold")
	}
}

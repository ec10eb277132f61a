package notes

import (
	"crypto/sha256"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
)

func article(id, text string) *corpus.Article {
	return &corpus.Article{ID: id, Text: text, Hash: TextHash(text)}
}

func openTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "notes.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// anchorOf anchors the first occurrence of quote in a.
func anchorOf(t *testing.T, a *corpus.Article, quote string) Anchor {
	t.Helper()
	i := strings.Index(a.Text, quote)
	if i < 0 {
		t.Fatalf("%q not in article %s", quote, a.ID)
	}
	return NewAnchor(a, i, i+len(quote))
}

const sampleText = "MOSCOW, November 8. The United States is to blame for the collapse of the treaty, the minister said. " +
	"He added that Russia had offered an inspection of the missile. Washington rejected the offer last week.\n\n" +
	"Analysts in Brussels said the move could start a new arms race in Europe."

func mustTag(t *testing.T, s *Store, a Anchor, tags ...string) Note {
	t.Helper()
	n, err := s.Tag(a, tags, "")
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func tagsOf(t *testing.T, s *Store) map[string][]string {
	t.Helper()
	ns, err := s.Notes()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, n := range ns {
		out[n.Anchor.Quote] = n.Tags
	}
	return out
}

func codeNames(t *testing.T, s *Store) []string {
	t.Helper()
	cs, err := s.Codebook()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range cs {
		out = append(out, c.Name)
	}
	return out
}

func mustStarter(t *testing.T, name string) []Code {
	t.Helper()
	cs, err := Starter(name)
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

func fileHash(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", sha256.Sum256(b))
}

// fillStore writes a store with enough notes to span several pages.
func fillStore(t *testing.T, path string, n int) {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	a := article("a", strings.Repeat(sampleText+"\n\n", 3))
	for i := range n {
		st := i % (len(a.Text) - 40)
		if _, err := s.Tag(NewAnchor(a, st, st+30), []string{fmt.Sprintf("code %d", i%7)}, strings.Repeat("memo ", i%20)); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

func setPragma(t *testing.T, path, pragma string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(pragma); err != nil {
		t.Fatal(err)
	}
}

const anchorText = `US Openly Paves Way for INF-Banned Missiles

MOSCOW, November 8. /TASS/. The United States is openly paving the way for deploying intermediate-range missiles in Europe and Asia, Russian Foreign Minister Sergey Lavrov said on Friday.

"We have offered the Americans an inspection of the 9M729 missile, but they refused," Lavrov told reporters. He said Moscow would not deploy such weapons first.

NATO officials in Brussels rejected the claim and said Russia had violated the treaty for years. The alliance will meet again in December.

Analysts warned that the collapse of the treaty could start a new arms race in Europe.`

// The tagged passage used by most cases.
const passage = "We have offered the Americans an inspection of the 9M729 missile, but they refused,"

// openPlain is Open without options, as a func(string) value.
func openPlain(path string) (*Store, error) { return Open(path) }

// fixtureFile copies a notes file of testdata (one an older parallax
// wrote) to path with the given mode and returns its hash.
func fixtureFile(t *testing.T, name, path string, mode os.FileMode) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, mode); err != nil {
		t.Fatal(err)
	}
	return fileHash(t, path)
}

// readOnlyContents opens a notes file read-only and returns its notes and
// codebook.
func readOnlyContents(t *testing.T, path string) ([]Note, []Code) {
	t.Helper()
	ro, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	ns, _ := ro.Notes()
	cs, _ := ro.Codebook()
	return ns, cs
}

package export

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/notes"
)

// subsetInput is the fixture exported with only the TASS article loaded,
// as when one file of a folder is opened: the other articles' notes are in
// the notes file but not in the corpus.
func subsetInput(t *testing.T) Input {
	t.Helper()
	in := fixture(t)
	in.Corpus = &corpus.Corpus{Name: "one file", Articles: []*corpus.Article{in.Corpus.Article(tass)}}
	in.Facts, in.Markers = nil, nil // the fixture's are about every outlet
	return in
}

// TestSubsetExportsLoadedArticlesOnly: with a corpus that holds some of
// the notes' articles, every format exports those articles' notes only —
// never the others as orphans of "unknown outlet" — and LeftOut counts what
// was left out.
func TestSubsetExportsLoadedArticlesOnly(t *testing.T) {
	in := subsetInput(t)
	if p, a := in.LeftOut(); p != 5 || a != 4 {
		t.Fatalf("LeftOut = %d passages, %d articles; want 5, 4", p, a)
	}
	for _, f := range []Format{Markdown, CSV, JSON, HTML} {
		var buf bytes.Buffer
		if err := Write(&buf, f, in, Options{}); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		for _, bad := range []string{"unknown outlet", "Tasnim", sputnik, "Russia denies violations"} {
			if strings.Contains(out, bad) {
				t.Errorf("%s export of one article mentions %q", f, bad)
			}
		}
		if !strings.Contains(out, "satellite images") {
			t.Errorf("%s export lacks the loaded article's passage", f)
		}
	}
	var buf bytes.Buffer
	if err := Write(&buf, CSV, in, Options{}); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows[1:] {
		if r[2] != tass {
			t.Errorf("row of article %s exported", r[2])
		}
		if r[12] == "true" && r[11] != "n-tass-orphan" {
			t.Errorf("note %s exported as orphaned", r[11])
		}
	}
	if full := fixture(t); func() int { p, _ := full.LeftOut(); return p }() != 0 {
		t.Error("the whole corpus leaves notes out")
	}
}

// TestNoCorpusKeepsStoredOutletAndTitle: without a corpus every note is
// exported with the outlet and title stored with it, not orphaned.
func TestNoCorpusKeepsStoredOutletAndTitle(t *testing.T) {
	in := Input{Notes: []notes.Note{
		{ID: "n1", Anchor: notes.Anchor{Article: "two", Start: 3, End: 9, Quote: "quoted", Outlet: "Reuters", Title: "Talks stall"}, Tags: []string{"blame"}},
		{ID: "n2", Anchor: notes.Anchor{Article: "three", Start: 3, End: 9, Quote: "quoted"}, Tags: []string{"blame"}},
	}}
	var buf bytes.Buffer
	if err := Write(&buf, CSV, in, Options{}); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][3]string{{"unknown (three)", "three", "three"}, {"Reuters", "two", "Talks stall"}}
	for i, w := range want {
		r := rows[1+i]
		if r[1] != w[0] || r[2] != w[1] || r[3] != w[2] || r[12] != "false" {
			t.Errorf("row %d: outlet %q article %q title %q orphaned %q; want %v, not orphaned", i+1, r[1], r[2], r[3], r[12], w)
		}
	}
}

// TestJSONCarriesOutletAndTitle: the JSON export names each passage's
// outlet and title, and import reads them back into the anchor, so a
// passage imported where its article is not loaded still says where it is
// from. "unknown (id)", the name of an article without an outlet, is no
// outlet.
func TestJSONCarriesOutletAndTitle(t *testing.T) {
	in := fixture(t)
	var buf bytes.Buffer
	if err := Write(&buf, JSON, in, Options{}); err != nil {
		t.Fatal(err)
	}
	_, got, err := ReadAnnotations(&buf)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]ImportedNote{}
	for _, g := range got {
		byID[g.Note.ID] = g
	}
	a := in.Corpus.Article(tass)
	if g := byID["n-tass-satellite"].Note.Anchor; g.Outlet != a.Outlet || g.Title != a.Title {
		t.Fatalf("read back outlet %q title %q; want %q, %q", g.Outlet, g.Title, a.Outlet, a.Title)
	}
	doc := `{"type": "Annotation", "parallax:outlet": "unknown (x1)", "parallax:title": "A title", "body": [{"type": "TextualBody", "purpose": "tagging", "value": "t"}],
		"target": {"source": "urn:parallax:article:x1", "selector": [{"type": "TextQuoteSelector", "exact": "q"}]}}`
	_, got, err = ReadAnnotations(strings.NewReader(doc))
	if err != nil || len(got) != 1 {
		t.Fatal(got, err)
	}
	if g := got[0].Note.Anchor; g.Outlet != "" || g.Title != "A title" || g.Article != "x1" {
		t.Fatalf("read %+v", g)
	}
}

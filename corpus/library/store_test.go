package library

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/corpus"
)

// openTemp opens a new library in a temporary folder.
func openTemp(t *testing.T) *Library {
	t.Helper()
	l, err := Open(filepath.Join(t.TempDir(), "lib.db"), Options{Outlets: corpus.ShippedOutlets()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l
}

// writeEmbedded writes the embedded corpus's articles as Markdown files.
func writeEmbedded(t *testing.T, dir string) []string {
	t.Helper()
	var paths []string
	for _, a := range corpus.Default().Articles {
		p := filepath.Join(dir, a.ID+".md")
		body := "---\ntitle: " + quoteYAML(a.Title) + "\noutlet: " + a.Outlet + "\npublished: 2019-11-08\n---\n" + a.Text
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

func quoteYAML(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }

func TestAddFilesVersionsAndStories(t *testing.T) {
	ctx := context.Background()
	l := openTemp(t)
	dir := t.TempDir()
	paths := writeEmbedded(t, dir)
	got, err := l.AddFiles(ctx, []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(paths) {
		t.Fatalf("%d results, want %d: %+v", len(got), len(paths), got)
	}
	for _, a := range got {
		if a.Outcome != OutcomeNew || a.Version != 1 {
			t.Errorf("%s: %s v%d (%s), want new v1", a.Input, a.Outcome, a.Version, a.Reason)
		}
	}
	// Again: nothing changed.
	again, err := l.AddFiles(ctx, paths[:1])
	if err != nil {
		t.Fatal(err)
	}
	if again[0].Outcome != OutcomeUnchanged || again[0].Article != got[0].Article {
		t.Fatalf("re-adding an unchanged file: %+v, want unchanged %s", again[0].Result, got[0].Article)
	}
	// Stories were assigned to every article.
	infos, err := l.infos(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range infos {
		if in.Story == "" || in.Thread == "" {
			t.Errorf("%s has no story (%q) or thread (%q)", in.ID, in.Story, in.Thread)
		}
	}
	c, err := l.Corpus(ctx, CorpusOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Articles) != len(paths) {
		t.Fatalf("corpus has %d articles, want %d", len(c.Articles), len(paths))
	}
	// The library's text loads as the file does: same sentences.
	orig := corpus.Default()
	for _, a := range c.Articles {
		var o *corpus.Article
		for _, x := range orig.Articles {
			if x.Title == a.Title {
				o = x
			}
		}
		if o == nil {
			t.Fatalf("article %s (%q) not in the embedded corpus", a.ID, a.Title)
		}
		if len(a.Body()) != len(o.Body()) {
			t.Errorf("%s: %d body sentences from the library, %d from the file", a.ID, len(a.Body()), len(o.Body()))
		}
	}
}

func TestEditDetection(t *testing.T) {
	ctx := context.Background()
	l := openTemp(t)
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt")
	base := "Talks end without a deal\n\nMOSCOW, November 8. /TASS/. The minister said 12 soldiers were wounded in the clash on Friday, and that talks would resume next week in Geneva.\n\n\"We are ready,\" he said. The delegation of 40 people left the capital on Saturday morning after the meeting ended.\n"
	write := func(s string) Added {
		t.Helper()
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		r, err := l.AddFiles(ctx, []string{p})
		if err != nil {
			t.Fatal(err)
		}
		return r[0]
	}
	if r := write(base); r.Outcome != OutcomeNew {
		t.Fatalf("first add: %+v", r)
	}
	for name, edit := range map[string]string{
		"white space": strings.ReplaceAll(base, "said 12", "said  12") + "\n\n",
		"quotes":      strings.ReplaceAll(strings.ReplaceAll(base, "\"We", "“We"), "ready,\"", "ready,”"),
		"no-break":    strings.ReplaceAll(base, "12 soldiers", "12\u00a0soldiers"),
		"soft hyphen": strings.ReplaceAll(base, "delegation", "dele\u00adgation"),
		"date line":   strings.ReplaceAll(base, "November 8", "November 9"),
	} {
		if r := write(edit); r.Outcome != OutcomeUnchanged {
			t.Errorf("%s only: %s v%d, want unchanged", name, r.Outcome, r.Version)
		}
	}
	r := write(strings.ReplaceAll(base, "12 soldiers", "15 soldiers"))
	if r.Outcome != OutcomeEdited || r.Version != 2 {
		t.Fatalf("a changed number: %+v, want edited v2", r.Result)
	}
	d, err := l.Diff(ctx, r.Article, 1, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Changes) != 1 || d.Changes[0].Kind != ChangeEdited || len(d.Changes[0].Flags) != 1 ||
		d.Changes[0].Flags[0].What != "number" || !strings.HasPrefix(d.Changes[0].Flags[0].New, "15") {
		t.Errorf("the diff of a changed number: %+v, want one edited sentence with the number flagged", d.Changes)
	}
	if r := write("Talks end\n\nShort.\n"); r.Outcome != OutcomeSuspect {
		t.Errorf("a text cut to a line: %+v, want suspect", r.Result)
	}
}

// TestHeadlineEdit: a headline kept apart from the text (front matter
// here; a page's og:title or <h1> alike) edited alone is a new version,
// and a typographic change to it is not.
func TestHeadlineEdit(t *testing.T) {
	ctx := context.Background()
	l := openTemp(t)
	p := filepath.Join(t.TempDir(), "a.md")
	body := "MOSCOW, November 8. The minister said 12 soldiers were wounded in the clash on Friday, and that talks would resume next week.\n"
	write := func(title string) Added {
		t.Helper()
		if err := os.WriteFile(p, []byte("---\ntitle: \""+title+"\"\noutlet: TASS\n---\n\n"+body), 0o644); err != nil {
			t.Fatal(err)
		}
		r, err := l.AddFiles(ctx, []string{p})
		if err != nil {
			t.Fatal(err)
		}
		return r[0]
	}
	write("Twelve soldiers wounded in clash")
	if r := write("Twelve  soldiers wounded in clash"); r.Outcome != OutcomeUnchanged {
		t.Errorf("white space in the headline: %s v%d, want unchanged", r.Outcome, r.Version)
	}
	r := write("Soldiers wounded in clash provoked by Kyiv")
	if r.Outcome != OutcomeEdited || r.Version != 2 {
		t.Fatalf("a new headline over the same text: %+v, want edited v2", r.Result)
	}
	d, err := l.Diff(ctx, r.Article, 1, 2)
	if err != nil {
		t.Fatal(err)
	}
	if d.TitleOld == "" || d.TitleNew == "" || len(d.Changes) != 0 {
		t.Errorf("diff of a headline edit: %+v", d)
	}
}

func TestRefusesCorruptAndNewer(t *testing.T) {
	dir := t.TempDir()
	garbage := filepath.Join(dir, "garbage.db")
	data := []byte(strings.Repeat("not a database ", 400))
	os.WriteFile(garbage, data, 0o644)
	if _, err := Open(garbage, Options{}); !errors.Is(err, ErrNotLibrary) {
		t.Errorf("garbage: %v, want ErrNotLibrary", err)
	}
	if b, _ := os.ReadFile(garbage); string(b) != string(data) {
		t.Error("the garbage file was written")
	}
	newer := filepath.Join(dir, "newer.db")
	l, err := Open(newer, Options{})
	if err != nil {
		t.Fatal(err)
	}
	l.Close()
	db, _ := sql.Open("sqlite", newer)
	db.Exec("PRAGMA user_version = 99")
	db.Close()
	before, _ := os.ReadFile(newer)
	if _, err := Open(newer, Options{}); !errors.Is(err, ErrNewerVersion) {
		t.Errorf("newer: %v, want ErrNewerVersion", err)
	}
	if after, _ := os.ReadFile(newer); string(after) != string(before) {
		t.Error("the newer file was written")
	}
	other := filepath.Join(dir, "other.db")
	db, _ = sql.Open("sqlite", other)
	db.Exec("CREATE TABLE t(x)")
	db.Close()
	if _, err := Open(other, Options{}); !errors.Is(err, ErrNotLibrary) {
		t.Errorf("another program's database: %v, want ErrNotLibrary", err)
	}
}

func TestRecheckSchedule(t *testing.T) {
	now := time.Date(2026, 1, 10, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		age, want time.Duration
	}{{time.Hour, 15 * time.Minute}, {5 * time.Hour, time.Hour}, {3 * 24 * time.Hour, 3 * time.Hour}, {20 * 24 * time.Hour, 24 * time.Hour}} {
		if got := nextCheck(now.Add(-tc.age), now).Sub(now); got != tc.want {
			t.Errorf("age %v: next check in %v, want %v", tc.age, got, tc.want)
		}
	}
	if !nextCheck(now.AddDate(0, -2, 0), now).IsZero() {
		t.Error("an article two months old is still re-checked")
	}
}

func TestSearch(t *testing.T) {
	ctx := context.Background()
	l := openTemp(t)
	dir := t.TempDir()
	writeEmbedded(t, dir)
	if _, err := l.AddFiles(ctx, []string{dir}); err != nil {
		t.Fatal(err)
	}
	hits, err := l.Search(ctx, `satellite images`, 0)
	if err != nil || len(hits) == 0 || hits[0].Outlet != "TASS" || !strings.Contains(hits[0].Snippet, "«") {
		t.Fatalf("search: %v %+v", err, hits)
	}
	for _, q := range []string{`"unbalanced`, `AND OR NOT`, `*`, `moratori*`, `"intermediate range"`, `NEAR(a b)`, `col:x`} {
		if _, err := l.Search(ctx, q, 5); err != nil {
			t.Errorf("query %q: %v", q, err)
		}
	}
	if hits, _ := l.Search(ctx, "intermed*", 0); len(hits) < 2 {
		t.Errorf("a prefix query found %d articles", len(hits))
	}
}

func TestEdited(t *testing.T) {
	ctx := context.Background()
	l := openTemp(t)
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt")
	q := filepath.Join(dir, "b.txt")
	base := "Talks end without a deal\n\nThe minister said 12 soldiers were wounded in the clash on Friday, and that talks would resume next week in Geneva.\n\nThe delegation of 40 people left the capital on Saturday morning after the meeting ended.\n"
	other := "Port reopens after storm\n\nThe harbour master said the port would reopen on Monday after the storm passed over the coast.\n\nShips waited outside the harbour for three days while crews cleared the debris.\n"
	for _, s := range [][2]string{{p, base}, {q, other}, {p, strings.ReplaceAll(base, "12 soldiers", "15 soldiers")}} {
		if err := os.WriteFile(s[0], []byte(s[1]), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := l.AddFiles(ctx, []string{s[0]}); err != nil {
			t.Fatal(err)
		}
	}
	got, err := l.Edited(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("Edited = %v, want one article with 2 versions", got)
	}
	for id, n := range got {
		if n != 2 {
			t.Errorf("%s: %d versions, want 2", id, n)
		}
	}
}

package corpus

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// copyDir copies the files of src (not recursive) into a new temporary
// folder, so tests can add unreadable files without touching testdata.
func copyDir(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	ents, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if e.IsDir() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// loadBad loads testdata/corpus/bad plus an unreadable file with a small
// size limit, and returns articles and errors by file name.
func loadBad(t *testing.T) (map[string]*Article, map[string]string) {
	t.Helper()
	dir := copyDir(t, "../testdata/corpus/bad")
	locked := filepath.Join(dir, "unreadable.txt")
	if err := os.WriteFile(locked, []byte("secret\n\nText.\n"), 0o000); err != nil {
		t.Fatal(err)
	}
	if f, err := os.Open(locked); err == nil {
		// Running as root: permissions do not stop reading. Use a dangling
		// symbolic link instead, which no user can read.
		f.Close()
		os.Remove(locked)
		if err := os.Symlink(filepath.Join(dir, "gone.txt"), locked); err != nil {
			t.Fatal(err)
		}
	}
	c, err := LoadWith(t.Context(), Options{MaxBytes: 4096}, dir)
	if err != nil {
		t.Fatal(err)
	}
	arts := map[string]*Article{}
	for _, a := range c.Articles {
		arts[filepath.Base(a.Path)] = a
		checkSpans(t, a)
	}
	errs := map[string]string{}
	for _, e := range c.Errors {
		errs[filepath.Base(e.Path)] = e.Message
	}
	return arts, errs
}

func TestBadInputErrors(t *testing.T) {
	arts, errs := loadBad(t)
	for file, want := range map[string]string{
		"binary.txt":       "binary",
		"empty.txt":        "empty",
		"blank.md":         "empty",
		"oversize.txt":     "over the size limit of 4.0 KB",
		"unreadable.txt":   "", // permission denied or broken link, by platform
		"invalid-utf8.txt": "-",
	} {
		msg, failed := errs[file]
		switch want {
		case "-":
			if failed {
				t.Errorf("%s failed to load: %s", file, msg)
			}
		case "":
			if !failed || !(strings.Contains(msg, "permission denied") || strings.Contains(msg, "broken symbolic link")) {
				t.Errorf("%s: error %q (failed %v), want permission or broken link", file, msg, failed)
			}
		default:
			if !strings.Contains(msg, want) {
				t.Errorf("%s: error %q, want it to mention %q", file, msg, want)
			}
		}
	}
	// Every other file still loads.
	for _, f := range []string{"good.txt", "invalid-utf8.txt", "utf16le.txt", "utf16be.txt", "windows1252.txt", "utf8-bom.txt", "crlf.txt", "cr.txt", "escapes.txt", "bidi.txt"} {
		if arts[f] == nil {
			t.Errorf("%s did not load (error %q)", f, errs[f])
		}
	}
	if len(errs) != 5 {
		t.Errorf("%d errors, want 5: %v", len(errs), errs)
	}
}

func hasWarning(a *Article, sub string) bool {
	for _, w := range a.Warnings {
		if strings.Contains(w, sub) {
			return true
		}
	}
	return false
}

func TestBadInputWarningsAndText(t *testing.T) {
	arts, _ := loadBad(t)
	good := arts["good.txt"].Text
	cases := []struct {
		file, warning string
		check         func(text string) bool
	}{
		{"invalid-utf8.txt", "replaced 2 invalid UTF-8", func(s string) bool {
			return strings.Count(s, "\uFFFD") == 2 && strings.Contains(s, "“deal”")
		}},
		{"utf16le.txt", "UTF-16LE", func(s string) bool { return strings.Contains(s, "Genève — Lavrov") }},
		{"utf16be.txt", "UTF-16BE", func(s string) bool { return strings.Contains(s, "Genève — Lavrov") }},
		{"windows1252.txt", "Windows-1252", func(s string) bool { return strings.Contains(s, "Café") && strings.Contains(s, "“no” — twice") }},
		{"crlf.txt", "CRLF", func(s string) bool { return s == good }},
		{"cr.txt", "CR line", func(s string) bool { return s == good }},
		{"utf8-bom.txt", "", func(s string) bool { return s == good }},
		{"escapes.txt", "removed 4 terminal escape", func(s string) bool {
			return strings.Contains(s, "The minister said red things. A bell and a C1  clear.") && !strings.ContainsAny(s, "\x1b\x07\x08\u009b")
		}},
		{"escapes.txt", "removed 2 control character", nil},
		{"bidi.txt", "removed 3 bidi", func(s string) bool {
			return strings.Contains(s, "named txt.exe and isolated text") && strings.Contains(s, "\u200d") && strings.Contains(s, "\u200c")
		}},
	}
	for _, c := range cases {
		a := arts[c.file]
		if a == nil {
			t.Errorf("%s not loaded", c.file)
			continue
		}
		if c.warning != "" && !hasWarning(a, c.warning) {
			t.Errorf("%s: warnings %q lack %q", c.file, a.Warnings, c.warning)
		}
		if c.check != nil && !c.check(a.Text) {
			t.Errorf("%s: unexpected text %q", c.file, a.Text)
		}
	}
	if len(arts["good.txt"].Warnings) != 0 || len(arts["utf8-bom.txt"].Warnings) != 0 {
		t.Errorf("clean files got warnings: %q %q", arts["good.txt"].Warnings, arts["utf8-bom.txt"].Warnings)
	}
}

func TestSanitize(t *testing.T) {
	for _, c := range []struct {
		in, want string
		removed  int
	}{
		{"plain text\twith tab\n", "plain text\twith tab\n", 0},
		{"a\x1b]52;c;ZWNobyBoaQ==\x07b", "ab", 1},                   // OSC 52 clipboard write, BEL-terminated
		{"a\x1b]52;c;ZWNobyBoaQ==\x1b\\b", "ab", 1},                 // OSC 52, ST-terminated
		{"a\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\b", "alinkb", 2}, // OSC 8 hyperlink
		{"\x1b[2J\x1b[1;1Hclear", "clear", 2},
		{"x\x1bPq#0;2;0;0;0\x1b\\y", "xy", 1}, // DCS (sixel)
		{"bell\x07 back\x08 del\x7f", "bell back del", 3},
		{"c1\u0085 csi\u009b31m", "c1 csi", 2},
		{"\u202eevil\u202c \u2067iso\u2069", "evil iso", 4},
		{"zwj\u200d zwnj\u200c", "zwj\u200d zwnj\u200c", 0},
		{"unterminated \x1b]52;c;AAAA", "unterminated ", 1},
		{"trailing esc\x1b", "trailing esc", 1},
		{"soft\u00adhyphen", "softhyphen", 0}, // invisible; terminals disagree on its width
	} {
		got, n := Sanitize(c.in)
		if got != c.want || n != c.removed {
			t.Errorf("Sanitize(%q) = %q, %d; want %q, %d", c.in, got, n, c.want, c.removed)
		}
	}
}

func TestFormats(t *testing.T) {
	c, err := Load("../testdata/corpus/formats")
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]*Article{}
	for _, a := range c.Articles {
		byID[a.ID] = a
		checkSpans(t, a)
	}
	// HTML: readability body, metadata from og: tags and JSON-LD.
	h := byID["geneva-talks"]
	if h == nil {
		t.Fatalf("html article missing; have %v, errors %v", keys(byID), c.Errors)
	}
	if h.Outlet != "Al Arabiya" || !strings.Contains(h.OutletEvidence, "og:site_name") {
		t.Errorf("html outlet %q (%s)", h.Outlet, h.OutletEvidence)
	}
	if h.Title != "Russia ready to work with US to save arms treaty, says Lavrov" || h.URL == "" {
		t.Errorf("html title %q url %q", h.Title, h.URL)
	}
	if dateString(ptrTime(h.Published)) != "2019-01-16" {
		t.Errorf("html published %v (%s)", h.Published, h.PublishedEvidence)
	}
	if !strings.Contains(h.Text, "went nowhere.") || strings.Contains(h.Text, "Share on Facebook") {
		t.Errorf("html text:\n%s", h.Text)
	}
	if !hasRoleText(h, RoleHeading, "Russia denies violations") {
		t.Errorf("html sub-heading not a heading: %+v", h.Sentences)
	}

	// A page with navigation, a figure with its credit, tags and related
	// links: the title loses the site name, the credit and caption are
	// furniture, the sub-heading is a heading, and no navigation is left.
	sp := byID["sputnik-page"]
	if sp == nil || sp.Title != "Shoigu Calls for 'Symmetric Steps' to Prevent Arms Race in Europe" || sp.Outlet != "Sputnik" {
		t.Fatalf("sputnik page: %+v", sp)
	}
	if !hasRoleText(sp, RoleHeading, "Collapse of INF Treaty") || strings.Contains(sp.Text, "Listen Live") {
		t.Errorf("sputnik page sentences: %+v", sp.Sentences)
	}
	var spReasons []string
	for _, f := range sp.Furniture {
		spReasons = append(spReasons, f.Reason)
	}
	if strings.Join(spReasons, ",") != ReasonCaption+","+ReasonCredit {
		t.Errorf("sputnik page furniture: %+v", sp.Furniture)
	}

	// HTML in a legacy charset, in Russian: decoded by its declared
	// charset, outlet from the URL, a Cyrillic dateline with its credit.
	r := byID["tass-ru"]
	if r == nil || r.Outlet != "TASS" || r.Language != "ru" || !strings.Contains(r.Text, "Лавров: США не представили") {
		t.Fatalf("cp1251 html: %+v", r)
	}
	if r.Dateline == nil || r.Dateline.Place != "МОСКВА" || r.Dateline.Date != "8 ноября" || !strings.HasPrefix(r.Body()[0].Text, "МОСКВА, 8 ноября. /ТАСС/. США") {
		t.Errorf("cp1251 dateline %+v, first sentence %q", r.Dateline, r.Body()[0].Text)
	}
	if tab := ShippedOutlets(); len(tab.credits(r.Text)) != 1 {
		t.Errorf("/ТАСС/ credit not found")
	}

	// HTML already decoded (a JSON record, a UTF-16 page) keeps its text
	// whatever charset it declares.
	if w3 := byID["wire-3"]; w3 == nil || !strings.Contains(w3.Text, "Россия ответит") || w3.Outlet != "TASS" {
		t.Errorf("json html record declaring windows-1251: %+v", w3)
	}
	if u := byID["utf16-page"]; u == nil || !strings.Contains(u.Text, "The talks in Genève — Lavrov said") || !hasWarning(u, "UTF-16LE") {
		t.Errorf("utf-16 html page: %+v", u)
	}

	// Markdown: canonical outlet name from a short name, datetime, author.
	m := byID["lavrov-interview"]
	if m == nil || m.Outlet != "Anadolu Agency" || m.Published == nil || m.Published.Hour() != 9 || m.Author != "Elena Teslova" {
		t.Fatalf("markdown article: %+v", m)
	}
	if m.Dateline == nil || m.Dateline.Place != "MOSCOW" {
		t.Errorf("markdown dateline %+v", m.Dateline)
	}

	// JSON array: text and html records; outlet from URL when not given.
	w1, w2 := byID["wire-1"], byID["wire-2"]
	if w1 == nil || w1.Outlet != "Reuters" || w2 == nil || w2.Outlet != "TASS" || !strings.HasPrefix(w2.OutletEvidence, "URL domain") {
		t.Fatalf("json records: %+v %+v", w1, w2)
	}
	if !strings.HasPrefix(w2.Body()[0].Text, "MOSCOW, January 16. /TASS/. Moscow is ready") {
		t.Errorf("json html record sentences: %+v", w2.Sentences)
	}

	// JSON Lines: good records load, bad ones are errors naming the line.
	if f := byID["feed-1"]; f == nil || f.Outlet != "Xinhua" {
		t.Errorf("jsonl feed-1: %+v", f)
	}
	if f := byID["feed-4"]; f == nil || f.Outlet != "The Daily Example" || f.OutletInfo != nil || !strings.Contains(f.OutletEvidence, "not in the outlet table") {
		t.Errorf("jsonl feed-4 unknown outlet: %+v", f)
	}
	var recErrs []string
	for _, e := range c.Errors {
		if strings.HasSuffix(e.Path, "feed.jsonl") {
			recErrs = append(recErrs, e.Message)
			if !e.Skipped {
				t.Errorf("jsonl error %q is not marked as a skipped record of a file that loaded", e.Message)
			}
		}
	}
	if len(recErrs) != 3 || !strings.HasPrefix(recErrs[0], "line 2:") || !strings.HasPrefix(recErrs[1], "line 3:") || !strings.HasPrefix(recErrs[2], "line 5:") {
		t.Errorf("jsonl record errors: %q", recErrs)
	}

	// Plain text: title line, menu, byline, publication line, file-name outlet.
	p := byID["dw-pasted"]
	if p == nil {
		t.Fatal("plain text article missing")
	}
	if p.Title != "Germany urges talks on missile treaty" || p.Author != "Jane Doe and John Smith" {
		t.Errorf("text title %q author %q", p.Title, p.Author)
	}
	if dateString(ptrTime(p.Published)) != "2019-08-02" || !strings.Contains(p.PublishedEvidence, "Published: 2 August 2019") {
		t.Errorf("text published %v (%s)", p.Published, p.PublishedEvidence)
	}
	if p.Outlet != "Deutsche Welle" || !strings.Contains(p.OutletEvidence, "file name") {
		t.Errorf("text outlet %q (%s)", p.Outlet, p.OutletEvidence)
	}
	reasons := map[string]string{}
	for _, f := range p.Furniture {
		reasons[f.Text] = f.Reason
	}
	for _, want := range []string{"Home | News | World | Business | Sport", "Published: 2 August 2019", "Share on Facebook", "Tweet"} {
		if reasons[want] == "" {
			t.Errorf("text furniture lacks %q: %v", want, reasons)
		}
	}
	if len(p.Body()) != 2 {
		t.Errorf("text body sentences: %+v", p.Body())
	}
}

func keys[M ~map[string]V, V any](m M) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func hasRoleText(a *Article, role Role, text string) bool {
	for _, s := range a.Sentences {
		if s.Role == role && s.Text == text {
			return true
		}
	}
	return false
}

func TestLoadProgressOrderAndCancel(t *testing.T) {
	var calls, last atomic.Int64
	c, err := LoadWith(t.Context(), Options{Progress: func(done, total int) {
		calls.Add(1)
		last.Store(int64(done*100 + total))
	}}, "../testdata/seeds")
	if err != nil {
		t.Fatal(err)
	}
	if calls.Load() != 5 || last.Load() != 505 {
		t.Errorf("progress called %d times, last %d", calls.Load(), last.Load())
	}
	for i := 1; i < len(c.Articles); i++ {
		if c.Articles[i-1].Path >= c.Articles[i].Path {
			t.Errorf("articles not in path order: %s, %s", c.Articles[i-1].Path, c.Articles[i].Path)
		}
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := LoadWith(ctx, Options{}, "../testdata/seeds"); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled load: %v", err)
	}
	if _, err := Load(); err == nil {
		t.Error("Load() with no paths should fail")
	}
	c, err = Load(filepath.Join(t.TempDir(), "missing"))
	if err == nil || len(c.Errors) != 1 || !strings.Contains(c.Errors[0].Message, "no such file") {
		t.Errorf("missing path: %v %+v", err, c)
	}
}

func TestHiddenFilesSkippedAndDuplicateIDs(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(".hidden.txt", "Hidden\n\nNot loaded.\n")
	write(".git/x.txt", "Hidden\n\nNot loaded.\n")
	write("a/story.txt", "First story\n\nText one.\n")
	write("b/story.md", "Second story\n\nText two.\n")
	write("notes.pdf", "%PDF")
	c, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Articles) != 2 || len(c.Errors) != 0 {
		t.Fatalf("articles %d errors %v", len(c.Articles), c.Errors)
	}
	if c.Articles[0].ID != "story" || c.Articles[1].ID != "story-2" || !hasWarning(c.Articles[1], "renamed") {
		t.Errorf("ids %q %q warnings %q", c.Articles[0].ID, c.Articles[1].ID, c.Articles[1].Warnings)
	}
}

func dateString(t interface{ Format(string) string }) string {
	if t == nil {
		return ""
	}
	return t.Format("2006-01-02")
}

func ptrTime(t *time.Time) interface{ Format(string) string } {
	if t == nil {
		return nil
	}
	return *t
}

func writeFileErr(dir, name, body string) error {
	return os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644)
}

func TestJSONShapes(t *testing.T) {
	for _, c := range []struct {
		name, body string
		ids        []string
		err        string
	}{
		{"array", `[{"id": "a", "text": "Body one."}, {"id": "b", "text": "Body two."}]`, []string{"a", "b"}, ""},
		{"wrapped", `{"articles": [{"id": "a", "text": "Body one."}]}`, []string{"a"}, ""},
		{"single", `{"id": "solo", "title": "Solo", "text": "Body."}`, []string{"solo"}, ""},
		{"no id", `[{"text": "Body."}]`, []string{"f-1"}, ""},
		{"object without articles", `{"foo": 1}`, nil, "without \"articles\""},
		{"broken", `[{"id": "a", "text": "x"`, nil, "not a JSON array of articles"},
	} {
		docs, bad, err := parseJSON("f.json", "json", c.body)
		var ids []string
		for _, d := range docs {
			ids = append(ids, d.Meta.ID)
		}
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%s: error %v, want %q", c.name, err, c.err)
			}
			continue
		}
		if err != nil || len(bad) > 0 || strings.Join(ids, ",") != strings.Join(c.ids, ",") {
			t.Errorf("%s: ids %v bad %v err %v", c.name, ids, bad, err)
		}
	}
}

func TestExplicitFileWithoutKnownExtension(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "story", "---\ntitle: Front matter title\noutlet: TASS\n---\nBody of the story. It has two sentences.\n")
	writeFile(t, dir, "page.php", "<!DOCTYPE html><html><head><title>Saved page</title></head><body><article><p>The talks ended without a deal on Friday, diplomats said.</p></article></body></html>")
	writeFile(t, dir, "notes", "Plain notes\n\nJust text.\n")
	c, err := Load(filepath.Join(dir, "story"), filepath.Join(dir, "page.php"), filepath.Join(dir, "notes"))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, a := range c.Articles {
		got[a.ID] = a.Format + " " + a.Title
	}
	want := map[string]string{"story": "markdown Front matter title", "page": "html Saved page", "notes": "text Plain notes"}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s: %q, want %q", id, got[id], w)
		}
	}
	// Inside a folder, files of unknown formats are skipped, not errors.
	c, err = Load(dir)
	if err == nil || len(c.Errors) != 0 {
		t.Errorf("folder of unknown formats: %v %+v", err, c.Errors)
	}
}

func TestEscapesInsideJSONAndHTMLAreRemoved(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "evil.json", `[{"id": "bad\u001b[2J", "title": "Title\u001b]52;c;cm0gLXJmIH4=\u0007 here", "outlet": "TASS\u202e", "text": "Body\u001b[31m red\u009b2J text.\nMore\u0007 text."}]`)
	writeFile(t, dir, "evil.html", "<html><head><title>Page &#27;[2Jtitle</title></head><body><article><p>The talks ended &#27;]52;c;cm0=&#7; without a deal on Friday, diplomats said in Geneva.</p></article></body></html>")
	c, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range c.Articles {
		for _, s := range []string{a.ID, a.Title, a.Outlet, a.Text} {
			if strings.ContainsAny(s, "\x1b\x07\u009b\u202e") {
				t.Errorf("%s: control left in %q", a.Path, s)
			}
		}
		if !hasWarning(a, "removed") {
			t.Errorf("%s: no warning: %q", a.Path, a.Warnings)
		}
	}
	if a := c.Article("bad"); a == nil || a.Title != "Title here" || a.Outlet != "TASS" {
		t.Errorf("json article: %+v", a)
	}
}

// TestTitleShapedLikeTags checks that the headline the front matter gives
// is the title even when it reads like a keyword list.
func TestTitleShapedLikeTags(t *testing.T) {
	dir := t.TempDir()
	const title = "BRICS to admit Egypt, Iran, Saudi Arabia, UAE, Ethiopia, Argentina next year"
	body := "---\ntitle: \"" + title + "\"\noutlet: \"AFP\"\n---\n" + title + "\n\nThe bloc will admit six new members, the president said on Thursday.\n"
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Load(dir)
	if err != nil || len(c.Articles) != 1 {
		t.Fatalf("load: %v, %d articles", err, len(c.Articles))
	}
	a := c.Articles[0]
	if len(a.Furniture) != 0 || len(a.Sentences) == 0 || a.Sentences[0].Role != RoleTitle || a.Sentences[0].Text != title {
		t.Fatalf("furniture %+v, first sentence %+v; want the headline as the title", a.Furniture, a.Sentences[0])
	}
}

package cli

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const libArticle = "Talks end without a deal\n\nThe minister said 12 soldiers were wounded in the clash on Friday near the border crossing.\n\nThe delegation of 40 people left the capital on Saturday morning after the meeting ended.\n"

func TestLibraryCommands(t *testing.T) {
	dir := t.TempDir()
	lib := filepath.Join(dir, "lib.db")
	art := filepath.Join(dir, "talks.txt")
	os.WriteFile(art, []byte(libArticle), 0o644)
	out, errs, code := runCLI(t, "add", "--library", lib, "--json", art, filepath.Join(dir, "missing.txt"))
	if code != 0 {
		t.Fatalf("add: exit %d: %s", code, errs)
	}
	var added struct {
		Library string
		Results []addJSON
	}
	if err := json.Unmarshal([]byte(out), &added); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(added.Results) != 2 || !added.Results[1].OK && added.Results[1].Reason == "" {
		t.Fatalf("add results: %+v", added.Results)
	}
	var id string
	for _, r := range added.Results {
		if r.OK {
			id = r.Article
		} else if !strings.Contains(r.Input, "missing") || r.Reason == "" {
			t.Errorf("failed input without its reason: %+v", r)
		}
	}
	if id == "" {
		t.Fatalf("nothing stored: %+v", added.Results)
	}
	os.WriteFile(art, []byte(strings.Replace(libArticle, "12 soldiers", "15 soldiers", 1)), 0o644)
	if _, errs, code := runCLI(t, "--library", lib, "add", art); code != 0 {
		t.Fatalf("add again: exit %d: %s", code, errs)
	}
	out, _, code = runCLI(t, "versions", "--library", lib, "--json", id)
	var vs struct {
		Article  struct{ ID string }
		Versions []struct{ Version int }
	}
	if code != 0 || json.Unmarshal([]byte(out), &vs) != nil || len(vs.Versions) != 2 || vs.Article.ID != id {
		t.Fatalf("versions: exit %d\n%s", code, out)
	}
	out, _, code = runCLI(t, "diff", "--library", lib, id)
	if code != 0 || !strings.Contains(out, "said [-12-]{+15+} soldiers") || !strings.Contains(out, "! number") {
		t.Fatalf("diff: exit %d\n%s", code, out)
	}
	out, _, code = runCLI(t, "diff", "--library", lib, "--json", id, "1", "2")
	var d struct {
		Changes []struct {
			Kind  string
			Flags []struct{ What, Old, New string }
		}
	}
	if code != 0 || json.Unmarshal([]byte(out), &d) != nil || len(d.Changes) != 1 || d.Changes[0].Kind != "edited" {
		t.Fatalf("diff --json: exit %d\n%s", code, out)
	}
	// With no PATH, list reads the library; --embedded the built-in corpus.
	out, _, code = runCLI(t, "list", "--library", lib)
	if code != 0 || !strings.Contains(out, id) || !strings.Contains(out, "1 article from library") {
		t.Fatalf("list from the library: exit %d\n%s", code, out)
	}
	out, _, _ = runCLI(t, "list", "--library", lib, "--embedded")
	if !strings.Contains(out, "embedded INF corpus") {
		t.Fatalf("list --embedded:\n%s", out)
	}
	if _, errs, code := runCLI(t, "versions", "--library", lib, "nope"); code != 1 || !strings.Contains(errs, "no such article") {
		t.Errorf("versions of an unknown id: exit %d: %s", code, errs)
	}
}

func TestFeedsAndUpdateCommands(t *testing.T) {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feed.xml":
			w.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Test</title><item><title>Talks</title><link>` +
				srv.URL + `/a/1</link><guid>1</guid></item></channel></rss>`))
		case "/a/1":
			w.Write([]byte("<html><head><title>Talks end without a deal</title></head><body><article><h1>Talks end without a deal</h1><p>" +
				strings.Repeat("The minister said 12 soldiers were wounded in the clash on Friday near the border crossing. ", 4) + "</p></article></body></html>"))
		case "/broken.xml":
			w.Write([]byte("<html><body>not a feed</body></html>"))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	dir := t.TempDir()
	lib := filepath.Join(dir, "lib.db")
	for _, u := range []string{"/feed.xml", "/broken.xml"} {
		if _, errs, code := runCLI(t, "feeds", "add", srv.URL+u, "--outlet", "Test", "--library", lib); code != 0 {
			t.Fatalf("feeds add: %d %s", code, errs)
		}
	}
	if _, _, code := runCLI(t, "feeds", "add", "ftp://x", "--library", lib); code != 1 {
		t.Errorf("feeds add of a non-http address: exit %d, want 1", code)
	}
	out, errs, code := runCLI(t, "update", "--library", lib, "--json")
	if code != 0 {
		t.Fatalf("update: %d %s", code, errs)
	}
	var rep struct {
		New      int
		Problems []struct{ URL, Message string }
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || rep.New != 1 || len(rep.Problems) != 1 || !strings.Contains(rep.Problems[0].Message, "HTML page") {
		t.Fatalf("update --json: %v\n%s", err, out)
	}
	out, _, code = runCLI(t, "feeds", "list", "--json", "--library", lib)
	var fl struct {
		Feeds []struct {
			URL       string `json:"url"`
			Failures  int    `json:"failures"`
			LastError string `json:"last_error"`
			Failing   bool   `json:"failing"`
		}
	}
	if code != 0 || json.Unmarshal([]byte(out), &fl) != nil || len(fl.Feeds) != 2 || fl.Feeds[1].Failures != 1 || fl.Feeds[1].LastError == "" {
		t.Fatalf("feeds list --json: exit %d\n%s", code, out)
	}
	opml := filepath.Join(dir, "feeds.opml")
	if _, errs, code := runCLI(t, "feeds", "export", "-o", opml, "--library", lib); code != 0 {
		t.Fatalf("feeds export: %s", errs)
	}
	lib2 := filepath.Join(dir, "lib2.db")
	out, _, code = runCLI(t, "feeds", "import", opml, "--library", lib2)
	if code != 0 || !strings.Contains(out, "2 feeds added") {
		t.Fatalf("feeds import: exit %d\n%s", code, out)
	}
	if out, _, code := runCLI(t, "feeds", "remove", "2", "--library", lib2); code != 0 || !strings.Contains(out, "broken.xml") {
		t.Fatalf("feeds remove: exit %d\n%s", code, out)
	}
	out, _, _ = runCLI(t, "stories", "--library", lib)
	if !strings.Contains(out, "1 story") {
		t.Errorf("stories from the library:\n%s", out)
	}
}

// TestLibraryOutputIsSanitised stores an article whose title and text
// carry terminal escapes and bidi controls: no command prints them raw.
func TestLibraryOutputIsSanitised(t *testing.T) {
	dir := t.TempDir()
	lib := filepath.Join(dir, "lib.db")
	art := filepath.Join(dir, "evil.md")
	os.WriteFile(art, []byte("---\ntitle: \"Evil \\e[31mred\\e]0;pwned\\a \u202etitle\"\n---\n"+libArticle), 0o644)
	runCLI(t, "add", "--library", lib, art)
	os.WriteFile(art, []byte("---\ntitle: \"Evil \\e[31mred\\e]0;pwned\\a \u202etitle\"\n---\n"+strings.Replace(libArticle, "12", "\x1b[2J13", 1)), 0o644)
	runCLI(t, "add", "--library", lib, art)
	out, _, _ := runCLI(t, "list", "--library", lib, "--json")
	var l struct{ Articles []struct{ ID string } }
	json.Unmarshal([]byte(out), &l)
	if len(l.Articles) != 1 {
		t.Fatalf("list: %s", out)
	}
	for _, args := range [][]string{{"list"}, {"versions", l.Articles[0].ID}, {"diff", l.Articles[0].ID}, {"diff", "--json", l.Articles[0].ID}, {"stories"}} {
		out, errs, _ := runCLI(t, append(args, "--library", lib)...)
		if strings.ContainsAny(out+errs, "\x1b\a\u202e") {
			t.Errorf("%v prints a raw control:\n%q", args, out+errs)
		}
	}
}

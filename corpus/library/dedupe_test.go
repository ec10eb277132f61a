package library

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDedupeURLVariants adds one article under the addresses feeds and
// readers give it (tracking parameters, fragments, AMP forms, a trailing
// slash): one article results.
func TestDedupeURLVariants(t *testing.T) {
	ctx := context.Background()
	l := openTemp(t)
	body := page("Floods hit the valley", story("valley", 50)...)
	srv := newRecorder(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Write([]byte(body))
	})
	var urls []string
	for _, u := range []string{"/news/floods", "/news/floods?utm_source=rss&utm_medium=feed", "/news/floods#comments",
		"/amp/news/floods", "/news/floods/amp", "/news/floods/", "/news/floods?amp=1"} {
		urls = append(urls, srv.URL+u)
	}
	res, err := l.AddURLs(ctx, testFetcher(), urls, nil)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, r := range res {
		if !r.OK() {
			t.Fatalf("%s: %s", r.Input, r.Reason)
		}
		ids[r.Article] = true
	}
	if n, _ := l.Count(ctx); n != 1 || len(ids) != 1 {
		t.Fatalf("%d articles (ids %v) from one article under %d addresses, want 1", n, ids, len(urls))
	}
	// An address seen only now still finds it.
	id, err := l.Resolve(ctx, strings.Replace(urls[0], "http://", "https://", 1))
	if err != nil || !ids[id] {
		t.Errorf("the https form of the address resolves to %q (%v)", id, err)
	}
}

// TestSyndicatedCopy stores an agency's article and another outlet's near
// copy of it: the copy stays an article of its own outlet, marked as a
// copy of the original.
func TestSyndicatedCopy(t *testing.T) {
	ctx := context.Background()
	l := openTemp(t)
	dir := t.TempDir()
	text := strings.Join(story("valley", 50), "\n\n") + "\n\nRescue teams evacuated 300 families from the villages along the river overnight, officials said.\n"
	write := func(name, outlet, body string) {
		md := "---\ntitle: Floods hit the valley\noutlet: " + outlet + "\nurl: https://" + name + ".example/floods\n---\n" + body
		os.WriteFile(filepath.Join(dir, name+".md"), []byte(md), 0o644)
	}
	write("a-reuters", "Reuters", text)
	write("b-tass", "TASS", strings.Replace(text, "overnight", "during the night", 1)+"\nRead more on our website.\n")
	write("c-other", "Al Jazeera", strings.Join(story("mountain", 7), "\n\n")+"\n\nA different story about the mountain pass closed by snow for the whole winter season.\n")
	res, err := l.AddFiles(ctx, []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 3 {
		t.Fatalf("%+v", res)
	}
	orig, cp, other := res[0], res[1], res[2]
	if orig.Outcome != OutcomeNew || cp.Outcome != OutcomeNew || other.Outcome != OutcomeNew {
		t.Fatalf("outcomes %s %s %s, want three new articles", orig.Outcome, cp.Outcome, other.Outcome)
	}
	if cp.CopyOf != orig.Article {
		t.Errorf("the TASS copy is marked a copy of %q, want %q", cp.CopyOf, orig.Article)
	}
	if orig.CopyOf != "" || other.CopyOf != "" {
		t.Errorf("copy_of set on an original (%q) or an unrelated article (%q)", orig.CopyOf, other.CopyOf)
	}
	info, _, _ := l.Get(ctx, cp.Article)
	if info.Outlet != "TASS" || info.CopyOf != orig.Article {
		t.Errorf("the copy's record: %+v", info)
	}
}

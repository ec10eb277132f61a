package library

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
)

// listingPage is a section front: navigation, tag and author pages, an
// article linked twice (picture and headline), links to other sites, a
// script, and articles under three address styles.
const listingPage = `<!doctype html><html><head><title>World news</title>
<script>var links = '<a href="/world/2026/01/05/not-in-a-script">x</a>';</script></head><body>
<nav><a href="/">Home</a> <a href="/world/">World</a> <a href="/tag/diplomacy">Diplomacy</a>
<a href="/author/jane-doe-smith">Jane Doe</a> <a href="/about-us/our-team-and-values">About</a></nav>
<main>
<a href="/world/2026/01/05/ministers-meet-in-geneva"><img src="/img/geneva.jpg"></a>
<h2><a href="/world/2026/01/05/ministers-meet-in-geneva#comments">Ministers   meet in Geneva</a></h2>
<h2><a href="https://www.example.net/world/floods-hit-the-valley-again?ref=front">Floods hit the valley again</a></h2>
<h2><a href="/world/1234567.html">Talks resume</a></h2>
<a href="https://other.example.com/world/2026/01/05/someone-elses-story">Elsewhere</a>
<a href="javascript:alert(1)">Share</a> <a href="/img/chart-of-the-week.png">Chart</a>
<a href="/world/page/2">More</a> <a href="#top">Top</a>
</main></body></html>`

func TestListingItems(t *testing.T) {
	items := listingItems([]byte(listingPage), "text/html; charset=utf-8", "https://example.net/world/")
	var got []string
	for _, it := range items {
		got = append(got, it.Link+" | "+it.Title)
	}
	want := []string{
		"https://example.net/world/2026/01/05/ministers-meet-in-geneva | Ministers meet in Geneva",
		"https://www.example.net/world/floods-hit-the-valley-again?ref=front | Floods hit the valley again",
		"https://example.net/world/1234567.html | Talks resume",
	}
	if !slices.Equal(got, want) {
		t.Errorf("listing items:\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

func TestArticleLink(t *testing.T) {
	page, _ := url.Parse("https://news.example.org/latest")
	for href, want := range map[string]bool{
		"/politics/lavrov-says-us-prepared-missile-test":      true,
		"/2026/01/05/talks.html":                              true,
		"/politics/12345":                                     true,
		"https://news.example.org/latest":                     false, // the page itself
		"/politics":                                           false,
		"/tag/missile-test-news-today":                        false,
		"/2026-report.pdf":                                    false,
		"mailto:desk@example.org":                             false,
		"https://example.com/world/some-other-site-story":     false,
		"https://cdn.news.example.org/a/b/long-slug-of-words": true, // a subdomain of the site
	} {
		if _, got := articleLink(page, href); got != want {
			t.Errorf("articleLink(%q) = %v, want %v", href, got, want)
		}
	}
}

// TestUpdateReadsWebPages: an address that answers with a web page is
// read through the feed the page names, or else as a listing; a page
// that links to no article fails as before.
func TestUpdateReadsWebPages(t *testing.T) {
	ctx := context.Background()
	var srv *recorder
	srv = newRecorder(t, func(w http.ResponseWriter, r *http.Request) {
		base := srv.URL
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/robots.txt":
			w.Write([]byte("User-agent: *\nAllow: /\n"))
		case "/site":
			w.Write([]byte(`<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/news.xml?x=1&amp;y=2"></head><body>Hello</body></html>`))
		case "/news.xml":
			if r.URL.RawQuery != "x=1&y=2" {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Write([]byte(rssFeed("News", [3]string{"One", base + "/a/1", "g1"})))
		case "/section":
			w.Write([]byte(`<!doctype html><html><body><ul>
<li><a href="/world/floods-hit-the-valley">Floods hit the valley</a></li>
<li><a href="/world/ministers-meet-in-geneva">Ministers meet in Geneva</a></li>
<li><a href="/tag/floods">Floods</a></li></ul></body></html>`))
		case "/empty":
			w.Write([]byte(`<!doctype html><html><body><a href="/">Home</a></body></html>`))
		case "/a/1":
			w.Write([]byte(page("Ministers meet in Geneva", story("Geneva", 10)...)))
		case "/world/floods-hit-the-valley":
			w.Write([]byte(page("Floods hit the valley", story("valley", 50)...)))
		case "/world/ministers-meet-in-geneva":
			w.Write([]byte(page("Ministers meet again in Geneva", story("Geneva talks", 20)...)))
		default:
			http.NotFound(w, r)
		}
	})
	l := openTemp(t)
	for _, u := range []string{"/site", "/section", "/empty"} {
		if _, err := l.AddFeed(ctx, srv.URL+u, "Example"); err != nil {
			t.Fatal(err)
		}
	}
	rep, err := l.Update(ctx, UpdateOptions{Fetcher: testFetcher(), Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	by := map[string]FeedReport{}
	for _, f := range rep.Feeds {
		by[strings.TrimPrefix(f.URL, srv.URL)] = f
	}
	if f := by["/site"]; f.Status != "ok" || f.New != 1 || !strings.Contains(f.Note, srv.URL+"/news.xml?x=1&y=2") {
		t.Errorf("a page naming its feed: %+v, want the named feed read and named in the note", f)
	}
	if f := by["/section"]; f.Status != "ok" || f.New != 2 || !strings.Contains(f.Note, "listing of 2 article links") {
		t.Errorf("a section page: %+v, want its two article links read as a listing", f)
	}
	if f := by["/empty"]; f.Status != "failed" || !strings.Contains(f.Error, "no link on it looks like an article") {
		t.Errorf("a page with no article links: %+v, want it failed and said why", f)
	}
	if n, _ := l.Count(ctx); n != 3 {
		t.Errorf("%d articles in the library, want 3", n)
	}
}

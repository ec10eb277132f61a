package library

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
)

// TestFetchBrokenFeeds serves every kind of broken feed from one site:
// none crashes, each is a named problem, and the good feed is still read.
func TestFetchBrokenFeeds(t *testing.T) {
	cyr, _ := charmap.Windows1251.NewEncoder().String(rssFeed("Новости", [3]string{"Лавров заявил", "https://example.org/ru/1", "r1"}))
	cyr = strings.Replace(cyr, `encoding="UTF-8"`, `encoding="windows-1251"`, 1)
	arab, _ := charmap.Windows1256.NewEncoder().String(rssFeed("أخبار", [3]string{"عراقجي يقول", "https://example.org/ar/1", "a1"}))
	arabNoDecl := strings.Replace(arab, `<?xml version="1.0" encoding="UTF-8"?>`, "", 1)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(rssFeed("Zipped", [3]string{"Zipped item", "https://example.org/z/1", "z1"})))
	zw.Close()
	var bomb bytes.Buffer
	zw = gzip.NewWriter(&bomb)
	zw.Write(bytes.Repeat([]byte("<rss>"), 4<<20)) // 20 MB of nothing, a few KB compressed
	zw.Close()
	srv := newRecorder(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/good.xml":
			w.Write([]byte(rssFeed("Good", [3]string{"Fine", "https://example.org/1", "1"})))
		case "/500.xml":
			http.Error(w, "boom", http.StatusInternalServerError)
		case "/loop.xml":
			http.Redirect(w, r, "/loop.xml", http.StatusFound)
		case "/gzip.xml":
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(gz.Bytes())
		case "/bomb.xml":
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(bomb.Bytes())
		case "/entity.xml":
			w.Write([]byte(strings.Replace(rssFeed("Ent", [3]string{"Tom &amp; Jerry&nbsp;&bogus; &eacute;t&eacute;", "https://example.org/e", "e"}), "Ent", "Ent&mdash;", 1)))
		case "/cp1251.xml":
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Write([]byte(cyr))
		case "/cp1256.xml":
			w.Header().Set("Content-Type", "application/rss+xml; charset=windows-1256")
			w.Write([]byte(arabNoDecl))
		case "/page.xml":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(`<!DOCTYPE html><html><head><link rel="alternate" type="application/rss+xml" href="/rss"></head><body>Home</body></html>`))
		case "/empty.xml":
		case "/noitems.xml":
			w.Write([]byte(rssFeed("Quiet")))
		case "/huge.xml":
			w.Write(bytes.Repeat([]byte("x"), 3<<20))
		}
	})
	f := testFetcher()
	f.MaxBytes = 2 << 20
	get := func(p string) (*Feed, error) {
		r, err := f.Get(context.Background(), srv.URL+p, "", "", feedAccept)
		if err != nil {
			return nil, err
		}
		return ParseFeed(r.Body, r.ContentType, r.URL)
	}
	for _, tc := range []struct {
		path      string
		wantErr   error
		wantInErr string
		wantTitle string // of the first item
	}{
		{"/good.xml", nil, "", "Fine"},
		{"/500.xml", ErrStatus, "500", ""},
		{"/loop.xml", ErrRedirects, "redirect", ""},
		{"/gzip.xml", nil, "", "Zipped item"},
		{"/bomb.xml", ErrDecompressed, "bomb", ""},
		{"/entity.xml", nil, "", "Tom & Jerry\u00a0&bogus; été"},
		{"/cp1251.xml", nil, "", "Лавров заявил"},
		{"/cp1256.xml", nil, "", "عراقجي يقول"},
		{"/page.xml", ErrNotFeed, "/rss", ""},
		{"/empty.xml", ErrNotFeed, "empty", ""},
		{"/noitems.xml", nil, "", ""},
		{"/huge.xml", ErrTooLarge, "limit", ""},
	} {
		feed, err := get(tc.path)
		switch {
		case tc.wantErr != nil:
			if !errors.Is(err, tc.wantErr) || !strings.Contains(err.Error(), tc.wantInErr) {
				t.Errorf("%s: error %v, want %v mentioning %q", tc.path, err, tc.wantErr, tc.wantInErr)
			}
		case err != nil:
			t.Errorf("%s: %v", tc.path, err)
		case tc.wantTitle == "" && len(feed.Items) != 0:
			t.Errorf("%s: %d items, want none", tc.path, len(feed.Items))
		case tc.wantTitle != "" && (len(feed.Items) == 0 || feed.Items[0].Title != strings.ReplaceAll(tc.wantTitle, "\u00a0", " ")):
			t.Errorf("%s: items %+v, want the first titled %q", tc.path, feed.Items, tc.wantTitle)
		}
	}
}

func TestParseFeedFormats(t *testing.T) {
	atom := `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
<entry><title>Atom one</title><link rel="alternate" href="/x/1"/><id>tag:1</id><published>2026-01-05T08:00:00Z</published><author><name>Ann</name></author></entry></feed>`
	rdf := `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://e/"><title>R</title></channel><item rdf:about="http://e/r/1"><title>Rdf one</title><link>http://e/r/1</link><dc:date>2026-01-05</dc:date><dc:creator>Bo</dc:creator></item></rdf:RDF>`
	for _, tc := range []struct{ src, format, title, link, author string }{
		{atom, "atom", "Atom one", "https://e.org/x/1", "Ann"},
		{rdf, "rdf", "Rdf one", "http://e/r/1", "Bo"},
	} {
		f, err := ParseFeed([]byte(tc.src), "application/xml", "https://e.org/feed")
		if err != nil {
			t.Fatalf("%s: %v", tc.format, err)
		}
		if f.Format != tc.format || len(f.Items) != 1 {
			t.Fatalf("%s: %+v", tc.format, f)
		}
		it := f.Items[0]
		if it.Title != tc.title || it.Link != tc.link || it.Author != tc.author || it.Published == nil {
			t.Errorf("%s: item %+v", tc.format, it)
		}
	}
}

func TestCanonicalURL(t *testing.T) {
	want := "https://example.org/news/2026/lavrov"
	for _, in := range []string{
		"https://example.org/news/2026/lavrov",
		"http://example.org/news/2026/lavrov",
		"https://www.example.org/news/2026/lavrov/",
		"https://example.org/news/2026/lavrov?utm_source=rss&utm_medium=feed",
		"https://example.org/news/2026/lavrov#comments",
		"https://amp.example.org/news/2026/lavrov",
		"https://example.org/amp/news/2026/lavrov",
		"https://example.org/news/2026/lavrov/amp",
		"https://example.org/news/2026/lavrov?amp=1",
		"HTTPS://Example.ORG:443/news/2026/lavrov",
	} {
		if got := CanonicalURL(in); got != want {
			t.Errorf("CanonicalURL(%q) = %q, want %q", in, got, want)
		}
	}
	if got := CanonicalURL("https://example.org/a?id=7&b=2"); got != "https://example.org/a?b=2&id=7" {
		t.Errorf("query kept and sorted: %q", got)
	}
	if got := CanonicalURL("https://example.org/a.amp.html"); got != "https://example.org/a.html" {
		t.Errorf("AMP .amp.html: %q", got)
	}
}

func TestOPMLRoundTrip(t *testing.T) {
	ctx := context.Background()
	l := openTemp(t)
	src := `<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>
<outline text="Russia"><outline text="TASS" xmlUrl="https://tass.com/rss/v2.xml"/></outline>
<outline text="BBC World" xmlUrl="https://feeds.bbci.co.uk/news/world/rss.xml"/></body></opml>`
	feeds, err := ParseOPML(strings.NewReader(src))
	if err != nil || len(feeds) != 2 {
		t.Fatalf("%v %+v", err, feeds)
	}
	for _, f := range feeds {
		if _, err := l.AddFeed(ctx, f.URL, f.Outlet); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := l.AddFeed(ctx, feeds[0].URL, ""); !errors.Is(err, ErrFeedExists) {
		t.Errorf("adding a feed twice: %v", err)
	}
	var out bytes.Buffer
	if err := l.WriteOPML(ctx, &out); err != nil {
		t.Fatal(err)
	}
	back, err := ParseOPML(&out)
	if err != nil || len(back) != 2 || back[0].URL != feeds[0].URL || back[0].Outlet != "TASS" || back[1].Outlet != "BBC World" {
		t.Fatalf("round trip: %v %+v\n%s", err, back, out.String())
	}
	if _, err := ParseOPML(strings.NewReader("<html><body>no</body></html>")); err == nil {
		t.Error("an HTML file was taken for OPML")
	}
}

// TestOneRequestPerHost fires many requests at one host at once: the
// fetcher lets one through at a time.
func TestOneRequestPerHost(t *testing.T) {
	srv := newRecorder(t, func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) })
	f := testFetcher()
	done := make(chan error)
	for i := range 8 {
		go func() {
			_, err := f.Get(context.Background(), srv.URL+"/p/"+strconv.Itoa(i), "", "", "")
			done <- err
		}()
	}
	for range 8 {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	if srv.maxSeen != 1 {
		t.Errorf("%d requests at once to one host, want 1", srv.maxSeen)
	}
}

func TestBackoffCappedWithJitter(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	prev := time.Duration(0)
	for n := 1; n <= 12; n++ {
		d := backoff(15*time.Minute, n, rng)
		if d > maxBackoff {
			t.Fatalf("failure %d: wait %v, over a day", n, d)
		}
		if n <= 5 && d <= prev*6/5/2 {
			t.Errorf("failure %d: wait %v does not grow from %v", n, d, prev)
		}
		prev = d
	}
	seen := map[time.Duration]bool{}
	for range 20 {
		seen[backoff(time.Hour, 2, rng)] = true
	}
	if len(seen) < 10 {
		t.Errorf("no jitter: %d distinct waits of 20", len(seen))
	}
}

// TestCrawlDelay checks that a robots.txt Crawl-delay spaces the article
// requests to its host.
func TestCrawlDelay(t *testing.T) {
	srv := newRecorder(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			w.Write([]byte("User-agent: *\nCrawl-delay: 0.3\n"))
			return
		}
		w.Write([]byte("ok"))
	})
	f := testFetcher()
	for i := range 3 {
		if _, err := f.GetPage(context.Background(), srv.URL+"/a/"+strconv.Itoa(i), "", ""); err != nil {
			t.Fatal(err)
		}
	}
	reqs := srv.requests("/a/1")
	reqs2 := srv.requests("/a/2")
	if len(reqs) != 1 || len(reqs2) != 1 || reqs2[0].At.Sub(reqs[0].At) < 250*time.Millisecond {
		t.Errorf("requests %v apart, want the 0.3 s Crawl-delay", reqs2[0].At.Sub(reqs[0].At))
	}
}

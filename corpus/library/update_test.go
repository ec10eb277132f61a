package library

import (
	"context"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
)

// newsSite serves a feed with validators, three articles (one disallowed
// by robots.txt) and robots.txt.
func newsSite(t *testing.T) *recorder {
	var srv *recorder
	srv = newRecorder(t, func(w http.ResponseWriter, r *http.Request) {
		base := srv.URL
		switch r.URL.Path {
		case "/robots.txt":
			w.Write([]byte("User-agent: *\nDisallow: /private/\n"))
		case "/feed.xml":
			if r.Header.Get("If-None-Match") == `"v1"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", `"v1"`)
			w.Header().Set("Last-Modified", "Tue, 06 Jan 2026 10:00:00 GMT")
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Write([]byte(rssFeed("News", [3]string{"One", base + "/a/1?utm_source=rss", "g1"},
				[3]string{"Two", base + "/a/2", "g2"}, [3]string{"Secret", base + "/private/3", "g3"})))
		case "/feed2.xml":
			// A second feed carrying article 2 under another address.
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Write([]byte(rssFeed("News again", [3]string{"Two", base + "/a/2#comments", "g2"})))
		case "/a/1":
			w.Write([]byte(page("Ministers meet in Geneva", story("Geneva", 10)...)))
		case "/a/2":
			w.Write([]byte(page("Floods hit the valley", story("valley", 50)...)))
		case "/private/3":
			w.Write([]byte(page("Private", story("private", 1)...)))
		default:
			http.NotFound(w, r)
		}
	})
	return srv
}

func TestUpdatePolite(t *testing.T) {
	ctx := context.Background()
	l := openTemp(t)
	srv := newsSite(t)
	for _, u := range []string{"/feed.xml", "/feed2.xml"} {
		if _, err := l.AddFeed(ctx, srv.URL+u, "Example"); err != nil {
			t.Fatal(err)
		}
	}
	f := testFetcher()
	rep, err := l.Update(ctx, UpdateOptions{Fetcher: f, Workers: 4})
	if err != nil {
		t.Fatal(err)
	}
	if rep.New != 2 {
		t.Fatalf("%d new articles, want 2 (two feeds carrying one article give one): %+v", rep.New, rep)
	}
	if n := len(srv.requests("/private/3")); n != 0 {
		t.Errorf("the robots-disallowed page was requested %d times", n)
	}
	foundRobots := false
	for _, p := range rep.Problems {
		if strings.Contains(p.URL, "/private/3") && strings.Contains(p.Message, "robots.txt") {
			foundRobots = true
		}
	}
	if !foundRobots {
		t.Errorf("the disallowed page is not named as a problem: %+v", rep.Problems)
	}
	// Again, every feed and article regardless of schedule: the feed is
	// asked conditionally, never unconditionally again.
	for range 3 {
		if _, err := l.Update(ctx, UpdateOptions{Fetcher: f, Workers: 4, All: true}); err != nil {
			t.Fatal(err)
		}
	}
	reqs := srv.requests("/feed.xml")
	if len(reqs) != 4 {
		t.Fatalf("%d requests for the feed, want 4", len(reqs))
	}
	for i, r := range reqs[1:] {
		if r.IfNoneMatch != `"v1"` || r.IfModifiedSince == "" {
			t.Errorf("request %d of the feed was unconditional (If-None-Match %q, If-Modified-Since %q)", i+2, r.IfNoneMatch, r.IfModifiedSince)
		}
	}
	if srv.maxSeen > 1 {
		t.Errorf("%d requests at once to one host, want at most 1", srv.maxSeen)
	}
	for _, r := range srv.reqs {
		if !strings.Contains(r.UserAgent, "parallax") || !strings.Contains(r.UserAgent, "https://") {
			t.Fatalf("user agent %q does not name parallax with a contact URL", r.UserAgent)
		}
	}
	n, _ := l.Count(ctx)
	if n != 2 {
		t.Errorf("%d articles in the library, want 2", n)
	}
	infos, _ := l.infos(ctx, "")
	for _, in := range infos {
		if strings.Contains(in.Source, "utm_") || in.Outlet != "Example" {
			t.Errorf("article %s: source %q outlet %q", in.ID, in.Source, in.Outlet)
		}
	}
}

// TestRetryAfter checks that a host that answered 429 with Retry-After gets
// no request before that time, in this run or the next.
func TestRetryAfter(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "lib.db")
	l, err := Open(path, Options{Outlets: corpus.ShippedOutlets()})
	if err != nil {
		t.Fatal(err)
	}
	busy := newRecorder(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "3600")
		w.WriteHeader(http.StatusTooManyRequests)
	})
	good := newsSite(t)
	l.AddFeed(ctx, busy.URL+"/feed.xml", "")
	l.AddFeed(ctx, good.URL+"/feed.xml", "")
	rep, err := l.Update(ctx, UpdateOptions{Fetcher: testFetcher()})
	if err != nil {
		t.Fatal(err)
	}
	if rep.New != 2 {
		t.Errorf("the good feed gave %d new articles, want 2", rep.New)
	}
	var failed *FeedReport
	for i := range rep.Feeds {
		if strings.HasPrefix(rep.Feeds[i].URL, busy.URL) {
			failed = &rep.Feeds[i]
		}
	}
	if failed == nil || failed.Status != "failed" || !strings.Contains(failed.Error, "429") {
		t.Fatalf("the busy feed is not reported failed with its 429: %+v", failed)
	}
	if _, err := l.Update(ctx, UpdateOptions{Fetcher: testFetcher(), All: true}); err != nil {
		t.Fatal(err)
	}
	l.Close()
	l, err = Open(path, Options{Outlets: corpus.ShippedOutlets()})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if _, err := l.Update(ctx, UpdateOptions{Fetcher: testFetcher(), All: true}); err != nil {
		t.Fatal(err)
	}
	if n := busy.count(); n != 1 {
		t.Errorf("the host that asked to wait an hour got %d requests, want 1", n)
	}
}

package library

import (
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// page is an article page with enough text to extract.
func page(title string, paras ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>%s</title></head><body>\n<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\n<article><h1>%s</h1>\n",
		html.EscapeString(title), html.EscapeString(title))
	for _, p := range paras {
		fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(p))
	}
	b.WriteString("</article><footer>© 2026</footer></body></html>\n")
	return b.String()
}

// story returns paragraphs of a plausible article about a subject.
func story(subject string, n int) []string {
	var out []string
	for i := 0; i < 4; i++ {
		out = append(out, fmt.Sprintf("The %s delegation met officials in the capital on Tuesday, and %d people attended the talks about %s, the ministry said in a statement issued after the meeting ended late in the evening.", subject, n+i, subject))
	}
	return out
}

// rssFeed is an RSS 2.0 feed of items (title, link, guid).
func rssFeed(title string, items ...[3]string) string {
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>" + title + "</title><link>https://example.org/</link>\n")
	for _, it := range items {
		fmt.Fprintf(&b, "<item><title>%s</title><link>%s</link><guid>%s</guid><pubDate>Tue, 06 Jan 2026 10:00:00 +0000</pubDate></item>\n", it[0], it[1], it[2])
	}
	b.WriteString("</channel></rss>\n")
	return b.String()
}

// request is one request a recording server saw.
type request struct {
	Path            string
	IfNoneMatch     string
	IfModifiedSince string
	UserAgent       string
	At              time.Time
}

// recorder is a test server that records its requests and the most it
// served at once.
type recorder struct {
	*httptest.Server
	mu       sync.Mutex
	reqs     []request
	inFlight int
	maxSeen  int
}

func newRecorder(t *testing.T, h http.HandlerFunc) *recorder {
	t.Helper()
	r := &recorder{}
	r.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, q *http.Request) {
		r.mu.Lock()
		r.inFlight++
		r.maxSeen = max(r.maxSeen, r.inFlight)
		r.reqs = append(r.reqs, request{Path: q.URL.RequestURI(), IfNoneMatch: q.Header.Get("If-None-Match"),
			IfModifiedSince: q.Header.Get("If-Modified-Since"), UserAgent: q.Header.Get("User-Agent"), At: time.Now()})
		r.mu.Unlock()
		time.Sleep(5 * time.Millisecond) // long enough for overlapping requests to show
		h(w, q)
		r.mu.Lock()
		r.inFlight--
		r.mu.Unlock()
	}))
	t.Cleanup(r.Close)
	return r
}

// requests returns the requests made to a path.
func (r *recorder) requests(path string) []request {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []request
	for _, q := range r.reqs {
		if q.Path == path {
			out = append(out, q)
		}
	}
	return out
}

func (r *recorder) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.reqs)
}

// testFetcher is a fetcher for test servers: no pause between requests.
func testFetcher() *Fetcher {
	return &Fetcher{HostDelay: time.Millisecond, MaxWait: 2 * time.Second}
}

package library

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/temoto/robotstxt"
)

// robotsAgent is the product token parallax matches in robots.txt groups.
const robotsAgent = "parallax"

// maxCrawlDelay caps the Crawl-delay a robots.txt may ask for.
const maxCrawlDelay = time.Minute

// robotsTTL is how long a host's robots.txt is trusted.
const robotsTTL = 24 * time.Hour

// robotsCache holds each host's robots.txt rules.
type robotsCache struct {
	mu    sync.Mutex
	hosts map[string]robotsEntry
}

type robotsEntry struct {
	data    *robotstxt.RobotsData
	fetched time.Time
}

// Allowed reports whether robots.txt lets parallax fetch an article page.
// The host's robots.txt is fetched politely (through the same per-host
// gate) and kept for a day. A missing robots.txt (4xx) allows everything;
// a server error (5xx) or an unreachable host disallows everything for now,
// as the robots.txt standard (RFC 9309) says.
func (f *Fetcher) Allowed(ctx context.Context, page string) (bool, error) {
	u, err := url.Parse(page)
	if err != nil || u.Host == "" {
		return false, fmt.Errorf("%s: not an http or https address", page)
	}
	key := strings.ToLower(u.Scheme + "://" + u.Host)
	f.mu.Lock()
	if f.robots == nil {
		f.robots = &robotsCache{hosts: map[string]robotsEntry{}}
	}
	rc := f.robots
	f.mu.Unlock()
	rc.mu.Lock()
	e, ok := rc.hosts[key]
	rc.mu.Unlock()
	if !ok || f.now().Sub(e.fetched) > robotsTTL {
		resp, err := f.Get(ctx, key+"/robots.txt", "", "", "text/plain")
		status := 0
		var body []byte
		if resp != nil {
			status, body = resp.Status, resp.Body
		}
		switch {
		case errors.Is(err, ErrWait):
			return false, err
		case err != nil && status == 0:
			status = 503 // unreachable: assume the worst, for now
		}
		data, perr := robotstxt.FromStatusAndBytes(status, body)
		if perr != nil {
			data, _ = robotstxt.FromStatusAndBytes(404, nil) // unparseable: as if absent
		}
		e = robotsEntry{data: data, fetched: f.now()}
		if g := data.FindGroup(robotsAgent); g != nil && g.CrawlDelay > 0 {
			f.setCrawlDelay(strings.ToLower(u.Host), min(g.CrawlDelay, maxCrawlDelay))
		}
		rc.mu.Lock()
		rc.hosts[key] = e
		rc.mu.Unlock()
	}
	path := u.EscapedPath()
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	if path == "" {
		path = "/"
	}
	return e.data.TestAgent(path, robotsAgent), nil
}

// GetPage fetches an article page when robots.txt allows it; a disallowed
// page is not requested and the error wraps ErrRobots.
func (f *Fetcher) GetPage(ctx context.Context, page, etag, lastModified string) (*Response, error) {
	ok, err := f.Allowed(ctx, page)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("%s: %w", page, ErrRobots)
	}
	return f.Get(ctx, page, etag, lastModified, "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
}

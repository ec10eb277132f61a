package library

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/parallax-reader/parallax/corpus"
)

// DefaultUserAgent names parallax and where to read about it, as polite
// crawlers do; Fetcher.UserAgent replaces it.
const DefaultUserAgent = "parallax/1 (+https://github.com/parallax-reader/parallax; news comparison reader)"

// MaxPageBytes is the default size limit of one response, after
// decompression.
const MaxPageBytes = 10 << 20

// maxRedirects is how many redirects a request follows.
const maxRedirects = 5

// Errors a fetch can end with, wrapped with the address.
var (
	ErrTooLarge     = errors.New("the response is over the size limit")
	ErrRobots       = errors.New("robots.txt disallows it")
	ErrWait         = errors.New("the server asked to wait (Retry-After)")
	ErrRedirects    = errors.New("too many redirects (a redirect loop?)")
	ErrStatus       = errors.New("the server answered with an error")
	ErrContentType  = errors.New("unexpected content type")
	ErrDecompressed = errors.New("the compressed response expands past the size limit (a decompression bomb?)")
)

// Response is what one polite request got.
type Response struct {
	URL         string // after redirects
	Status      int
	ContentType string
	Body        []byte // decompressed, not decoded from its charset
	// ETag and LastModified are the validators to send next time.
	ETag, LastModified string
	NotModified        bool // 304: the validators matched
	Conditional        bool // validators were sent
	// MaxAge is the freshness Cache-Control gave (0: none).
	MaxAge time.Duration
	// RetryAfter is when the server said to come back (429 and 503).
	RetryAfter time.Time
}

// Fetcher makes polite HTTP requests: a user agent naming parallax, at
// most one request at a time to a host and a pause between two (longer when
// its robots.txt asks for a Crawl-delay, up to a minute), Retry-After
// obeyed (no request to a host before the time it gave), a size limit that
// also holds for compressed responses, a redirect limit, and robots.txt for
// article pages. It is safe for concurrent use.
type Fetcher struct {
	// UserAgent is sent with every request; "" means DefaultUserAgent.
	UserAgent string
	// MaxBytes limits a response body after decompression; 0 means
	// MaxPageBytes.
	MaxBytes int64
	// HostDelay is the least pause between two requests to one host.
	HostDelay time.Duration
	// MaxWait is the longest a request waits for a host's Retry-After
	// before giving up with ErrWait.
	MaxWait time.Duration
	// Client makes the requests; nil means one with connect, header and
	// total timeouts.
	Client *http.Client
	// Log, when set, is told of every request made.
	Log func(FetchLog)
	// Now is the clock (tests replace it).
	Now func() time.Time

	mu     sync.Mutex
	hosts  map[string]*hostState
	robots *robotsCache
}

// FetchLog is one request, for the library's fetch log.
type FetchLog struct {
	At          time.Time
	URL         string
	Status      int
	Bytes       int
	Duration    time.Duration
	Conditional bool
	Outcome     string
}

// hostState is what the fetcher knows of one host.
type hostState struct {
	gate      chan struct{} // one request at a time
	last      time.Time     // when the last request ended
	notBefore time.Time     // Retry-After
	delay     time.Duration // the host's robots.txt Crawl-delay
}

// setCrawlDelay records the pause a host's robots.txt asks between two
// requests.
func (f *Fetcher) setCrawlDelay(host string, d time.Duration) {
	s := f.host(host)
	s.gate <- struct{}{}
	s.delay = d
	<-s.gate
}

// NewFetcher returns a Fetcher with the defaults: parallax's user agent,
// 10 MB responses, one second between requests to a host, a 30-second
// longest wait.
func NewFetcher() *Fetcher {
	return &Fetcher{HostDelay: time.Second, MaxWait: 30 * time.Second}
}

func (f *Fetcher) now() time.Time {
	if f.Now != nil {
		return f.Now()
	}
	return time.Now()
}

func (f *Fetcher) client() *http.Client {
	if f.Client != nil {
		c := *f.Client
		c.CheckRedirect = checkRedirect
		return &c
	}
	tr := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: 20 * time.Second,
		IdleConnTimeout:       60 * time.Second,
		MaxIdleConnsPerHost:   1,
		DisableCompression:    true, // gzip is read here, under the size limit
	}
	return &http.Client{Transport: tr, Timeout: 60 * time.Second, CheckRedirect: checkRedirect}
}

func checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) >= maxRedirects {
		return ErrRedirects
	}
	return nil
}

func (f *Fetcher) host(h string) *hostState {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.hosts == nil {
		f.hosts = map[string]*hostState{}
	}
	s := f.hosts[h]
	if s == nil {
		s = &hostState{gate: make(chan struct{}, 1)}
		f.hosts[h] = s
	}
	return s
}

// SetNotBefore records that a host asked not to be asked before t (a
// Retry-After remembered from an earlier run).
func (f *Fetcher) SetNotBefore(host string, t time.Time) {
	s := f.host(strings.ToLower(host))
	s.gate <- struct{}{}
	if t.After(s.notBefore) {
		s.notBefore = t
	}
	<-s.gate
}

// NotBefore returns when a host may next be asked (zero: any time).
func (f *Fetcher) NotBefore(host string) time.Time {
	s := f.host(strings.ToLower(host))
	s.gate <- struct{}{}
	defer func() { <-s.gate }()
	return s.notBefore
}

// Waits returns the hosts that asked to be left alone, and until when.
func (f *Fetcher) Waits() map[string]time.Time {
	f.mu.Lock()
	hosts := make(map[string]*hostState, len(f.hosts))
	for h, s := range f.hosts {
		hosts[h] = s
	}
	f.mu.Unlock()
	out := map[string]time.Time{}
	for h, s := range hosts {
		s.gate <- struct{}{}
		if !s.notBefore.IsZero() {
			out[h] = s.notBefore
		}
		<-s.gate
	}
	return out
}

// Get fetches an address, sending etag and lastModified back when given
// (a conditional request). A 304 answer has NotModified set and no body.
// Statuses other than 200 and 304 are errors (wrapping ErrStatus, or
// ErrWait for 429 and 503 with Retry-After); the Response is returned with
// them.
func (f *Fetcher) Get(ctx context.Context, addr, etag, lastModified, accept string) (*Response, error) {
	u, err := url.Parse(addr)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("%s: not an http or https address", addr)
	}
	hs := f.host(strings.ToLower(u.Host))
	select {
	case hs.gate <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-hs.gate }()
	wait := time.Duration(0)
	if !hs.last.IsZero() {
		wait = hs.last.Add(max(f.HostDelay, hs.delay)).Sub(f.now())
	}
	if w := hs.notBefore.Sub(f.now()); w > wait {
		if w > f.MaxWait {
			return nil, fmt.Errorf("%s: %w until %s", addr, ErrWait, hs.notBefore.UTC().Format(time.RFC3339))
		}
		wait = w
	}
	if wait > 0 {
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return nil, ctx.Err()
		}
	}
	start := f.now()
	resp, err := f.do(ctx, addr, etag, lastModified, accept)
	hs.last = f.now()
	entry := FetchLog{At: start, URL: addr, Duration: hs.last.Sub(start), Conditional: etag != "" || lastModified != ""}
	if resp != nil {
		entry.Status, entry.Bytes = resp.Status, len(resp.Body)
		if !resp.RetryAfter.IsZero() && resp.RetryAfter.After(hs.notBefore) {
			hs.notBefore = resp.RetryAfter
		}
	}
	if err != nil {
		entry.Outcome = err.Error()
	} else if resp.NotModified {
		entry.Outcome = "not modified"
	} else {
		entry.Outcome = "ok"
	}
	if f.Log != nil {
		f.Log(entry)
	}
	return resp, err
}

// do makes one request and reads its answer under the size limit.
func (f *Fetcher) do(ctx context.Context, addr, etag, lastModified, accept string) (*Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, addr, nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", addr, err)
	}
	ua := f.UserAgent
	if ua == "" {
		ua = DefaultUserAgent
	}
	req.Header.Set("User-Agent", ua)
	req.Header.Set("Accept-Encoding", "gzip")
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	if etag != "" {
		req.Header.Set("If-None-Match", etag)
	}
	if lastModified != "" {
		req.Header.Set("If-Modified-Since", lastModified)
	}
	hr, err := f.client().Do(req)
	if err != nil {
		if errors.Is(err, ErrRedirects) {
			return nil, fmt.Errorf("%s: %w", addr, ErrRedirects)
		}
		return nil, fmt.Errorf("%s: %w", addr, err)
	}
	defer hr.Body.Close()
	r := &Response{URL: hr.Request.URL.String(), Status: hr.StatusCode, ContentType: hr.Header.Get("Content-Type"),
		ETag: hr.Header.Get("ETag"), LastModified: hr.Header.Get("Last-Modified"), Conditional: etag != "" || lastModified != ""}
	r.MaxAge = maxAge(hr.Header.Get("Cache-Control"))
	switch hr.StatusCode {
	case http.StatusOK:
	case http.StatusNotModified:
		r.NotModified = true
		if r.ETag == "" {
			r.ETag = etag
		}
		if r.LastModified == "" {
			r.LastModified = lastModified
		}
		return r, nil
	case http.StatusTooManyRequests, http.StatusServiceUnavailable:
		r.RetryAfter = retryAfter(hr.Header.Get("Retry-After"), f.now())
		if r.RetryAfter.IsZero() {
			r.RetryAfter = f.now().Add(DefaultFeedInterval)
		}
		return r, fmt.Errorf("%s: %w: %d %s; not asking again before %s", addr, ErrWait, hr.StatusCode, http.StatusText(hr.StatusCode),
			r.RetryAfter.UTC().Format(time.RFC3339))
	default:
		return r, fmt.Errorf("%s: %w: %d %s", addr, ErrStatus, hr.StatusCode, http.StatusText(hr.StatusCode))
	}
	limit := f.MaxBytes
	if limit <= 0 {
		limit = MaxPageBytes
	}
	if hr.ContentLength > limit {
		return r, fmt.Errorf("%s: %w (%s, the limit is %s)", addr, ErrTooLarge, corpus.HumanBytes(hr.ContentLength), corpus.HumanBytes(limit))
	}
	body, err := io.ReadAll(io.LimitReader(hr.Body, limit+1))
	if err != nil {
		return r, fmt.Errorf("%s: read the response: %w", addr, err)
	}
	if int64(len(body)) > limit {
		return r, fmt.Errorf("%s: %w (the limit is %s)", addr, ErrTooLarge, corpus.HumanBytes(limit))
	}
	if strings.EqualFold(strings.TrimSpace(hr.Header.Get("Content-Encoding")), "gzip") || bytes.HasPrefix(body, []byte{0x1f, 0x8b}) {
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			return r, fmt.Errorf("%s: the gzip response is broken: %w", addr, err)
		}
		plain, err := io.ReadAll(io.LimitReader(zr, limit+1))
		if err != nil {
			return r, fmt.Errorf("%s: the gzip response is broken: %w", addr, err)
		}
		if int64(len(plain)) > limit {
			return r, fmt.Errorf("%s: %w (the limit is %s)", addr, ErrDecompressed, corpus.HumanBytes(limit))
		}
		body = plain
	}
	r.Body = body
	return r, nil
}

// retryAfter reads a Retry-After header: seconds or an HTTP date.
func retryAfter(v string, now time.Time) time.Time {
	v = strings.TrimSpace(v)
	if v == "" {
		return time.Time{}
	}
	if n, err := strconv.Atoi(v); err == nil && n >= 0 {
		return now.Add(time.Duration(n) * time.Second)
	}
	if t, err := http.ParseTime(v); err == nil {
		return t
	}
	return time.Time{}
}

// maxAge reads the freshness of a Cache-Control header (max-age or
// s-maxage), capped at a day; 0 when it gives none.
func maxAge(cc string) time.Duration {
	for _, part := range strings.Split(cc, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(strings.ToLower(part)), "=")
		if !ok || (k != "max-age" && k != "s-maxage") {
			continue
		}
		if n, err := strconv.Atoi(strings.Trim(v, `"`)); err == nil && n > 0 {
			return min(time.Duration(n)*time.Second, maxBackoff)
		}
	}
	return 0
}

// mediaType is the lower-case media type of a Content-Type header.
func mediaType(ct string) string {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return strings.ToLower(strings.TrimSpace(strings.SplitN(ct, ";", 2)[0]))
	}
	return mt
}

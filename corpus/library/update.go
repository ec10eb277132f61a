package library

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/parallax-reader/parallax/corpus"
)

// UpdateOptions tunes Update. The zero value is usable.
type UpdateOptions struct {
	// All checks every feed and every article still on the re-check
	// schedule, due or not (still obeying per-host limits, robots.txt
	// and Retry-After).
	All bool
	// Workers is how many hosts are fetched from at once; 0 means 4.
	Workers int
	// Fetcher makes the requests; nil means NewFetcher().
	Fetcher *Fetcher
	// MaxItems is the most new items taken from one feed in one run; 0
	// means 100.
	MaxItems int
	// MaxRechecks is the most articles re-checked in one run; 0 means 500.
	MaxRechecks int
	// Progress, when set, is called after each feed or article checked.
	// It is never called concurrently.
	Progress func(done, total int)
}

// UpdateReport is what an update did.
type UpdateReport struct {
	Feeds     []FeedReport `json:"feeds"`
	Rechecked int          `json:"rechecked"`
	New       int          `json:"new"`
	Edited    int          `json:"edited"`
	Unchanged int          `json:"unchanged"`
	Suspect   int          `json:"suspect"`
	Problems  []Problem    `json:"problems"`
	// Added are the ids of the new articles.
	Added []string `json:"added"`
}

// FeedReport is one feed's part of an update.
type FeedReport struct {
	URL    string `json:"url"`
	Outlet string `json:"outlet"`
	// Status is "ok", "not modified" or "failed".
	Status string `json:"status"`
	Items  int    `json:"items"`
	New    int    `json:"new"`
	Error  string `json:"error,omitempty"`
	// Failing is set when the feed has failed three times in a row.
	Failing bool `json:"failing,omitempty"`
	// Note says how an address that answered with a web page was read:
	// through the feed the page names, or as a listing of articles.
	Note string `json:"note,omitempty"`
}

// Problem is an address that could not be fetched or stored, and why.
type Problem struct {
	URL     string `json:"url"`
	Message string `json:"message"`
}

// job is one fetch of an update: a feed, or an article to re-check.
type job struct {
	feed    *FeedInfo
	article string // article id
	url     string
}

// feedFlush is how many fetched pages of a feed are stored at a time.
const feedFlush = 8

// feedAccept is the Accept header of feed requests.
const feedAccept = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1"

// Update fetches every due feed (every feed with opts.All), stores the
// items it does not know, and re-checks the articles due for it. Requests
// go out through a bounded pool of workers, one host per worker, so a host
// never gets two requests at once. A feed that fails waits longer each time
// (doubling from its interval to a day, with jitter); a Retry-After is kept
// in the library so that later runs obey it too. The error is for the
// library failing or ctx being cancelled; everything else is in the report.
func (l *Library) Update(ctx context.Context, opts UpdateOptions) (*UpdateReport, error) {
	if l.db == nil {
		return nil, l.closedErr()
	}
	f := opts.Fetcher
	if f == nil {
		f = NewFetcher()
	}
	if f.Now == nil {
		f.Now = l.now
	}
	f.Log = func(e FetchLog) { l.logFetch(context.WithoutCancel(ctx), e, 0) }
	waits, err := l.hostWaits(ctx)
	if err != nil {
		return nil, fmt.Errorf("read library %s: %w", l.path, err)
	}
	for h, t := range waits {
		f.SetNotBefore(h, t)
	}
	now := l.now()
	feeds, err := l.Feeds(ctx)
	if err != nil {
		return nil, err
	}
	var jobs []job
	for i := range feeds {
		fd := &feeds[i]
		if opts.All || fd.NextCheck == nil || !fd.NextCheck.After(now) {
			jobs = append(jobs, job{feed: fd, url: fd.URL})
		}
	}
	maxRe := opts.MaxRechecks
	if maxRe <= 0 {
		maxRe = 500
	}
	q := "SELECT id, url FROM articles WHERE next_check <> '' AND url <> '' AND next_check <= ? ORDER BY next_check LIMIT ?"
	cutoff := formatTime(now)
	if opts.All {
		cutoff = "9999"
	}
	rows, err := l.db.QueryContext(ctx, q, cutoff, maxRe)
	if err != nil {
		return nil, fmt.Errorf("read library %s: %w", l.path, err)
	}
	for rows.Next() {
		var id, u string
		if err := rows.Scan(&id, &u); err != nil {
			rows.Close()
			return nil, err
		}
		jobs = append(jobs, job{article: id, url: u})
	}
	rows.Close()
	rep := &UpdateReport{Feeds: []FeedReport{}, Problems: []Problem{}, Added: []string{}}
	var mu sync.Mutex // guards rep and the progress count
	done := 0
	finish := func() {
		done++
		if opts.Progress != nil {
			opts.Progress(done, len(jobs))
		}
	}
	rng := rand.New(rand.NewPCG(uint64(now.UnixNano()), 1))
	var rngMu sync.Mutex
	jitter := func(interval time.Duration, n int) time.Duration {
		rngMu.Lock()
		defer rngMu.Unlock()
		return backoff(interval, n, rng)
	}
	var fatal error
	l.runByHost(ctx, jobs, opts.Workers, func(j job) {
		if j.feed != nil {
			fr, added, probs, err := l.updateFeed(ctx, f, *j.feed, opts, jitter)
			mu.Lock()
			defer mu.Unlock()
			if err != nil && fatal == nil {
				fatal = err
			}
			rep.Feeds = append(rep.Feeds, fr)
			rep.New += fr.New
			rep.Added = append(rep.Added, added...)
			rep.Problems = append(rep.Problems, probs...)
			finish()
			return
		}
		res, err := l.recheck(ctx, f, j)
		mu.Lock()
		defer mu.Unlock()
		if err != nil && fatal == nil {
			fatal = err
		}
		rep.Rechecked++
		switch res.Outcome {
		case OutcomeEdited:
			rep.Edited++
		case OutcomeUnchanged:
			rep.Unchanged++
		case OutcomeSuspect:
			rep.Suspect++
			rep.Problems = append(rep.Problems, Problem{URL: j.url, Message: res.Reason})
		case OutcomeFailed:
			rep.Problems = append(rep.Problems, Problem{URL: j.url, Message: res.Reason})
		}
		finish()
	})
	for h, t := range f.Waits() {
		if t.After(l.now()) {
			if err := l.saveHostWait(context.WithoutCancel(ctx), h, t); err != nil && fatal == nil {
				fatal = fmt.Errorf("write library %s: %w", l.path, err)
			}
		}
	}
	if err := l.pruneFetchLog(context.WithoutCancel(ctx)); err != nil && fatal == nil {
		fatal = fmt.Errorf("write library %s: %w", l.path, err)
	}
	sort.SliceStable(rep.Feeds, func(i, k int) bool { return rep.Feeds[i].URL < rep.Feeds[k].URL })
	if fatal == nil {
		fatal = ctx.Err()
	}
	return rep, fatal
}

// runByHost runs jobs with a bounded pool of workers: each worker takes
// all of one host's jobs in turn, so no host sees two at once.
func (l *Library) runByHost(ctx context.Context, jobs []job, workers int, run func(job)) {
	byHost := map[string][]job{}
	var hosts []string
	for _, j := range jobs {
		h := j.url
		if u, err := url.Parse(j.url); err == nil {
			h = strings.ToLower(u.Host)
		}
		if _, ok := byHost[h]; !ok {
			hosts = append(hosts, h)
		}
		byHost[h] = append(byHost[h], j)
	}
	if workers <= 0 {
		workers = 4
	}
	queue := make(chan []job)
	var wg sync.WaitGroup
	for range min(workers, max(len(hosts), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for js := range queue {
				for _, j := range js {
					if ctx.Err() != nil {
						break
					}
					run(j)
				}
			}
		}()
	}
	for _, h := range hosts {
		select {
		case queue <- byHost[h]:
		case <-ctx.Done():
		}
	}
	close(queue)
	wg.Wait()
}

// updateFeed fetches one feed and stores its new items. The error is for
// the library failing.
func (l *Library) updateFeed(ctx context.Context, f *Fetcher, fd FeedInfo, opts UpdateOptions, jitter func(time.Duration, int) time.Duration) (FeedReport, []string, []Problem, error) {
	fr := FeedReport{URL: fd.URL, Outlet: fd.Outlet}
	interval := time.Duration(fd.Interval) * time.Second
	if interval <= 0 {
		interval = DefaultFeedInterval
	}
	fail := func(msg string, next time.Time) (FeedReport, []string, []Problem, error) {
		fr.Status, fr.Error = "failed", msg
		fr.Failing = fd.Failures+1 >= 3
		if b := l.now().Add(jitter(interval, fd.Failures+1)); b.After(next) {
			next = b
		}
		return fr, nil, []Problem{{URL: fd.URL, Message: msg}}, l.feedFailed(context.WithoutCancel(ctx), fd, msg, next)
	}
	r, err := f.Get(ctx, fd.URL, fd.ETag, fd.LastModified, feedAccept)
	if err != nil {
		if ctx.Err() != nil {
			return fr, nil, nil, nil
		}
		next := time.Time{}
		if r != nil && !r.RetryAfter.IsZero() {
			next = r.RetryAfter
		} else if errors.Is(err, ErrWait) {
			u, _ := url.Parse(fd.URL)
			next = f.NotBefore(u.Host)
		}
		return fail(err.Error(), next)
	}
	next := l.now().Add(max(interval, r.MaxAge))
	if r.NotModified {
		fr.Status = "not modified"
		return fr, nil, nil, l.feedFetched(context.WithoutCancel(ctx), fd, r, "", 0, next)
	}
	feed, err := ParseFeed(r.Body, r.ContentType, r.URL)
	if errors.Is(err, ErrNotFeed) && isHTMLPage(r.Body, r.ContentType) {
		feed, fr.Note, err = readPage(ctx, f, r, err)
	}
	if err != nil {
		return fail(fmt.Sprintf("%s: %v", fd.URL, err), time.Time{})
	}
	fr.Status, fr.Items = "ok", len(feed.Items)
	maxItems := opts.MaxItems
	if maxItems <= 0 {
		maxItems = 100
	}
	var docs []Document
	var probs []Problem
	var added []string
	taken := 0
	// flush stores the pages fetched so far, so that an interrupted
	// update keeps what it had fetched.
	flush := func() error {
		res, err := l.Put(context.WithoutCancel(ctx), docs)
		if err != nil {
			return err
		}
		for i, r := range res {
			switch r.Outcome {
			case OutcomeNew:
				fr.New++
				added = append(added, r.Article)
			case OutcomeFailed:
				probs = append(probs, Problem{URL: docs[i].URL, Message: r.Reason})
			}
		}
		docs = docs[:0]
		return nil
	}
	for _, it := range feed.Items {
		if taken >= maxItems || ctx.Err() != nil {
			break
		}
		if it.Link == "" {
			probs = append(probs, Problem{URL: fd.URL, Message: fmt.Sprintf("item %q has no link", it.Title)})
			continue
		}
		k, err := lookup(ctx, l.db, CanonicalURL(it.Link), []string{CanonicalURL(it.Link)}, it.GUID)
		if err != nil {
			return fr, nil, probs, fmt.Errorf("read library %s: %w", l.path, err)
		}
		if k != nil {
			continue // known: re-checks look for its edits
		}
		d, err := l.fetchArticle(ctx, f, it.Link)
		if err != nil {
			probs = append(probs, Problem{URL: it.Link, Message: err.Error()})
			continue
		}
		d.GUID, d.FeedID = it.GUID, fd.ID
		d.Outlet = corpus.FirstNonEmpty(fd.Outlet, d.Outlet)
		if d.Title == "" {
			d.Title = it.Title
		}
		if d.Published == nil {
			d.Published = it.Published
		}
		if d.Author == "" {
			d.Author = it.Author
		}
		docs = append(docs, d)
		taken++
		if len(docs) == feedFlush {
			if err := flush(); err != nil {
				return fr, added, probs, err
			}
		}
	}
	if err := flush(); err != nil {
		return fr, added, probs, err
	}
	return fr, added, probs, l.feedFetched(context.WithoutCancel(ctx), fd, r, cleanLine(feed.Title), len(feed.Items), next)
}

// fetchArticle fetches an article page (robots.txt permitting) and
// extracts its text.
func (l *Library) fetchArticle(ctx context.Context, f *Fetcher, addr string) (Document, error) {
	r, err := f.GetPage(ctx, addr, "", "")
	if err != nil {
		return Document{}, err
	}
	mt := mediaType(r.ContentType)
	if mt != "" && mt != "text/html" && mt != "application/xhtml+xml" && mt != "text/plain" {
		return Document{}, fmt.Errorf("%s: %w: %s, not a web page", addr, ErrContentType, mt)
	}
	ex, err := Extract(r.Body, r.URL, r.ContentType, l.rules())
	if err != nil {
		return Document{}, fmt.Errorf("%s: %v", addr, err)
	}
	return Document{URL: r.URL, Canonical: ex.Canonical, Title: ex.Title, Author: ex.Author, Language: ex.Language,
		Outlet: ex.SiteName, Published: ex.Published, Text: ex.Text, Raw: r.Body, RawType: mt, Status: r.Status,
		Fetched: l.now(), Extractor: ex.Extractor, ExtractorVersion: ExtractorVersion}, nil
}

// recheck fetches a stored article again and stores a new version when
// its text changed. The error is for the library failing.
func (l *Library) recheck(ctx context.Context, f *Fetcher, j job) (Result, error) {
	d, err := l.fetchArticle(ctx, f, j.url)
	if err != nil {
		if ctx.Err() != nil {
			return Result{Article: j.article, Outcome: OutcomeFailed, Reason: err.Error()}, nil
		}
		// Not an edit: the check is counted and retried on schedule.
		l.mu.Lock()
		_, werr := l.db.ExecContext(context.WithoutCancel(ctx), `UPDATE articles SET check_failures = check_failures + 1, last_checked = ?,
			next_check = CASE WHEN check_failures >= 5 THEN '' ELSE ? END WHERE id = ?`,
			formatTime(l.now()), formatTime(l.now().Add(time.Hour)), j.article)
		l.mu.Unlock()
		outcome := OutcomeFailed
		if errors.Is(err, ErrStatus) {
			outcome = OutcomeSuspect
		}
		return Result{Article: j.article, Outcome: outcome, Reason: err.Error()}, werr
	}
	res, err := l.Put(context.WithoutCancel(ctx), []Document{d})
	if err != nil {
		return Result{}, err
	}
	return res[0], nil
}

// fetchLogDays is how long the fetch log keeps a request.
const fetchLogDays = 30

// pruneFetchLog drops the requests older than fetchLogDays.
func (l *Library) pruneFetchLog(ctx context.Context) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	_, err := l.db.ExecContext(ctx, "DELETE FROM fetch_log WHERE at < ?", formatTime(l.now().AddDate(0, 0, -fetchLogDays)))
	return err
}

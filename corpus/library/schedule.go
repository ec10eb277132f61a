package library

import (
	"math/rand/v2"
	"time"
)

// recheck is the schedule for checking an article for edits, after
// NewsDiffs: often while it is new, rarely when it is old, and not at all
// after a month.
var recheck = []struct {
	age, every time.Duration
}{
	{3 * time.Hour, 15 * time.Minute},
	{24 * time.Hour, time.Hour},
	{7 * 24 * time.Hour, 3 * time.Hour},
	{30 * 24 * time.Hour, 24 * time.Hour},
}

// nextCheck is when an article that appeared at base, checked at now,
// should be checked again; the zero time when never.
func nextCheck(base, now time.Time) time.Time {
	if base.IsZero() || base.After(now) {
		base = now
	}
	age := now.Sub(base)
	for _, r := range recheck {
		if age < r.age {
			return now.Add(r.every)
		}
	}
	return time.Time{}
}

// DefaultFeedInterval is the least time between two fetches of one feed.
const DefaultFeedInterval = 15 * time.Minute

// maxBackoff caps the wait after repeated failures.
const maxBackoff = 24 * time.Hour

// backoff is how long to wait after the n-th failure in a row (n ≥ 1):
// the interval doubled for each failure, up to a day, with ±20% jitter so
// that feeds failing together do not come back together.
func backoff(interval time.Duration, n int, rng *rand.Rand) time.Duration {
	if interval <= 0 {
		interval = DefaultFeedInterval
	}
	d := interval
	for i := 1; i < n && d < maxBackoff; i++ {
		d *= 2
	}
	d = min(d, maxBackoff)
	j := 0.8 + 0.4*rng.Float64()
	return min(time.Duration(float64(d)*j), maxBackoff)
}

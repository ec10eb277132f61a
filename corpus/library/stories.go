package library

import (
	"cmp"
	"context"
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
)

// The story grouper is rebuilt, once per process, from the articles first
// seen in the last StoryWindow (at most StoryWindowMax of them, the most
// recent): stories are events reported within days of one another, and
// rebuilding the grouper from a whole library of years would take minutes
// (on 50,000 generated articles a year, a week's 960 take 1.5 to 3 s).
// Older articles keep the story they were given.
const (
	StoryWindow    = 7 * 24 * time.Hour
	StoryWindowMax = 3000
)

// storyState is the incremental story assignment of this process.
type storyState struct {
	g        *compare.Grouper
	in       map[string]bool      // articles added to g
	assigned map[string][2]string // article → story, thread as stored
	built    time.Duration        // how long building it took
}

// assignStories adds new articles to the grouper and stores the story and
// thread of every article whose assignment changed.
func (l *Library) assignStories(ctx context.Context, arts []*corpus.Article) error {
	l.groupMu.Lock()
	defer l.groupMu.Unlock()
	if err := l.ensureGrouper(ctx); err != nil {
		return err
	}
	st := l.grouper
	if len(st.in)+len(arts) > 2*StoryWindowMax {
		// A long-running process: start again from the recent window, so
		// the grouper never grows without bound.
		fresh, err := l.buildStories(ctx)
		if err != nil {
			return err
		}
		l.grouper, st = fresh, fresh
	}
	sorted := slices.Clone(arts)
	slices.SortStableFunc(sorted, corpus.ByPublication)
	for _, a := range sorted {
		if st.in[a.ID] {
			continue
		}
		if err := st.g.Add(a); err != nil {
			return fmt.Errorf("assign stories: %w", err)
		}
		st.in[a.ID] = true
	}
	return l.saveStories(ctx, st)
}

// ensureGrouper builds the grouper from the window when this process has
// none yet; groupMu is held.
func (l *Library) ensureGrouper(ctx context.Context) error {
	if l.grouper != nil {
		return nil
	}
	st, err := l.buildStories(ctx)
	if err != nil {
		return err
	}
	l.grouper = st
	return nil
}

// prepareStories builds the grouper before new articles are written, so
// that it is built from the articles before them.
func (l *Library) prepareStories(ctx context.Context) error {
	l.groupMu.Lock()
	defer l.groupMu.Unlock()
	return l.ensureGrouper(ctx)
}

// buildStories makes the grouper from the recent articles of the library.
func (l *Library) buildStories(ctx context.Context) (*storyState, error) {
	start := time.Now()
	g, err := compare.NewGrouper(compare.Options{})
	if err != nil {
		return nil, err
	}
	st := &storyState{g: g, in: map[string]bool{}, assigned: map[string][2]string{}}
	since := formatTime(l.now().Add(-StoryWindow))
	c, err := l.loadLatest(ctx, "WHERE a.first_seen >= ? ORDER BY a.first_seen DESC LIMIT ?", since, StoryWindowMax)
	if err != nil {
		return nil, err
	}
	arts := c.Articles
	slices.SortStableFunc(arts, corpus.ByPublication)
	for _, a := range arts {
		if err := g.Add(a); err != nil {
			return nil, fmt.Errorf("assign stories: %w", err)
		}
		st.in[a.ID] = true
	}
	rows, err := l.db.QueryContext(ctx, "SELECT id, story, thread FROM articles WHERE first_seen >= ?", since)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id, s, t string
		if err := rows.Scan(&id, &s, &t); err != nil {
			return nil, err
		}
		st.assigned[id] = [2]string{s, t}
	}
	st.built = time.Since(start)
	return st, rows.Err()
}

// saveStories writes the assignments that changed.
func (l *Library) saveStories(ctx context.Context, st *storyState) error {
	stories, threadOf := st.g.Stories()
	byThread := map[int][]string{}
	for i, s := range stories {
		byThread[threadOf[i]] = append(byThread[threadOf[i]], s...)
	}
	threadIDs := map[int]string{}
	for t, ids := range byThread {
		threadIDs[t] = "t-" + shortHash(ids)
	}
	type change struct{ id, story, thread string }
	var changes []change
	for i, s := range stories {
		sid := "s-" + shortHash(s)
		tid := threadIDs[threadOf[i]]
		for _, id := range s {
			if st.assigned[id] != [2]string{sid, tid} {
				changes = append(changes, change{id, sid, tid})
			}
		}
	}
	if len(changes) == 0 {
		return nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	tx, err := l.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("write library %s: %w", l.path, err)
	}
	defer tx.Rollback()
	for _, c := range changes {
		if _, err := tx.ExecContext(ctx, "UPDATE articles SET story = ?, thread = ? WHERE id = ?", c.story, c.thread, c.id); err != nil {
			return fmt.Errorf("write library %s: %w", l.path, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("write library %s: %w", l.path, err)
	}
	for _, c := range changes {
		st.assigned[c.id] = [2]string{c.story, c.thread}
	}
	return nil
}

// shortHash is the id hash compare uses: the first 5 bytes of the SHA-1 of
// the sorted ids, one a line.
func shortHash(ids []string) string {
	s := slices.Clone(ids)
	sort.Strings(s)
	h := sha1.Sum([]byte(strings.Join(s, "\n")))
	return hex.EncodeToString(h[:5])
}

// StoryBuildTime reports how long this process took to rebuild the story
// grouper from the library (0 when it has not).
func (l *Library) StoryBuildTime() time.Duration {
	l.groupMu.Lock()
	defer l.groupMu.Unlock()
	if l.grouper == nil {
		return 0
	}
	return l.grouper.built
}

// StoredStory is a story as the library assigned it.
type StoredStory struct {
	ID       string   `json:"id"`
	Thread   string   `json:"thread"`
	Articles []string `json:"articles"` // by publication
	Outlets  []string `json:"outlets"`  // in order of first report
	Label    string   `json:"label"`    // the first article's title
	Start    *time.Time
	End      *time.Time
}

// Stories returns the stories stored for the articles first seen since a
// time (the zero time: all), latest first.
func (l *Library) Stories(ctx context.Context, since time.Time) ([]StoredStory, error) {
	infos, err := l.infos(ctx, "WHERE story <> '' AND first_seen >= ? ORDER BY published, id", formatTime(since))
	if err != nil {
		return nil, err
	}
	return storiesOf(infos), nil
}

// RecentStories returns the records of the articles first seen most
// recently (at most max of them, 0 for all: those Corpus returns with the
// same Max), oldest first, and the stories stored for them, latest first.
// It reads no text: what the reader shows before it has read and analysed
// the articles. An article with no story stored has none of the stories.
func (l *Library) RecentStories(ctx context.Context, max int) ([]StoredStory, []Info, error) {
	where := "ORDER BY first_seen DESC, num DESC"
	var args []any
	if max > 0 {
		where += " LIMIT ?"
		args = append(args, max)
	}
	infos, err := l.infos(ctx, where, args...)
	if err != nil {
		return nil, nil, err
	}
	slices.Reverse(infos)
	byPub := make([]Info, 0, len(infos))
	for _, in := range infos {
		if in.Story != "" {
			byPub = append(byPub, in)
		}
	}
	// As Stories reads them: by publication (undated first), then id.
	slices.SortStableFunc(byPub, func(a, b Info) int {
		switch {
		case a.Published == nil && b.Published != nil:
			return -1
		case a.Published != nil && b.Published == nil:
			return 1
		case a.Published != nil && !a.Published.Equal(*b.Published):
			return a.Published.Compare(*b.Published)
		}
		return cmp.Compare(a.ID, b.ID)
	})
	return storiesOf(byPub), infos, nil
}

// storiesOf gathers the records of articles, by publication, into their
// stories, latest first.
func storiesOf(infos []Info) []StoredStory {
	byID := map[string]*StoredStory{}
	var order []string
	for _, in := range infos {
		s := byID[in.Story]
		if s == nil {
			s = &StoredStory{ID: in.Story, Thread: in.Thread, Label: in.Title}
			byID[in.Story] = s
			order = append(order, in.Story)
		}
		s.Articles = append(s.Articles, in.ID)
		if !slices.Contains(s.Outlets, in.Outlet) && in.Outlet != "" {
			s.Outlets = append(s.Outlets, in.Outlet)
		}
		if p := in.Published; p != nil {
			if s.Start == nil || p.Before(*s.Start) {
				s.Start = p
			}
			if s.End == nil || p.After(*s.End) {
				s.End = p
			}
		}
	}
	out := make([]StoredStory, 0, len(order))
	for _, id := range order {
		out = append(out, *byID[id])
	}
	slices.SortStableFunc(out, func(a, b StoredStory) int {
		switch {
		case a.End == nil && b.End != nil:
			return 1
		case a.End != nil && b.End == nil:
			return -1
		case a.End != nil && !a.End.Equal(*b.End):
			return b.End.Compare(*a.End)
		}
		return cmp.Compare(a.ID, b.ID)
	})
	return out
}

package ui

import (
	"fmt"
	"slices"

	"github.com/parallax-reader/parallax/corpus/compare"
)

// What the reader has open: everything, one thread or one story, and how
// the header, the status line and the Stories view name it. Opening a
// story or a thread runs in the background (tasks.go); the read, facts
// and outlets views then cover only what is open.

// scopeKind says what a scope is.
type scopeKind int

const (
	scopeAll scopeKind = iota
	scopeThread
	scopeStory
)

// scope is what the reader has open.
type scope struct {
	kind     scopeKind
	id       string   // story or thread id
	articles []string // article ids; nil for everything
}

// openScopeMsg asks the root to open a story or thread (or everything).
type openScopeMsg struct{ sc scope }

// everything reports whether sc covers the whole corpus of all: there is
// nothing to cut down.
func (sc scope) everything(all *Data) bool {
	return sc.kind == scopeAll || len(sc.articles) >= len(all.Corpus.Articles)
}

// storyScope and threadScope are the scopes of a story and a thread.
func storyScope(res *compare.Result, st compare.Story) scope {
	return scope{kind: scopeStory, id: st.ID, articles: slices.Clone(st.Articles)}
}

func threadScope(res *compare.Result, th compare.Thread) scope {
	ids, _ := res.ScopeArticles(th.ID)
	return scope{kind: scopeThread, id: th.ID, articles: ids}
}

// storyNumber returns the place (from 1) of story id among all stories, in
// thread order, and their number; 0 when it is not there.
func storyNumber(res *compare.Result, id string) (int, int) {
	n, at := 0, 0
	for _, th := range res.Threads {
		for _, sid := range th.Stories {
			n++
			if sid == id {
				at = n
			}
		}
	}
	return at, n
}

// findStory and findThread look a story or thread up by id.
func findStory(res *compare.Result, id string) (compare.Story, bool) {
	for _, st := range res.Stories {
		if st.ID == id {
			return st, true
		}
	}
	return compare.Story{}, false
}

func findThread(res *compare.Result, id string) (int, compare.Thread, bool) {
	for i, th := range res.Threads {
		if th.ID == id {
			return i, th, true
		}
	}
	return 0, compare.Thread{}, false
}

// scopeTitle names a scope for the header and the status line:
// "story 2/5 · 2019-11-08 · US presents no proof…", "thread 1/2 · …".
func scopeTitle(all *Data, sc scope) string {
	if all == nil || sc.kind == scopeAll || all.Findings.Comparison == nil {
		if all == nil {
			return "everything"
		}
		return oneLine(all.Corpus.Name)
	}
	res := all.Findings.Comparison
	switch sc.kind {
	case scopeStory:
		st, ok := findStory(res, sc.id)
		if !ok {
			return "a story"
		}
		at, n := storyNumber(res, sc.id)
		return fmt.Sprintf("story %d/%d · %s · %s", at, n, storyDates(st), oneLine(st.Label))
	case scopeThread:
		i, th, ok := findThread(res, sc.id)
		if !ok {
			return "a thread"
		}
		return fmt.Sprintf("thread %d/%d · %s · %s", i+1, len(res.Threads), threadDates(res, th), oneLine(th.Label))
	}
	return ""
}

// scopeShort names an open story or thread in a few cells ("story 2/5",
// "thread 1/3"); "" for everything.
func scopeShort(all *Data, sc scope) string {
	if all == nil || all.Findings.Comparison == nil {
		return ""
	}
	res := all.Findings.Comparison
	switch sc.kind {
	case scopeStory:
		if at, n := storyNumber(res, sc.id); at > 0 {
			return fmt.Sprintf("story %d/%d", at, n)
		}
	case scopeThread:
		if i, _, ok := findThread(res, sc.id); ok {
			return fmt.Sprintf("thread %d/%d", i+1, len(res.Threads))
		}
	}
	return ""
}

// storyDates is a story's dates, short: "2023-03-14", "2023-03-14…03-15",
// "2019-01-16…2024-05-23", "undated".
func storyDates(st compare.Story) string {
	if st.Start == nil {
		return "undated"
	}
	end := st.End
	if end == nil {
		end = st.Start
	}
	return dateRange(st.Start.Format("2006-01-02"), end.Format("2006-01-02"))
}

// threadDates is the date range of a thread's stories.
func threadDates(res *compare.Result, th compare.Thread) string {
	return storiesDates(res, th.Stories)
}

// allDates is the date range of every story ("" when none is dated).
func allDates(res *compare.Result) string {
	var ids []string
	for _, th := range res.Threads {
		ids = append(ids, th.Stories...)
	}
	if d := storiesDates(res, ids); d != "undated" {
		return d
	}
	return ""
}

// storiesDates is the date range of some stories, "undated" when none is
// dated.
func storiesDates(res *compare.Result, ids []string) string {
	first, last := "", ""
	for _, id := range ids {
		st, ok := findStory(res, id)
		if !ok || st.Start == nil {
			continue
		}
		s, e := st.Start.Format("2006-01-02"), st.Start.Format("2006-01-02")
		if st.End != nil {
			e = st.End.Format("2006-01-02")
		}
		if first == "" || s < first {
			first = s
		}
		if e > last {
			last = e
		}
	}
	if first == "" {
		return "undated"
	}
	return dateRange(first, last)
}

// dateRange writes two ISO days as a range, dropping what the end shares
// with the start.
func dateRange(a, b string) string {
	switch {
	case a == b:
		return a
	case a[:4] == b[:4]:
		return a + "…" + b[5:]
	}
	return a + "…" + b
}

// reopenScope finds, after the stories were grouped again, the story or
// thread that now holds the first article of sc (everything when none).
func reopenScope(res *compare.Result, sc scope) scope {
	if res == nil || sc.kind == scopeAll || len(sc.articles) == 0 {
		return scope{}
	}
	first := sc.articles[0]
	for _, st := range res.Stories {
		if !slices.Contains(st.Articles, first) {
			continue
		}
		if sc.kind == scopeStory {
			return storyScope(res, st)
		}
		if _, th, ok := findThread(res, st.Thread); ok {
			return threadScope(res, th)
		}
	}
	return scope{}
}

// notHere says where the articles of notes the open data lacks are: not
// loaded, or (a story or thread being open) outside it, perhaps not
// loaded either.
func (c *Context) notHere() string {
	if c.All != nil && c.Data != c.All {
		return "outside the story or thread open"
	}
	return "not loaded now"
}

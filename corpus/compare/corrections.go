package compare

import (
	"fmt"
	"slices"
)

// The kinds of Correction.
const (
	CorrectMove  = "move"  // Article leaves its story for the story of Target
	CorrectMerge = "merge" // the stories of Article and Target become one
	CorrectSplit = "split" // Articles leave their story and form a new one
)

// Correction is a user's fix to the story grouping, made in the reader and
// kept in the notes file. It names articles, not story ids, so it holds
// when other articles are added and the stories' ids change.
type Correction struct {
	Kind     string   `json:"kind"`
	Article  string   `json:"article,omitempty"`
	Target   string   `json:"target,omitempty"`
	Articles []string `json:"articles,omitempty"`
}

// applyCorrections changes the grouping as the corrections say, in their
// order. A correction naming an article not in the corpus is skipped and
// reported; the rest still apply. A story moved or merged into another
// thread joins that thread (threads holding one story merge with it).
func (x *analysis) applyCorrections(g *eventGroups) []string {
	if len(x.opts.Corrections) == 0 {
		return nil
	}
	idx := make(map[string]int32, len(x.c.Articles))
	for i, a := range x.c.Articles {
		idx[a.ID] = int32(i)
	}
	// storyOf by article; stories may be emptied and new ones added.
	storyOf := make([]int, len(x.c.Articles))
	for si, st := range g.stories {
		for _, ai := range st {
			storyOf[ai] = si
		}
	}
	threadOf := slices.Clone(g.threadOf)
	var problems []string
	find := func(id string) (int32, bool) {
		ai, ok := idx[id]
		if !ok {
			problems = append(problems, fmt.Sprintf("story correction names article %q, which is not loaded; skipped", id))
		}
		return ai, ok
	}
	moveThread := func(from, to int) { // every story of thread from joins thread to
		for si := range threadOf {
			if threadOf[si] == from {
				threadOf[si] = to
			}
		}
	}
	for _, cr := range x.opts.Corrections {
		switch cr.Kind {
		case CorrectMove:
			a, ok1 := find(cr.Article)
			t, ok2 := find(cr.Target)
			if ok1 && ok2 {
				storyOf[a] = storyOf[t]
			}
		case CorrectMerge:
			a, ok1 := find(cr.Article)
			t, ok2 := find(cr.Target)
			if !ok1 || !ok2 || storyOf[a] == storyOf[t] {
				continue
			}
			from, to := storyOf[t], storyOf[a]
			if threadOf[from] != threadOf[to] {
				moveThread(threadOf[from], threadOf[to])
			}
			for ai := range storyOf {
				if storyOf[ai] == from {
					storyOf[ai] = to
				}
			}
		case CorrectSplit:
			var arts []int32
			for _, id := range cr.Articles {
				if a, ok := find(id); ok {
					arts = append(arts, a)
				}
			}
			if len(arts) == 0 {
				continue
			}
			ns := len(threadOf)
			threadOf = append(threadOf, threadOf[storyOf[arts[0]]])
			for _, a := range arts {
				storyOf[a] = ns
			}
		default:
			problems = append(problems, fmt.Sprintf("story correction of unknown kind %q; skipped", cr.Kind))
		}
	}
	// Rebuild the groups: stories in order of their first article,
	// threads in order of their first story, empty ones dropped.
	byStory := map[int][]int32{}
	var order []int
	for ai, si := range storyOf {
		if _, ok := byStory[si]; !ok {
			order = append(order, si)
		}
		byStory[si] = append(byStory[si], int32(ai))
	}
	threadIdx := map[int]int{}
	ng := eventGroups{}
	for _, si := range order {
		ti, ok := threadIdx[threadOf[si]]
		if !ok {
			ti = len(ng.threads)
			threadIdx[threadOf[si]] = ti
			ng.threads = append(ng.threads, nil)
		}
		ng.threads[ti] = append(ng.threads[ti], len(ng.stories))
		ng.stories = append(ng.stories, byStory[si])
		ng.threadOf = append(ng.threadOf, ti)
	}
	*g = ng
	return problems
}

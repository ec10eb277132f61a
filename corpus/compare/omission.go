package compare

import (
	"slices"
	"sort"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/lang"
)

// omissions fills, per outlet, the facts that most of the other outlets
// covering them carry and it does not: for a fact of one story, the
// story's outlets; for a recurring claim, the outlets of its whole thread
// (a claim made again and again is part of the thread's narrative), but
// only those that wrote in the thread once the claim was first carried
// are said to leave it out: an outlet whose articles all came before
// cannot have.
func omissions(res *Result, c *corpus.Corpus) {
	outletOf := make(map[string]string, len(c.Articles))
	published := make(map[string]*time.Time, len(c.Articles))
	for _, a := range c.Articles {
		outletOf[a.ID] = a.DisplayOutlet()
		published[a.ID] = a.Published
	}
	// latest[thread][outlet] is the outlet's last dated article in the
	// thread.
	latest := map[string]map[string]time.Time{}
	res.Omissions = []Omission{}
	res.omitted = map[string][]string{}
	scopeOutlets := map[string][]string{} // story or thread id -> outlets
	seen := map[string]map[string]bool{}
	add := func(scope, name string) {
		if seen[scope] == nil {
			seen[scope] = map[string]bool{}
		}
		if !seen[scope][name] {
			seen[scope][name] = true
			scopeOutlets[scope] = append(scopeOutlets[scope], name)
		}
	}
	for _, st := range res.Stories {
		for _, id := range st.Articles {
			if name, ok := outletOf[id]; ok {
				add(st.ID, name)
				add(st.Thread, name)
				if p := published[id]; p != nil {
					if latest[st.Thread] == nil {
						latest[st.Thread] = map[string]time.Time{}
					}
					if t, ok := latest[st.Thread][name]; !ok || p.After(t) {
						latest[st.Thread][name] = *p
					}
				}
			}
		}
	}
	om := map[string][]string{}
	var order []string
	for i := range res.Facts {
		f := &res.Facts[i]
		scope := f.Story
		outlets := scopeOutlets[scope]
		if f.Recurring() {
			scope = f.Thread
			outlets = writingSince(scopeOutlets[scope], f, latest[scope])
		}
		for _, o := range outlets {
			if slices.Contains(f.Outlets, o) {
				continue
			}
			others := len(scopeOutlets[scope]) - 1
			if len(f.Outlets)*2 <= others {
				continue
			}
			if _, ok := om[o]; !ok {
				order = append(order, o)
			}
			om[o] = append(om[o], f.ID)
			res.omitted[o] = append(res.omitted[o], f.Label)
		}
	}
	sort.Strings(order)
	for _, o := range order {
		res.Omissions = append(res.Omissions, Omission{Outlet: o, Facts: om[o]})
	}
}

// writingSince returns the outlets of a thread that could have carried a
// recurring claim: those that do, and those with an article in the thread
// dated on or after the claim's first report. Without a dated first
// report, all of them.
func writingSince(outlets []string, f *Fact, latest map[string]time.Time) []string {
	var first *time.Time
	for _, c := range f.Timeline {
		if c.First != nil && (first == nil || c.First.Before(*first)) {
			first = c.First
		}
	}
	if first == nil {
		return outlets
	}
	out := make([]string, 0, len(outlets))
	for _, o := range outlets {
		if t, ok := latest[o]; slices.Contains(f.Outlets, o) || ok && !t.Before(*first) {
			out = append(out, o)
		}
	}
	return out
}

// opensLower reports whether a surface form opens with a lower-case letter.
func opensLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// calendarWord reports whether a folded word names a month (as the date
// patterns read them) or a weekday: capitalised, but a date, not a name.
func calendarWord(w string) bool {
	return lang.Month(w) != 0 || weekdays[w]
}

var weekdays = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true}

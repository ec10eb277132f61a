package compare

import (
	"slices"
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/lang"
)

// omissions fills, per outlet, the facts that most of the other outlets
// covering them carry and it does not: for a fact of one story, the
// story's outlets; for a recurring claim, the outlets of its whole thread
// (a claim made again and again is part of the thread's narrative).
func omissions(res *Result, c *corpus.Corpus) {
	outletOf := make(map[string]string, len(c.Articles))
	for _, a := range c.Articles {
		outletOf[a.ID] = a.DisplayOutlet()
	}
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
			}
		}
	}
	om := map[string][]string{}
	var order []string
	for i := range res.Facts {
		f := &res.Facts[i]
		scope := f.Story
		if f.Recurring() {
			scope = f.Thread
		}
		for _, o := range scopeOutlets[scope] {
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

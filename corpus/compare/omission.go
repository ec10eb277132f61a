package compare

import (
	"sort"
	"unicode"
	"unicode/utf8"
)

// omissions fills, per outlet, the facts of its story that most of the
// story's other outlets carry and it does not.
func (x *analysis) omissions(res *Result) {
	outletOf := make(map[string]string, len(x.c.Articles))
	for ai, a := range x.c.Articles {
		outletOf[a.ID] = x.outlets[x.artOut[ai]]
	}
	storyOutlets := map[string][]string{}
	for _, st := range res.Stories {
		seen := map[string]bool{}
		for _, id := range st.Articles {
			name, ok := outletOf[id]
			if !ok {
				continue
			}
			if !seen[name] {
				seen[name] = true
				storyOutlets[st.ID] = append(storyOutlets[st.ID], name)
			}
		}
	}
	om := map[string][]string{}
	var order []string
	for i := range res.Facts {
		f := &res.Facts[i]
		has := map[string]bool{}
		for _, o := range f.Outlets {
			has[o] = true
		}
		for _, o := range storyOutlets[f.Story] {
			if has[o] {
				continue
			}
			others := len(storyOutlets[f.Story]) - 1
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
	_, month := months[w]
	return month || weekdays[w]
}

var weekdays = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true}

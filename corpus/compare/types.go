// Package compare links the same claim across outlets: it normalises text
// for matching, scores sentence pairs, clusters them into facts, and finds
// discrepancies, omissions and stories. Analysis is a pure function of the
// corpus.
package compare

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Evidence says why two sentences were linked.
type Evidence struct {
	Terms   []string `json:"terms"`           // shared content words (stems shown as surface forms)
	Numbers []string `json:"numbers"`         // shared numbers and quantities
	Dates   []string `json:"dates"`           // shared dates
	Names   []string `json:"names"`           // shared names and aliases
	Quote   string   `json:"quote,omitempty"` // shared quoted words
}

// Member is one sentence of a fact.
type Member struct {
	Article  string   `json:"article"` // article id
	Outlet   string   `json:"outlet"`
	Sentence int      `json:"sentence"` // index into Article.Sentences
	Start    int      `json:"start"`
	End      int      `json:"end"`
	Text     string   `json:"text"`
	Score    float64  `json:"score"` // best link score to another member
	Evidence Evidence `json:"evidence"`
}

// Value is what one outlet says on a point where outlets disagree.
type Value struct {
	Article string `json:"article"`
	Outlet  string `json:"outlet"`
	Value   string `json:"value"`
	Text    string `json:"text"`
}

// Discrepancy is a number, date or quantity that differs between outlets
// within one fact.
type Discrepancy struct {
	What   string  `json:"what"`
	Values []Value `json:"values"`
}

// Fact is a claim stated by two or more outlets, within one thread. A
// fact whose members come from several stories is a recurring claim, with
// a timeline.
type Fact struct {
	ID            string        `json:"id"`    // stable: derived from its members
	Story         string        `json:"story"` // the story of most of its members
	Label         string        `json:"label"`
	Outlets       []string      `json:"outlets"`
	Members       []Member      `json:"members"`
	Discrepancies []Discrepancy `json:"discrepancies"`
	Thread        string        `json:"thread"`
	Stories       []string      `json:"stories"` // every story its members come from, in story order
	// Timeline says, for a recurring claim, when each outlet first and
	// last carried it; nil for a fact of one story.
	Timeline []Carried `json:"timeline,omitempty"`
}

// Recurring reports whether the fact's members come from several stories.
func (f *Fact) Recurring() bool { return len(f.Stories) > 1 }

// Carried is when one outlet first and last carried a recurring claim
// (publication times of its articles; nil when they are undated).
type Carried struct {
	Outlet string     `json:"outlet"`
	First  *time.Time `json:"first"`
	Last   *time.Time `json:"last"`
}

// Story is one event: the articles reporting the same happening, usually
// within days of one another.
type Story struct {
	ID       string   `json:"id"` // stable: derived from its articles
	Thread   string   `json:"thread"`
	Label    string   `json:"label"` // the title of its most central article
	Articles []string `json:"articles"`
	// Start and End are the earliest and latest publication times of its
	// dated articles; nil when none is dated.
	Start *time.Time `json:"start"`
	End   *time.Time `json:"end"`
	// Outlets covered the story, in order of first report; MissingOutlets
	// are the corpus's other named outlets (its blind spot), sorted.
	Outlets        []string     `json:"outlets"`
	MissingOutlets []string     `json:"missing_outlets"`
	First          *FirstReport `json:"first"`
}

// FirstReport is the earliest article of a story.
type FirstReport struct {
	Article   string     `json:"article"`
	Outlet    string     `json:"outlet"`
	Published *time.Time `json:"published"`
}

// Thread is related stories over time: the same actors and theme.
type Thread struct {
	ID      string   `json:"id"` // stable: derived from its articles
	Label   string   `json:"label"`
	Stories []string `json:"stories"` // story ids, in order of publication
}

// Omission lists, for one outlet, the facts most other outlets of its
// story carry and it does not.
type Omission struct {
	Outlet string   `json:"outlet"`
	Facts  []string `json:"facts"` // fact ids
}

// Distinct returns the values once per outlet and value, in order: two
// sentences of one outlet giving the same figure are one value to show.
// Dates are written for people ("2 Aug", "8 Dec 1987"), not in the ISO
// form of Values ("--08-02"), which scripts read.
func (d Discrepancy) Distinct() []Value {
	out := make([]Value, 0, len(d.Values))
	for _, v := range d.Values {
		v.Value = humanDates(v.Value)
		dup := false
		for _, o := range out {
			if o.Outlet == v.Outlet && o.Value == v.Value {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, v)
		}
	}
	return out
}

// humanDates rewrites the ISO dates of a value ("1987-12-08", "1987-12",
// "--08-02", "--08"; several are joined by "; ") as people write them.
func humanDates(v string) string {
	parts := strings.Split(v, "; ")
	for i, p := range parts {
		parts[i] = humanDate(p)
	}
	return strings.Join(parts, "; ")
}

var monthAbbr = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

func humanDate(p string) string {
	num := func(s string) (int, bool) {
		n, err := strconv.Atoi(s)
		return n, err == nil && len(s) > 0 && s[0] != '-' && s[0] != '+'
	}
	month := func(s string) (string, bool) {
		m, ok := num(s)
		if !ok || len(s) != 2 || m < 1 || m > 12 {
			return "", false
		}
		return monthAbbr[m-1], true
	}
	day := func(s string) (int, bool) {
		d, ok := num(s)
		return d, ok && len(s) == 2 && d >= 1 && d <= 31
	}
	f := strings.Split(p, "-")
	switch {
	case len(f) == 3 && len(f[0]) == 4: // 1987-12-08
		_, okY := num(f[0])
		m, okM := month(f[1])
		d, okD := day(f[2])
		if okY && okM && okD {
			return fmt.Sprintf("%d %s %s", d, m, f[0])
		}
	case len(f) == 2 && len(f[0]) == 4: // 1987-12
		_, okY := num(f[0])
		if m, okM := month(f[1]); okY && okM {
			return m + " " + f[0]
		}
	case len(f) == 4 && f[0] == "" && f[1] == "": // --08-02
		m, okM := month(f[2])
		if d, okD := day(f[3]); okM && okD {
			return fmt.Sprintf("%d %s", d, m)
		}
	case len(f) == 3 && f[0] == "" && f[1] == "": // --08
		if m, ok := month(f[2]); ok {
			return m
		}
	}
	return p
}

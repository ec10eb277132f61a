// Package compare links the same claim across outlets: it normalises text
// for matching, scores sentence pairs, clusters them into facts, and finds
// discrepancies, omissions and stories. Analysis is a pure function of the
// corpus.
package compare

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

// Fact is a claim stated by two or more outlets.
type Fact struct {
	ID            string        `json:"id"`    // stable: derived from its members
	Story         string        `json:"story"` // story id
	Label         string        `json:"label"`
	Outlets       []string      `json:"outlets"`
	Members       []Member      `json:"members"`
	Discrepancies []Discrepancy `json:"discrepancies"`
}

// Story is a group of articles about the same events.
type Story struct {
	ID       string   `json:"id"`
	Label    string   `json:"label"`
	Articles []string `json:"articles"`
}

// Omission lists, for one outlet, the facts most other outlets of its
// story carry and it does not.
type Omission struct {
	Outlet string   `json:"outlet"`
	Facts  []string `json:"facts"` // fact ids
}

// Distinct returns the values once per outlet and value, in order: two
// sentences of one outlet giving the same figure are one value to show.
func (d Discrepancy) Distinct() []Value {
	out := make([]Value, 0, len(d.Values))
	for _, v := range d.Values {
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

package agreement

import (
	"unicode/utf8"

	"github.com/parallax-reader/parallax/corpus"
)

// Spans reports Krippendorff's unitized alpha (αu) of the passages the
// coders tagged, per code and over all codes. The continuum is the text of
// the articles every coder coded (Options.Coded), one after another in
// corpus order, measured in characters (Unicode code points, as QDA tools
// count them) with page furniture left out: no coder can tag it, and
// counting it as agreed-on gap would flatter αu. Articles some coders
// coded but not all are left out (Report.LeftOut): αu has no place for
// missing data.
func Spans(c *corpus.Corpus, coders []Coder, opt Options) *Report {
	opt, ps, codes, index := prepare(c, coders, opt)
	m := len(coders)
	segs := make([][][]Segment, len(codes)) // code → coder → segments
	for k := range segs {
		segs[k] = make([][]Segment, m)
	}
	rep := &Report{Unit: UnitSpan, Coded: opt.Coded, Coders: infos(ps)}
	base := 0
	for _, a := range c.Articles {
		all, some := true, false
		for _, p := range ps {
			all = all && p.coded[a]
			some = some || p.coded[a]
		}
		if !all {
			if some {
				rep.LeftOut = append(rep.LeftOut, a.ID)
			}
			continue
		}
		pos := newPositions(a)
		for i, p := range ps {
			for _, n := range p.notes[a] {
				s := Segment{base + pos.at(n.Anchor.Start), base + pos.at(n.Anchor.End)}
				for _, t := range n.Tags {
					if k, ok := index[t]; ok {
						segs[k][i] = append(segs[k][i], s)
					}
				}
			}
		}
		rep.Articles++
		base += pos.length
	}
	rep.Characters = base
	var parts []Unitized
	rep.Codes = []Row{}
	total := make([]int, m)
	for k, code := range codes {
		u := UnitizedAlpha(base, segs[k])
		parts = append(parts, u)
		r := Row{Code: code, Applied: make([]int, m), UnitizedAlpha: &u}
		for i := range segs[k] {
			r.Applied[i] = unitCount(base, segs[k][i])
			total[i] += r.Applied[i]
			r.Units += r.Applied[i]
		}
		if base > 0 {
			r.Coders = m
		}
		rep.Codes = append(rep.Codes, r)
	}
	overall := UnitizedOverall(parts)
	rep.Overall = Row{Applied: total, UnitizedAlpha: &overall}
	for _, n := range total {
		rep.Overall.Units += n
	}
	if base > 0 {
		rep.Overall.Coders = m
	}
	return rep
}

// unitCount counts a coder's units of a code: their passages on the
// continuum, overlapping ones joined.
func unitCount(length int, segs []Segment) int {
	n := 0
	for _, s := range sections(length, segs) {
		if s.unit {
			n++
		}
	}
	return n
}

// positions maps byte offsets of an article's text to character positions
// on its stretch of the continuum, skipping page furniture.
type positions struct {
	text   string
	furn   []corpus.Furniture
	length int
}

func newPositions(a *corpus.Article) positions {
	p := positions{text: a.Text, furn: a.Furniture}
	p.length = p.at(len(a.Text))
	return p
}

// at is the position of byte offset off: the characters before it that
// are not furniture. An offset inside furniture maps to where the
// furniture starts.
func (p positions) at(off int) int {
	off = min(max(off, 0), len(p.text))
	n := utf8.RuneCountInString(p.text[:off])
	for _, f := range p.furn {
		s, e := max(f.Start, 0), min(f.End, off)
		if s < e {
			n -= utf8.RuneCountInString(p.text[s:e])
		}
	}
	return n
}

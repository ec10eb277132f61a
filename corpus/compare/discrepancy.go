package compare

import (
	"slices"
	"strings"
)

// discrepancies finds quantities with the same unit and dates that differ
// between outlets within a fact.
func (x *storyScorer) discrepancies(f []int32) []Discrepancy {
	out := []Discrepancy{}
	// Each member's quantities, a bare count taking its noun as its unit
	// ("#homes") so that two outlets' counts of homes are compared as
	// figures with a unit are.
	nums := make(map[int32][]Quantity, len(f))
	for _, m := range f {
		qs := x.units[m].ex.nums
		for _, q := range qs {
			if q.Unit == "" && q.Noun != "" {
				qs = slices.Clone(qs)
				for k := range qs {
					if qs[k].Unit == "" && qs[k].Noun != "" {
						qs[k].Unit = "#" + qs[k].Noun
					}
				}
				break
			}
		}
		nums[m] = qs
	}
	byUnit := map[string][]int32{}
	var unitsSeen []string
	for _, m := range f {
		seen := map[string]bool{}
		for _, q := range nums[m] {
			if q.Unit == "" || seen[q.Unit] {
				continue
			}
			seen[q.Unit] = true
			if _, ok := byUnit[q.Unit]; !ok {
				unitsSeen = append(unitsSeen, q.Unit)
			}
			byUnit[q.Unit] = append(byUnit[q.Unit], m)
		}
	}
	for _, un := range unitsSeen {
		ms := byUnit[un]
		outs := map[int32]bool{}
		for _, m := range ms {
			outs[x.units[m].outlet] = true
		}
		if len(outs) < 2 {
			continue
		}
		// Differ between outlets: two members of different outlets give
		// values of comparable size that are not the same. Only the values
		// in such pairs are shown: "13 people" vs "14 people" is the point,
		// "10,000 people" evacuated is another.
		keep := map[int32][]string{}
		for i, a := range ms {
			for _, b := range ms[i+1:] {
				ua, ub := x.units[a], x.units[b]
				if ua.outlet == ub.outlet || x.otherTimes(ua, ub) || !x.sameThing(ua, ub) {
					continue
				}
				for _, qa := range nums[a] {
					if qa.Unit != un || holdsQuantity(nums[b], qa) {
						continue
					}
					for _, qb := range nums[b] {
						// The same point is given in the same shape: a
						// range against a range, a figure against a figure
						// ("over 500 km" is not a bound of "500–5,500 km").
						// A figure the other sentence also gives is agreed
						// on, and so is not compared ("2,012 killed and
						// 2,059 injured" against "2,059 injured").
						if qb.Unit == un && !holdsQuantity(nums[a], qb) && qa.IsRange() == qb.IsRange() && comparable([]Quantity{qa}, []Quantity{qb}, un) && !x.updated(ua, ub, qa, qb) &&
							samePoint(x.text(ua), qa, x.text(ub), qb) {
							keep[a] = appendUnique(keep[a], shownQuantity(qa))
							keep[b] = appendUnique(keep[b], shownQuantity(qb))
						}
					}
				}
			}
		}
		if len(keep) < 2 {
			continue
		}
		d := Discrepancy{What: unitName(un)}
		for _, m := range ms {
			if len(keep[m]) == 0 {
				continue
			}
			u := x.units[m]
			a := x.c.Articles[u.art]
			d.Values = append(d.Values, Value{Article: a.ID, Outlet: x.outlets[u.outlet], Value: strings.Join(keep[m], "; "), Text: a.Sentences[u.sent].Text})
		}
		out = append(out, d)
	}
	// Dates that pin a day or a month and conflict between outlets. A
	// date another outlet's member agrees with is a point of the fact the
	// outlets share ("Feb 2019" and "2 Feb"), so a third outlet's other
	// date is another point (the withdrawal's end, "2 Aug"), not a
	// disagreement; only dates no other outlet backs are compared.
	var dm []int32
	for _, m := range f {
		for _, d := range x.units[m].ex.dates {
			if d.M != 0 {
				dm = append(dm, m)
				break
			}
		}
	}
	backed := func(m int32, d Date) bool {
		for _, o := range dm {
			if x.units[o].outlet == x.units[m].outlet {
				continue
			}
			for _, od := range x.units[o].ex.dates {
				if od.M != 0 && od.Compatible(d) {
					return true
				}
			}
		}
		return false
	}
	keep := map[int32][]string{}
	for i, a := range dm {
		for _, b := range dm[i+1:] {
			ua, ub := x.units[a], x.units[b]
			// A date is compared only within one story: two stories'
			// dates are those of two happenings.
			if ua.outlet == ub.outlet || ua.story != ub.story || x.otherTimes(ua, ub) || !x.sameThing(ua, ub) {
				continue
			}
			for _, da := range ua.ex.dates {
				for _, db := range ub.ex.dates {
					if da.M != 0 && db.M != 0 && !da.Compatible(db) && (da.Y == 0 || db.Y == 0 || da.Y == db.Y) && !backed(a, da) && !backed(b, db) &&
						sameDay(x.text(ua), da, x.text(ub), db) {
						keep[a] = appendUnique(keep[a], da.String())
						keep[b] = appendUnique(keep[b], db.String())
					}
				}
			}
		}
	}
	if len(keep) >= 2 {
		d := Discrepancy{What: "date"}
		for _, m := range dm {
			if len(keep[m]) == 0 {
				continue
			}
			u := x.units[m]
			a := x.c.Articles[u.art]
			d.Values = append(d.Values, Value{Article: a.ID, Outlet: x.outlets[u.outlet], Value: strings.Join(keep[m], "; "), Text: a.Sentences[u.sent].Text})
		}
		out = append(out, d)
	}
	return out
}

// sameThing reports whether two members of a fact state it closely
// enough for their figures to be about the same thing: they are each
// other's counterparts (linked at the counterpart threshold), not only
// joined through the fact's centre.
func (x *storyScorer) sameThing(a, b *unit) bool {
	return x.linkScore(a, b) >= x.opts.CounterpartThreshold
}

// updated reports whether two figures are one count reported on
// different days of one story, the later one higher ("a toll that rises
// over days"): an update, not a disagreement.
func (x *storyScorer) updated(a, b *unit, qa, qb Quantity) bool {
	if a.story != b.story {
		return false
	}
	da, db := x.docs[a.art].day, x.docs[b.art].day
	if da == noDay || db == noDay || da == db {
		return false
	}
	if da > db {
		qa, qb = qb, qa
	}
	return qb.Lo > qa.Hi // the later report gives more
}

// shownQuantity is a quantity as a discrepancy shows it: a count with its
// noun ("2,500 homes").
func shownQuantity(q Quantity) string {
	if noun, ok := strings.CutPrefix(q.Unit, "#"); ok {
		q.Unit = ""
		return q.String() + " " + noun
	}
	return q.String()
}

// holdsQuantity reports whether qs holds the same quantity as q, or the
// same figure without a unit ("killed 2,012 people and injured 2,059").
func holdsQuantity(qs []Quantity, q Quantity) bool {
	for _, o := range qs {
		if sameQuantity(o, q) {
			return true
		}
	}
	return false
}

// comparable reports whether two quantity lists hold values of the given
// unit within a factor of four of each other that are not equal — the
// sign of two figures for the same point rather than two different points.
func comparable(a, b []Quantity, unit string) bool {
	for _, qa := range a {
		if qa.Unit != unit {
			continue
		}
		for _, qb := range b {
			if qb.Unit != unit || sameQuantity(qa, qb) {
				continue
			}
			for _, va := range [2]float64{qa.Lo, qa.Hi} {
				for _, vb := range [2]float64{qb.Lo, qb.Hi} {
					if va > 0 && vb > 0 && va != vb && va/vb <= 4 && vb/va <= 4 {
						return true
					}
				}
			}
		}
	}
	return false
}

func unitName(u string) string {
	if noun, ok := strings.CutPrefix(u, "#"); ok {
		return noun // a count of homes: "homes"
	}
	switch u {
	case "km":
		return "distance (km)"
	case "mi":
		return "distance (miles)"
	case "m":
		return "length (m)"
	case "usd":
		return "amount (US$)"
	case "eur":
		return "amount (€)"
	case "percent":
		return "percentage"
	}
	return u
}

// text is a unit's sentence.
func (x *storyScorer) text(u *unit) string { return x.c.Articles[u.art].Sentences[u.sent].Text }

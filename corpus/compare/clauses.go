package compare

import "strings"

// A sentence's clauses: raw clauses are its stretches between commas,
// semicolons, dashes, brackets, quotation marks and subordinating words
// (appendClauseStarts); the clauses the analysis keeps are runs of their
// terms, a raw clause of fewer than three terms joined to the next.

// groupClauses sets ft.clauses from the sentence's term occurrences (as
// indices into occs; cl is the slices of an earlier sentence, reused),
// the side marks of its first clauses (ft.side) and, when the analyzer
// wants them, where each clause starts (ft.clauseAt). ps, infos and
// clause are the sentence's pieces, their words and raw clause numbers.
func (an *analyzer) groupClauses(ft *features, cl [][]int32, occs []occ, ps []piece, infos []wordInfo, clause []int) {
	// Raw clauses (below 64) that open with a relative pronoun, and that
	// hold a verb of attribution.
	var rawRel, rawAttr uint64
	for i := range ps {
		if c := clause[i]; c < 64 {
			if (i == 0 || c != clause[i-1]) && infos[i].relative {
				rawRel |= 1 << uint(c)
			}
			if infos[i].reports {
				rawAttr |= 1 << uint(c)
			}
		}
	}
	// A clause of fewer than three terms joins the next one (the last, the
	// one before). an.firstRaw notes the raw clause each clause opens
	// with, merged whether one of the first holds more than that one.
	var merged [maxSideClauses]bool
	last := -1
	for k, o := range occs {
		if o.clause != last {
			if len(cl) == 0 || len(cl[len(cl)-1]) >= 3 {
				if len(cl) < cap(cl) {
					cl = cl[:len(cl)+1]
					cl[len(cl)-1] = cl[len(cl)-1][:0]
				} else {
					cl = append(cl, nil)
				}
				an.firstRaw = append(an.firstRaw[:len(cl)-1], o.clause)
			} else if n := len(cl) - 1; n < maxSideClauses {
				merged[n] = true
			}
			last = o.clause
		}
		// The occurrence for now; its term's index once terms are known.
		cl[len(cl)-1] = append(cl[len(cl)-1], int32(k))
	}
	if len(cl) > 1 && len(cl[len(cl)-1]) < 3 {
		cl[len(cl)-2] = append(cl[len(cl)-2], cl[len(cl)-1]...)
		cl = cl[:len(cl)-1]
		if n := len(cl) - 1; n < maxSideClauses {
			merged[n] = true
		}
	}
	if len(cl) <= 1 {
		ft.clauses = cl[:0] // kept for reuse
		return
	}
	ft.clauses = cl
	for k := range min(len(cl), maxSideClauses) {
		if r := an.firstRaw[k]; !merged[k] && r < 64 {
			ft.side = ft.side.with(k, rawRel>>uint(r)&1 != 0, rawAttr>>uint(r)&1 != 0)
		}
	}
	if an.wantClauseAt {
		// Each clause starts where the first raw clause it holds does.
		ft.clauseAt = make([]int32, len(cl))
		k := 1
		for i := range ps {
			for k < len(cl) && clause[i] >= an.firstRaw[k] {
				ft.clauseAt[k] = int32(ps[i].start)
				k++
			}
		}
	}
}

// relativePronouns open a clause that describes a noun of another.
var relativePronouns = map[string]bool{"which": true, "who": true, "whom": true, "whose": true}

// clauseWords start a new clause.
var clauseWords = map[string]bool{
	"which": true, "who": true, "but": true, "while": true, "whereas": true, "saying": true,
	"claiming": true, "noting": true, "adding": true, "because": true, "although": true,
	"after": true, "unless": true, "until": true, "if": true, "when": true, "where": true,
}

// appendClauseStarts appends, for each piece, the number of the clause it
// belongs to: a clause ends at , ; : ( ) – — or a quotation mark, and
// before a subordinating word (infos are the pieces' words).
func appendClauseStarts(out []int, s string, ps []piece, infos []wordInfo) []int {
	c := 0
	for i := range ps {
		if i > 0 {
			gap := s[ps[i-1].end:ps[i].start]
			if (gap != " " && (strings.ContainsAny(gap, ",;:()\"“”") || strings.Contains(gap, "–") || strings.Contains(gap, "—") || strings.Contains(gap, " - "))) || infos[i].clause {
				c++
			}
		}
		out = append(out, c)
	}
	return out
}

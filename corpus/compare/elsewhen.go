package compare

import (
	"strings"
	"time"
)

// A sentence of a story that places what it tells in another time — "in
// March last year", "two years ago", "in 2019" in an article of 2024 — is
// about another happening than its story's: the bank's rise of last year,
// not this one. Inside a story it is linked only with sentences that also
// look back, and its figures and dates are not set against those of the
// sentences that do not (a 50-point rise last year is not a disagreement
// with this year's 25). Across stories nothing changes: a claim that looks
// back is how a thread's stories restate one another.

// lookBackBy are the phrases by which a sentence places what it tells a
// year or more, or months, before the article, by a word each holds: a
// sentence without the word is not searched for them.
var lookBackBy = []struct {
	word    string
	phrases []string
}{
	{"year", []string{"last year", "a year ago", "a year earlier", "years ago", "years earlier", "the previous year", "the year before"}},
	{"month", []string{"months ago", "months earlier"}},
	{"decade", []string{"a decade ago", "decades ago"}},
}

// A unit's looks remember what linking asked of its sentence, so that the
// sentence is read once however many candidates it is weighed against:
// a bit says the answer is known, the next bit gives it.
const (
	backKnown uint8 = 1 << iota
	back
	ownKnown
	own
)

// look returns what test says of unit u, reading the sentence the first
// time only: known is the bit that says it was read, yes the bit of the
// answer.
func (u *unit) look(known, yes uint8, test func(*unit) bool) bool {
	if u.looks&known == 0 {
		u.looks |= known
		if test(u) {
			u.looks |= yes
		}
	}
	return u.looks&yes != 0
}

// elsewhen reports whether unit u tells of another time than its
// article's (looksBack), once per unit.
func (x *storyScorer) elsewhen(u *unit) bool { return u.look(backKnown, back, x.looksBack) }

// looksBack reports whether unit u tells of another time than its
// article's: it says so in words (lookBackBy), or names a year before the
// article's year of publication.
func (x *storyScorer) looksBack(u *unit) bool {
	found := false
	x.eachLookBack(u, func(int) bool { found = true; return false })
	return found
}

// eachLookBack calls at with the byte offset of each place where unit u's
// sentence tells of another time than its article's — a phrase of
// lookBackBy, a date of a year before the article's — until at returns
// false. It reports false when the offsets of the phrases are not the
// sentence's (lower-casing moved its bytes).
func (x *storyScorer) eachLookBack(u *unit, at func(off int) bool) bool {
	a := x.c.Articles[u.art]
	exact := true
	if text := a.Sentences[u.sent].Text; holdsLookBackWord(text) {
		low := strings.ToLower(text)
		exact = len(low) == len(text)
		for _, g := range lookBackBy {
			if !strings.Contains(low, g.word) {
				continue
			}
			for _, p := range g.phrases {
				for from := 0; ; {
					i := strings.Index(low[from:], p)
					if i < 0 {
						break
					}
					i += from
					if wordAt(low, i, len(p)) && !at(i) {
						return exact
					}
					from = i + len(p)
				}
			}
		}
	}
	if a.Published == nil || u.ex == nil {
		return exact
	}
	for _, d := range u.ex.dates {
		if earlierYear(d, *a.Published) && !at(d.Start) {
			return exact
		}
	}
	return exact
}

// earlierYear reports whether a date lies in a year before pub's, and
// further back than the turn of the year: "31 December 2023" in a report
// of 2 January 2024 is the same happening.
func earlierYear(d Date, pub time.Time) bool {
	if d.Y == 0 || d.Y >= pub.Year() {
		return false
	}
	if d.M == 0 {
		return pub.Year()-d.Y > 1 || pub.YearDay() > turnOfYear
	}
	t := time.Date(d.Y, time.Month(d.M), max(d.D, 1), 0, 0, 0, 0, pub.Location())
	return pub.Sub(t) > turnOfYear*24*time.Hour
}

// turnOfYear is how many days around New Year a date of the year before
// may be the same happening as a report of the new one.
const turnOfYear = 60

// holdsLookBackWord reports whether text holds, in any case, one of the
// words of lookBackBy ("year", "month", "decade"), without which it holds
// no lookBackBy phrase, in one pass. (No rune outside ASCII lower-cases
// to one of their letters.)
func holdsLookBackWord(text string) bool {
	for i := 0; i+4 <= len(text); i++ {
		var w string
		switch text[i] | 0x20 {
		case 'y':
			w = "year"
		case 'm':
			w = "month"
		case 'd':
			w = "decade"
		default:
			continue
		}
		if i+len(w) <= len(text) && equalFoldASCII(text[i:i+len(w)], w) {
			return true
		}
	}
	return false
}

// equalFoldASCII reports whether s is w, a lower-case ASCII word, with
// its letters in any case.
func equalFoldASCII(s, w string) bool {
	for k := 0; k < len(w); k++ {
		if s[k]|0x20 != w[k] {
			return false
		}
	}
	return true
}

// wordAt reports whether s[i:i+n] stands as whole words in s.
func wordAt(s string, i, n int) bool {
	before, after := byte(' '), byte(' ')
	if i > 0 {
		before = s[i-1]
	}
	if i+n < len(s) {
		after = s[i+n]
	}
	return !isASCIIWordByte(before) && !isASCIIWordByte(after)
}

func isASCIIWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// otherTimes reports whether two units of one story tell of different
// times: one looks back (elsewhen) and the other does not. Their figures
// and dates are then not set against each other.
func (x *storyScorer) otherTimes(a, b *unit) bool {
	return a.story == b.story && x.elsewhen(a) != x.elsewhen(b)
}

// claimsOtherTimes is otherTimes for linking: two units of one story that
// tell of different times may still state one claim when what they share
// lies in a clause of the one looking back that does not itself look back
// ("Signed in 1991 by the two leaders, the accord caps the reservoir at
// …" beside "The accord caps the reservoir at …").
func (x *storyScorer) claimsOtherTimes(a, b *unit) bool {
	if !x.otherTimes(a, b) {
		return false
	}
	if !x.elsewhen(a) {
		a, b = b, a
	}
	ci := x.claimClause(a, b)
	return ci < 0 || x.backClauses(a)>>uint(ci)&1 != 0
}

// backClauses marks (bit k) the clauses of unit u that hold what places
// it in another time (a phrase of lookBackBy, a date of an earlier year);
// all of them when the clauses' places are not known.
func (x *storyScorer) backClauses(u *unit) uint8 {
	if m, ok := x.backOf[u]; ok {
		return m
	}
	if x.backOf == nil {
		x.backOf = map[*unit]uint8{}
	}
	m := x.readBackClauses(u)
	x.backOf[u] = m
	return m
}

// readBackClauses is backClauses, reading the sentence.
func (x *storyScorer) readBackClauses(u *unit) uint8 {
	text := x.c.Articles[u.art].Sentences[u.sent].Text
	// Where the clauses start is read again from the sentence: only the
	// few sentences that look back and share a claim with one that does
	// not are asked about.
	an := x.labelAnalyzer()
	an.wantClauseAt = true
	ft := an.analyze(text)
	an.wantClauseAt = false
	at := ft.clauseAt
	if len(at) < 2 || len(at) != nClauses(u) && nClauses(u) < maxClaimClauses {
		return 0xff
	}
	clauseOf := func(off int) uint8 {
		k := 0
		for k+1 < len(at) && int(at[k+1]) <= off {
			k++
		}
		if k >= maxClaimClauses {
			return 0
		}
		return 1 << uint(k)
	}
	var m uint8
	if !x.eachLookBack(u, func(off int) bool { m |= clauseOf(off); return true }) {
		return 0xff // the phrases' places are not the sentence's
	}
	return m
}

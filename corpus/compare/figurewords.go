package compare

import (
	"strings"
	"unicode"

	"github.com/kljensen/snowball/english"
)

// A percentage says nothing of what it measures: "raised its rate to 4.5%"
// and "inflation was 7.8%, almost four times the bank's 2% target" hold
// three percentages of three things. Two percentages are compared only
// when the words around them share one (the rate, the turnout, the
// share), or when either stands with no word of its own.

// figureReach is how many words before a figure say what it is.
const figureReach = 3

// figureWords are the stemmed content words of the figureReach words
// before a figure (a quantity or a date, text[start:end] of its sentence)
// and of the word after it.
func figureWords(text string, start, end int) []string {
	if start < 0 || end > len(text) || start > end {
		return nil
	}
	before := strings.FieldsFunc(text[:start], notWordRune)
	after := strings.FieldsFunc(text[end:], notWordRune)
	var out []string
	content := func(w string) (string, bool) {
		w = stripPossessive(strings.ToLower(w))
		if w == "" || isStop(w) || unitWord[w] || strings.IndexFunc(w, unicode.IsLetter) < 0 {
			return "", false
		}
		return english.Stem(w, false), true
	}
	// Before the figure, its nearest content words ("rate to 4.5%",
	// "inflation was 7.8%"), past other figures and small words, within
	// twice figureReach words.
	for i := len(before) - 1; i >= max(0, len(before)-2*figureReach) && len(out) < figureReach; i-- {
		if w, ok := content(before[i]); ok {
			out = append(out, w)
		}
	}
	// After it, the one word that may name it ("a 2% target"), past the
	// words of its unit.
	for _, w := range after {
		if !unitWord[strings.ToLower(w)] {
			if w, ok := content(w); ok {
				out = append(out, w)
			}
			break
		}
	}
	return out
}

// unitWord are the words that write a percentage's unit, not what it is.
var unitWord = map[string]bool{"percent": true, "per": true, "cent": true, "percentage": true, "points": true, "point": true, "basis": true}

// samePoint reports whether two figures of one unit are about the same
// thing by the words around them (always, but for percentages).
func samePoint(ta string, qa Quantity, tb string, qb Quantity) bool {
	if !genericUnit(qa.Unit) {
		return true
	}
	return sharesFigureWord(ta, qa.Start, qa.End, tb, qb.Start, qb.End)
}

// sameDay reports whether two dates are of the same happening by the words
// around them: a date says nothing of what happened on it ("turns 29 on
// April 11" and "acquired in a July 29 deal" date a birthday and a trade).
func sameDay(ta string, da Date, tb string, db Date) bool {
	return sharesFigureWord(ta, da.Start, da.End, tb, db.Start, db.End)
}

// sharesFigureWord reports whether the words around two figures (at
// ta[sa:ea] and tb[sb:eb]) share one, or either figure stands with no word
// of its own.
func sharesFigureWord(ta string, sa, ea int, tb string, sb, eb int) bool {
	wa, wb := figureWords(ta, sa, ea), figureWords(tb, sb, eb)
	if len(wa) == 0 || len(wb) == 0 {
		return true
	}
	for _, a := range wa {
		for _, b := range wb {
			if a == b {
				return true
			}
		}
	}
	return false
}

// genericUnit reports whether a unit is said of many things in one story
// — a percentage, points — so that its figures need the words around them
// to be compared.
func genericUnit(u string) bool { return u == "percent" || u == "points" || strings.HasPrefix(u, "#") }

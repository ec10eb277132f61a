package compare

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// acronym is an expansion defined in the text, "Intermediate-Range Nuclear
// Forces (INF)", that stands for the acronym's term.
type acronym struct {
	parts []string
	term  string
}

// matchAcronym returns how many pieces from i spell out an acronym defined
// in the corpus, and the acronym's term.
func (an *analyzer) matchAcronym(ps []piece, i int) (int, string) {
outer:
	for _, a := range an.acr[ps[i].fold] {
		if i+len(a.parts) > len(ps) {
			continue
		}
		for k, t := range a.parts {
			if stripPossessive(ps[i+k].fold) != t {
				continue outer
			}
		}
		return len(a.parts), a.term
	}
	return 0, ""
}

var acronymRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\(([A-Z][A-Z0-9]{1,7})s?\)`)
})

// findAcronyms finds acronyms defined in text as "Long Name (LN)": the
// initials of the words before the parenthesis (hyphenated words count
// once or per part; "of", "and", "the", "for" may be skipped) spell the
// acronym.
func findAcronyms(text string, into map[string][]acronym) {
	if !strings.Contains(text, "(") {
		return
	}
	for _, m := range acronymRE().FindAllStringSubmatchIndex(text, -1) {
		acr := text[m[2]:m[3]]
		lo := m[0] - 200
		if lo < 0 {
			lo = 0
		}
		before := text[lo:m[0]]
		ws := tokenize(before)
		if exp := spellsAcronym(before, ws, acr); exp != nil {
			addAcronym(into, acronym{parts: exp, term: strings.ToLower(acr)})
		}
	}
}

// addAcronym adds an expansion unless it is already known, keeping the
// longer expansions of a first word ahead of the shorter.
func addAcronym(into map[string][]acronym, a acronym) {
	key := a.parts[0]
	for _, b := range into[key] {
		if slices.Equal(a.parts, b.parts) {
			return
		}
	}
	into[key] = append(into[key], a)
	slices.SortStableFunc(into[key], func(p, q acronym) int { return cmp.Compare(len(q.parts), len(p.parts)) })
}

// sortedAcronyms lists the expansions of a map in a stable order.
func sortedAcronyms(m map[string][]acronym) []acronym {
	var out []acronym
	for _, as := range m {
		out = append(out, as...)
	}
	slices.SortFunc(out, func(p, q acronym) int {
		if c := cmp.Compare(strings.Join(p.parts, " "), strings.Join(q.parts, " ")); c != 0 {
			return c
		}
		return cmp.Compare(p.term, q.term)
	})
	return out
}

// spellsAcronym checks whether the last words of ws spell acr and returns
// the folded parts of the expansion, or nil.
func spellsAcronym(text string, ws []word, acr string) []string {
	skip := map[string]bool{"of": true, "and": true, "the": true, "for": true, "on": true, "in": true}
	letters := []rune(acr)
	for _, perPart := range []bool{false, true} {
		var initials []rune
		var used []string
		li := len(letters) - 1
		for wi := len(ws) - 1; wi >= 0 && li >= 0; wi-- {
			w := ws[wi].text
			parts := []string{w}
			if perPart {
				parts = strings.FieldsFunc(w, func(r rune) bool { return r == '-' })
			}
			ok := true
			for pi := len(parts) - 1; pi >= 0; pi-- {
				r, _ := utf8.DecodeRuneInString(parts[pi])
				if li >= 0 && unicode.ToUpper(r) == letters[li] {
					initials = append(initials, r)
					li--
				} else if skip[strings.ToLower(parts[pi])] && len(initials) > 0 {
					continue
				} else {
					ok = false
					break
				}
			}
			if !ok {
				break
			}
			used = append([]string{w}, used...)
		}
		if li < 0 && len(used) >= 2 {
			var exp []string
			for _, w := range used {
				for _, p := range strings.FieldsFunc(w, func(r rune) bool { return r == '-' }) {
					exp = append(exp, stripPossessive(fold(p)))
				}
			}
			return exp
		}
	}
	return nil
}

package compare

import (
	"regexp"
	"sync"
)

// TimeOfDay is a time of day as a text writes it ("10:15 p.m.", "22:15",
// "10 a.m."), at bytes [Start, End) of the text.
type TimeOfDay struct {
	Text       string
	Start, End int
}

// timeRE finds times of day: "10:15", "22:15:30", "10:15 p.m.",
// "10.15am", "10 p.m.", "7 AM". A bare "10.15" is a decimal number, not a
// time, and "3:1" a score.
const timeRE = `\b(?:(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:` + timeAMPM + `)?|(?:1[0-2]|0?[1-9])(?:[.:][0-5]\d)?` + timeAMPM + `)`
const timeAMPM = `\s?[aApP]\.?\s?[mM]\b\.?`

// timeAt is timeRE anchored at the start of the text: a time opens at a
// word's first digit, and is tried there alone (anchoredMatches).
var timeAt = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(?:` + timeRE + `)`) })

// ExtractTimes finds the times of day in s.
func ExtractTimes(s string) []TimeOfDay {
	if !mayHoldTime(s) || !mayMatchTime(s) {
		return nil
	}
	var out []TimeOfDay
	for _, m := range anchoredMatches(timeAt(), opensDigit, s, [][2]int{{0, len(s)}}) {
		out = append(out, TimeOfDay{Text: s[m[0]:m[1]], Start: m[0], End: m[1]})
	}
	return out
}

// mayHoldTime reports whether s has a digit followed by ':' or, after an
// optional space, by an a or p: the cheap test before the pattern.
func mayHoldTime(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if !isDigitByte(s[i]) || isDigitByte(s[i+1]) {
			continue
		}
		j := i + 1
		if s[j] == ':' || s[j] == '.' {
			return true
		}
		if s[j] == ' ' && j+1 < len(s) {
			j++
		}
		switch s[j] {
		case 'a', 'p', 'A', 'P':
			return true
		}
	}
	return false
}

// mayMatchTime reports whether timePattern may match s: every match has a
// digit, the last of its run, followed by ":", by "." and two digits (the
// first 0-5), or, after one optional white-space byte (\s), by an a or p.
// (mayHoldTime takes any digit followed by ".", as "in 2019." ends many
// sentences: the pattern runs when both say it may match, which gives
// what mayHoldTime alone gave.)
func mayMatchTime(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if !isDigitByte(s[i]) || isDigitByte(s[i+1]) {
			continue
		}
		j := i + 1
		switch s[j] {
		case ':':
			return true
		case '.':
			if j+2 < len(s) && '0' <= s[j+1] && s[j+1] <= '5' && isDigitByte(s[j+2]) {
				return true
			}
			continue
		case ' ', '\t', '\n', '\f', '\r':
			if j+1 < len(s) {
				j++
			}
		}
		switch s[j] {
		case 'a', 'p', 'A', 'P':
			return true
		}
	}
	return false
}

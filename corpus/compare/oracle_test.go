package compare

import (
	"regexp"
	"sync"
)

// The plain patterns, run over the whole text, are what the anchored
// ones (patterns, timeAt) tried where a match may open must give.

// plainPatterns are patternSrc's patterns, not anchored.
var plainPatterns = sync.OnceValue(func() (p struct{ num, date, dateDM, monthYear, iso, year *regexp.Regexp }) {
	p.num = regexp.MustCompile(patternSrc.num)
	p.date = regexp.MustCompile(patternSrc.date)
	p.dateDM = regexp.MustCompile(patternSrc.dateDM)
	p.monthYear = regexp.MustCompile(patternSrc.monthYear)
	p.iso = regexp.MustCompile(patternSrc.iso)
	p.year = regexp.MustCompile(patternSrc.year)
	return p
})

// timePattern is timeRE, not anchored.
var timePattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(timeRE) })

// windowMatches runs re over each window of s and returns the submatch
// indexes shifted to positions in s.
func windowMatches(re *regexp.Regexp, s string, wins [][2]int) [][]int {
	var out [][]int
	for _, w := range wins {
		for _, m := range re.FindAllStringSubmatchIndex(s[w[0]:w[1]], -1) {
			for k := range m {
				if m[k] >= 0 {
					m[k] += w[0]
				}
			}
			out = append(out, m)
		}
	}
	return out
}

package compare

import (
	"bytes"
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/corpus/lang"
)

// Quantity is a number, a range of numbers or an amount with a unit found
// in a sentence: "5,500 kilometres" is {5500, 5500, "km"}, "between 500 and
// 5,500 km" is {500, 5500, "km"}, "$2.5 billion" is {2.5e9, 2.5e9, "usd"}.
type Quantity struct {
	Lo, Hi float64
	Unit   string // canonical unit ("km", "percent", "usd"), "" for a bare number
	// Noun is, for a bare number, the plural noun right after it that says
	// what it counts ("2,000 homes": "homes"), "" when none. It is not a
	// unit for matching ("2,000 homes" and "2,000 houses" agree) but tells
	// two outlets' counts of the same things apart from other figures.
	Noun  string
	Text  string // the words it came from
	Start int    // byte offsets in the sentence
	End   int
}

// IsRange reports whether the quantity is a range.
func (q Quantity) IsRange() bool { return q.Lo != q.Hi }

// String formats the quantity canonically: "500–5,500 km", "60 days".
func (q Quantity) String() string {
	s := fmtNum(q.Lo)
	if q.IsRange() {
		s += "–" + fmtNum(q.Hi)
	}
	if q.Unit != "" {
		switch q.Unit {
		case "usd":
			return "$" + s
		case "magnitude":
			return "magnitude " + s
		}
		s += " " + q.Unit
	}
	return s
}

// fmtNum prints n with thousands separators and no trailing zeros.
func fmtNum(n float64) string {
	if n == math.Trunc(n) && math.Abs(n) < 1e15 {
		s := strconv.FormatInt(int64(math.Abs(n)), 10)
		var b strings.Builder
		if n < 0 {
			b.WriteByte('-')
		}
		for i, c := range s {
			if i > 0 && (len(s)-i)%3 == 0 {
				b.WriteByte(',')
			}
			b.WriteRune(c)
		}
		return b.String()
	}
	return strconv.FormatFloat(n, 'f', -1, 64)
}

var smallNums = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90,
}

var scales = map[string]float64{
	"dozen": 12, "hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"k": 1e3, "m": 1e6, "mln": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12,
}

// units maps a folded unit word to its canonical form.
var units = map[string]string{
	"km": "km", "kms": "km", "kilometer": "km", "kilometers": "km", "kilometre": "km", "kilometres": "km",
	"mile": "mi", "miles": "mi", "mi": "mi",
	"m": "m", "meter": "m", "meters": "m", "metre": "m", "metres": "m",
	"kg": "kg", "kilogram": "kg", "kilograms": "kg", "kilogramme": "kg", "kilogrammes": "kg",
	"ton": "t", "tons": "t", "tonne": "t", "tonnes": "t",
	"percent": "percent", "per cent": "percent", "pct": "percent", "%": "percent",
	"dollar": "usd", "dollars": "usd", "usd": "usd", "euro": "eur", "euros": "eur", "eur": "eur",
	"pound": "gbp", "pounds": "gbp", "rouble": "rub", "roubles": "rub", "ruble": "rub", "rubles": "rub",
	"people": "people", "persons": "people", "person": "people",
	"day": "days", "days": "days", "week": "weeks", "weeks": "weeks", "month": "months", "months": "months",
	"year": "years", "years": "years", "hour": "hours", "hours": "hours", "minute": "minutes", "minutes": "minutes",
	"soldier": "soldiers", "soldiers": "soldiers", "troops": "troops", "missile": "missiles", "missiles": "missiles",
	"country": "countries", "countries": "countries", "state": "states", "states": "states",
	"member": "members", "members": "members", "share": "shares", "shares": "shares",
	"point": "points", "points": "points", "cent": "cents", "cents": "cents",
}

// numPatterns are the number and date patterns, each anchored at the
// start of the text: a number or date is tried only where one may open
// (numMatchesIn, anchoredMatches). The tests compare them with the plain
// patterns of patternSrc run over the whole text.
type numPatterns struct {
	numAt, dateAt, dateDMAt, monthYearAt, isoAt, yearAt *regexp.Regexp
}

// patternSrc holds the sources of the number and date patterns.
var patternSrc = func() (src struct{ num, date, dateDM, monthYear, iso, year string }) {
	const month = `(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)`
	const n = `(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|dozen)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)`
	const scale = `(?:\s*(?:dozen|hundred|thousand|million|billion|trillion|bn|mln|mn|k\b|tn))?`
	const unit = `(?:\s*(?:%|per cent|percent|pct|kilometers?|kilometres?|kms?|miles?|mi\b|meters?|metres?|m\b|kilogrammes?|kilograms?|kg|tons?|tonnes?|dollars?|usd|euros?|eur|pounds?|roubles?|rubles?|people|persons?|days?|weeks?|months?|years?|hours?|minutes?|soldiers?|troops|missiles?|countries|country|states|members?|shares?|points?|cents?))?`
	one := `(` + n + scale + `)`
	// num is matched against text lower-cased by lang.ASCIILower (the
	// spans are the same): about a third faster than a (?i) pattern.
	src.num = `(?:\b(between|from)\s+)?([$€£])?\b` + one + `(?:(?:\s*(?:-|–|—|to|and)\s*)([$€£])?\b` + one + `)?\b` + `(` + unit + `)`
	// December 8, 1987 / Aug. 2 / August 2
	src.date = `\b(` + month + `)\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?`
	// 8 December 1987 / 2 August
	src.dateDM = `\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(` + month + `)(?:,?\s+(\d{4})\b)?`
	src.monthYear = `\b(` + month + `)(?:\s+of)?\s+(\d{4})\b`
	src.iso = `\b(\d{4})-(\d{2})-(\d{2})\b`
	src.year = `\b(1[89]\d\d|20\d\d)s?\b`
	return src
}()

var patterns = sync.OnceValue(func() numPatterns {
	at := func(re string) *regexp.Regexp { return regexp.MustCompile(`^(?:` + re + `)`) }
	return numPatterns{numAt: at(patternSrc.num), dateAt: at(patternSrc.date), dateDMAt: at(patternSrc.dateDM),
		monthYearAt: at(patternSrc.monthYear), isoAt: at(patternSrc.iso), yearAt: at(patternSrc.year)}
})

// parseNumber turns "5,500", "2.5 billion", "five hundred", "twenty-five"
// into a value.
func parseNumber(s string) (float64, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return 0, false
	}
	fields := strings.Fields(strings.ReplaceAll(s, "-", " "))
	total, cur := 0.0, 0.0
	seen := false
	for _, f := range fields {
		if v, err := strconv.ParseFloat(strings.ReplaceAll(f, ",", ""), 64); err == nil {
			cur += v
			seen = true
			continue
		}
		if v, ok := smallNums[f]; ok {
			cur += v
			seen = true
			continue
		}
		if f == "a" {
			cur += 1
			seen = true
			continue
		}
		if sc, ok := scales[f]; ok {
			if cur == 0 {
				cur = 1
			}
			if sc < 1e3 {
				// "two hundred", "two dozen": multiplies the words before
				// and goes on ("two hundred thousand").
				cur *= sc
			} else {
				total += cur * sc
				cur = 0
			}
			seen = true
			continue
		}
		return 0, false
	}
	return total + cur, seen
}

// ExtractQuantities finds numbers, ranges and amounts with units in s.
// Years and the numbers that are part of dates are left to ExtractDates.
func ExtractQuantities(s string) []Quantity {
	return extractQuantities(s, nil, true)
}

// extractQuantities is ExtractQuantities given the dates of s (found here
// when findDates is set).
func extractQuantities(s string, dates []Date, findDates bool) []Quantity {
	if !hasDigit(s) && !mentionsScale(s) {
		return nil
	}
	return quantitiesIn(s, dates, findDates)
}

// quantitiesIn is extractQuantities for a sentence known to hold a digit
// or to mention a scale.
func quantitiesIn(s string, dates []Date, findDates bool) []Quantity {
	if findDates {
		dates = ExtractDates(s)
	}
	inDate := func(a, b int) bool {
		for _, d := range dates {
			if a < d.End && d.Start < b {
				return true
			}
		}
		return false
	}
	times := ExtractTimes(s)
	inTime := func(a int) bool {
		for _, t := range times {
			if t.Start <= a && a < t.End {
				return true
			}
		}
		return false
	}
	withinDate := func(a, b int) bool {
		for _, d := range dates {
			if d.Start <= a && b <= d.End {
				return true
			}
		}
		return false
	}
	var out []Quantity
	for _, m := range numMatches(s) {
		start, end := m[0], m[1]
		get := func(k int) string {
			if m[2*k] < 0 {
				return ""
			}
			return s[m[2*k]:m[2*k+1]]
		}
		lead, cur1, n1, cur2, n2, unitText := get(1), get(2), get(3), get(4), get(5), strings.TrimSpace(get(6))
		// Word numbers alone ("one of", "a") are too common to be claims.
		if !strings.ContainsAny(n1, "0123456789") && (n2 == "" || !strings.ContainsAny(n2, "0123456789")) && unitText == "" && !hasScaleWord(n1) {
			continue
		}
		if strings.EqualFold(strings.TrimSpace(n1), "a") && unitText == "" {
			continue
		}
		v1, ok1 := parseNumber(n1)
		if !ok1 {
			continue
		}
		lo, hi := v1, v1
		// The hour and minutes of a time of day ("10:15 p.m.") are no
		// quantities.
		if inTime(m[6]) && (n2 == "" || !strings.Contains(strings.ToLower(s[m[7]:m[10]]), "and")) {
			continue
		}
		if n2 != "" {
			v2, ok2 := parseNumber(n2)
			if !ok2 {
				continue
			}
			joiner := strings.ToLower(s[m[7]:m[10]])
			// "X and Y" is a range only after "between"; "X to Y" after "from" or alone.
			if strings.Contains(joiner, "and") && !strings.EqualFold(lead, "between") {
				// Two separate numbers: keep the first; the regexp resumes after the second.
				if !inTime(m[6]) {
					out = append(out, quantityOf(s, v1, v1, cur1, "", m[6], m[7])...)
				}
				if !inTime(m[10]) {
					out = append(out, quantityOf(s, v2, v2, cur2, unitText, m[10], end)...)
				}
				continue
			}
			lo, hi = math.Min(v1, v2), math.Max(v1, v2)
			if lo == hi {
				hi = v2
			}
		}
		if lead != "" {
			start = m[2]
		}
		// "F-16", "Su-57": a number after a letter and a hyphen is part of a name.
		if m[6] > 1 && s[m[6]-1] == '-' && isLetterByte(s[m[6]-2]) {
			continue
		}
		// A number that is part of a date ("19" of "December 19, 2025",
		// "2025-12" of "2025-12-19") is no quantity.
		if withinDate(start, end) || inDate(start, end) && unitText == "" && lo == hi {
			continue
		}
		if lo == hi && unitText == "" && cur1 == "" && isYear(n1) {
			continue // a bare year is a date
		}
		cur := cur1
		if cur == "" {
			cur = cur2
		}
		if unitText == "" && cur == "" {
			// An earthquake's magnitude: "magnitude 6.8", "6.9-magnitude".
			if a, b, ok := magnitudeAround(s, start, end); ok {
				out = append(out, Quantity{Lo: lo, Hi: hi, Unit: "magnitude", Text: s[a:b], Start: a, End: b})
				continue
			}
		}
		out = append(out, quantityOf(s, lo, hi, cur, unitText, start, end)...)
	}
	return out
}

// numMatches runs the number pattern over the stretches of s around its
// digits (a few words either side, enough for "between" before and a unit
// after), or over all of s when it has no digit (numbers in words). It
// returns submatch indexes into s.
func numMatches(s string) [][]int {
	low := lang.ASCIILower(s)
	at := patterns().numAt
	if !hasDigit(s) {
		return numMatchesIn(at, low, 0, nil)
	}
	var out [][]int
	for _, w := range digitWindows(s, 12, 26, 12) {
		out = numMatchesIn(at, low[w[0]:w[1]], w[0], out)
	}
	return out
}

// digitWindows returns the stretches of s around runs of digits: from
// before bytes ahead of the first digit to after bytes past the last,
// widened to whole words; digits at most gap bytes apart share a stretch.
func digitWindows(s string, before, after, gap int) [][2]int {
	var out [][2]int
	i := 0
	for i < len(s) {
		j := i
		for j < len(s) && !isDigitByte(s[j]) {
			j++
		}
		if j == len(s) {
			break
		}
		last := j
		for k := j; k < len(s) && k-last <= gap; k++ {
			if isDigitByte(s[k]) {
				last = k
			}
		}
		ws := max(0, j-before)
		for ws > 0 && s[ws-1] != ' ' {
			ws--
		}
		we := min(len(s), last+1+after)
		for we < len(s) && s[we] != ' ' {
			we++
		}
		// A stretch that reaches back into the one before joins it, so
		// the words before its digits ("December" of "10 p.m. on
		// December 19") are seen with them and no match is found twice.
		if n := len(out); n > 0 && ws < out[n-1][1] {
			out[n-1][1] = we
		} else {
			out = append(out, [2]int{ws, we})
		}
		i = we
	}
	return out
}

// hasDigit reports whether s holds an ASCII digit (strings.ContainsAny(s,
// "0123456789") without building the set on every call).
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if isDigitByte(s[i]) {
			return true
		}
	}
	return false
}

// hasFourDigits reports whether s holds four digits in a row (a year).
func hasFourDigits(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			run++
			if run == 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// scaleWords are the words mentionsScale looks for.
var scaleWords = [...]string{"hundred", "thousand", "million", "billion", "trillion", "dozen",
	"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}

// holdsScaleWord reports whether the lower-case s holds one of scaleWords.
func holdsScaleWord(s string) bool {
	for _, w := range scaleWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// mentionsScale reports whether s may hold a number written in words:
// whether strings.ToLower(s) holds one of scaleWords.
func mentionsScale(s string) bool {
	words := scaleWords
	// Most sentences are short: lower-case them on the stack. The words
	// are ASCII letters, so a rune whose lower case is not ASCII can be
	// no part of one: it is kept as a zero byte.
	var buf [512]byte
	if len(s) <= len(buf) {
		n := 0
		for i := 0; i < len(s); {
			c := s[i]
			if c < utf8.RuneSelf {
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf[n] = c
				n, i = n+1, i+1
				continue
			}
			r, sz := utf8.DecodeRuneInString(s[i:])
			i += sz
			buf[n] = 0
			if l := unicode.ToLower(r); l < utf8.RuneSelf {
				buf[n] = byte(l) // "İ" is "i"
			}
			n++
		}
		b := buf[:n]
		// The tens end in "ty" and the scales in "llion": a sentence
		// without those needs only the other three words checked.
		ty, llion := bytes.Contains(b, []byte("ty")), bytes.Contains(b, []byte("llion"))
		for _, w := range words {
			if (!ty && strings.HasSuffix(w, "ty")) || (!llion && strings.HasSuffix(w, "llion")) {
				continue
			}
			if bytes.Contains(b, []byte(w)) {
				return true
			}
		}
		return false
	}
	l := strings.ToLower(s)
	for _, w := range words {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func hasScaleWord(s string) bool {
	for _, f := range strings.Fields(strings.ToLower(s)) {
		if _, ok := scales[f]; ok && len(f) > 2 {
			return true
		}
	}
	return false
}

func isYear(n string) bool {
	if len(n) != 4 {
		return false
	}
	v, err := strconv.Atoi(n)
	return err == nil && v >= 1800 && v <= 2099
}

func quantityOf(s string, lo, hi float64, cur, unitText string, start, end int) []Quantity {
	if start < 0 || end <= start {
		return nil
	}
	u := ""
	switch cur {
	case "$":
		u = "usd"
	case "€":
		u = "eur"
	case "£":
		u = "gbp"
	}
	if unitText != "" {
		u = units[strings.ToLower(strings.Join(strings.Fields(unitText), " "))]
	}
	q := Quantity{Lo: lo, Hi: hi, Unit: u, Text: strings.TrimSpace(s[start:end]), Start: start, End: end}
	if u == "" {
		q.Noun = countNoun(s[end:])
	}
	return []Quantity{q}
}

// countNoun returns the plural noun that opens s after spaces ("homes
// were destroyed": "homes"), or "": a lower-case word of four letters or
// more ending in a single s, not one of the function words that look like
// one ("this", "across").
func countNoun(s string) string {
	i := 0
	for i < len(s) && s[i] == ' ' {
		i++
	}
	if i == 0 {
		return ""
	}
	j := i
	for j < len(s) && 'a' <= s[j] && s[j] <= 'z' {
		j++
	}
	w := s[i:j]
	if j < len(s) && (isLetterByte(s[j]) || s[j] >= 0x80) {
		return "" // a word that goes on in capitals or other letters
	}
	if len(w) < 4 || w[len(w)-1] != 's' || strings.HasSuffix(w, "ss") || notCountNouns[w] {
		return ""
	}
	return w
}

// notCountNouns are words ending in s that follow numbers without being
// what they count.
var notCountNouns = map[string]bool{
	"this": true, "thus": true, "plus": true, "minus": true, "across": true, "always": true,
	"perhaps": true, "towards": true, "besides": true, "whereas": true, "unless": true,
	"others": true, "ones": true, "times": true, "was": true, "has": true, "does": true,
	"goes": true, "its": true, "yes": true, "series": true, "news": true,
}

// magnitudeAround reports whether the number at s[start:end] is a
// magnitude, "magnitude" (or "a magnitude of") right before it or
// "-magnitude"/" magnitude" right after it, and the span with the word.
func magnitudeAround(s string, start, end int) (int, int, bool) {
	const word = "magnitude"
	after := s[end:]
	if len(after) > len(word) && (after[0] == '-' || after[0] == ' ') && strings.EqualFold(after[1:1+len(word)], word) &&
		(len(after) == 1+len(word) || !isLetterByte(after[1+len(word)])) {
		return start, end + 1 + len(word), true
	}
	before := strings.TrimRight(s[:start], " -")
	if n := len(before); n >= 3 && strings.EqualFold(before[n-3:], " of") {
		before = before[:n-3]
	}
	if len(before) >= len(word) && strings.EqualFold(before[len(before)-len(word):], word) && start-len(before) <= 4 {
		return len(before) - len(word), end, true
	}
	return 0, 0, false
}

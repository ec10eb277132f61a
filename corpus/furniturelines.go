package corpus

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/corpus/lang"
)

// isTimestampLine reports a line holding only a date and/or time
// ("23:25 GMT 05 June 2020", "Updated 12:01 PM").
func isTimestampLine(t string) bool {
	if figureDateLine.MatchString(strings.TrimSpace(t)) { // "2013-09-26", "11/09/2010"
		return true
	}
	ws := normWords(t)
	if len(ws) == 0 || len(ws) > 10 {
		return false
	}
	hasTime, hasNum, hasDateWord := false, false, false
	for _, w := range ws {
		w = strings.Trim(w, ".")
		switch {
		case timeTok.MatchString(w), brokenTimeTok.MatchString(w):
			hasTime = true
		case stampModifiers[strings.ToLower(w)]:
		case w == "a" || w == "p" || w == "m": // "8:41 p. m. EST"
		case numTok.MatchString(w):
			hasNum = true
		case timeWords[strings.TrimSuffix(w, ":")]:
			if lang.Month(w) > 0 || w == "ago" {
				hasDateWord = true
			}
		default:
			return false
		}
	}
	if hasTime || (hasNum && hasDateWord) {
		return true
	}
	// "PM ET", "GMT": what is left of a timestamp whose figures went
	// to another line.
	for _, w := range ws {
		if !clockWords[strings.Trim(w, ".")] {
			return false
		}
	}
	return len(ws) <= 3
}

// brokenTimeTok is a time of day as copied from a page: "1:" of "1: 00pm",
// "00pm", "10am", "5:04pm", "24am:".
var brokenTimeTok = regexp.MustCompile(`(?i)^(?:\d{1,2}:|\d{1,2}(?::\d{2})?[ap]m:?)$`)

// postMetaRE is a blog post's line of metadata: who posted it, in which
// category, on which day ("… posted in Pedestrian Accidents on Wednesday,
// September 18, 2013.", "Filed under World on 3 May 2013").
var postMetaRE = regexp.MustCompile(`(?i)\b(?:posted|filed)\s+(?:in|under|by)\b[^.!?]{0,80}?\bon\s+(?:\p{L}+day,?\s+)?(?:\p{L}+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+\p{L}+\.?\s+\d{4}|\d{4}-\d{2}-\d{2})\.?\s*$`)

// isPostMeta reports a blog post's line of metadata (postMetaRE).
func isPostMeta(t string) bool {
	for _, w := range [...]string{"osted in ", "osted by ", "osted under ", "iled in ", "iled by ", "iled under "} {
		if strings.Contains(t, w) {
			return postMetaRE.MatchString(t)
		}
	}
	return false
}

// figureDateLine is a date in figures alone: ISO 8601, or day, month
// and year ("11/09/2010", "08.11.19").
var figureDateLine = regexp.MustCompile(`^(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./](?:\d{2}|\d{4}))$`)

// stampModifiers open a timestamp line: "Originally published …", "First
// Published: …".
var stampModifiers = map[string]bool{"originally": true, "first": true}

// clockWords are the words of a time of day that are not figures: a.m.,
// p.m. and time zones.
var clockWords = map[string]bool{
	"am": true, "pm": true, "a.m": true, "p.m": true, "gmt": true, "utc": true, "msk": true, "est": true, "edt": true,
	"et": true, "ct": true, "mt": true, "pt": true, "cst": true, "cdt": true, "mst": true, "mdt": true, "pst": true,
	"pdt": true, "cet": true, "cest": true, "bst": true, "ist": true, "eet": true, "eest": true,
}

// counterNum is one share, like or comment count: "0", "1,204", "1.2K".
var counterNum = regexp.MustCompile(`^(?:\d{1,3}(?:[,.]\d{3})*|\d+)(?:[.,]\d+)?[kKmM]?$`)

// isNumbersOnly reports a line of counts with at most separators and
// icons between them ("0 0 0", "♥ 12 · 💬 3"): share and comment counters
// whose labels were icons.
func isNumbersOnly(t string) bool {
	nums := 0
	for w := range strings.FieldsSeq(t) {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		switch {
		case w == "": // a separator or an icon
		case counterNum.MatchString(w):
			nums++
		default:
			return false
		}
	}
	return nums > 0
}

// isTagList reports a comma-separated list of short terms with no sentence
// punctuation ("missiles, arms race, Sergei Lavrov, INF Treaty").
func isTagList(t string) bool {
	prefixed := false
	if loc := tagPrefix.FindStringIndex(t); loc != nil {
		t = t[loc[1]:]
		prefixed = true
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	if strings.ContainsAny(string(last), ".!?:;\"”") {
		return false
	}
	items := strings.FieldsFunc(t, func(r rune) bool { return r == ',' || r == ';' || r == '|' || r == '•' || r == '·' })
	if len(items) < 4 && !(prefixed && len(items) >= 1) {
		return false
	}
	capital := 0
	for _, it := range items {
		it = strings.TrimSpace(it)
		n := len(strings.Fields(it))
		if n == 0 || n > 4 || len(it) > 40 {
			return false
		}
		if strings.ContainsAny(it, ".!?\"“”") {
			return false
		}
		for _, w := range strings.Fields(strings.ToLower(it)) {
			if w == "and" || w == "or" || w == "the" || w == "said" || w == "says" {
				return false
			}
		}
		if r, _ := utf8.DecodeRuneInString(it); unicode.IsUpper(r) || unicode.IsDigit(r) {
			capital++
		}
	}
	return prefixed || capital*2 >= len(items)
}

// isForeignNotice reports a line of at least four words with no English
// function word and many non-ASCII letters: in an English article, a
// notice in the site's own language (comment rules, legal lines).
func isForeignNotice(t string) bool {
	// The cheaper test first: most lines of English have no non-ASCII
	// letter, and need not be counted.
	foreignLetter := false
	for i := 0; i < len(t) && !foreignLetter; i++ {
		if t[i] >= utf8.RuneSelf {
			r, _ := utf8.DecodeRuneInString(t[i:])
			foreignLetter = unicode.IsLetter(r)
		}
	}
	if !foreignLetter {
		return false
	}
	if n := CountWords(t, 40); n < 4 || n > 40 {
		return false
	}
	ws := strings.Fields(strings.ToLower(t))
	if len(ws) < 4 || len(ws) > 40 {
		return false
	}
	nonASCII := 0
	for _, w := range ws {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
		if englishFunctionWords[w] {
			return false
		}
		for _, r := range w {
			if r > unicode.MaxASCII && unicode.IsLetter(r) {
				nonASCII++
				break
			}
		}
	}
	return nonASCII*10 >= len(ws)*3
}

// headlineLike reports a line that reads like a headline or sub-heading:
// a few words, starting with a capital or digit, not ending like a
// sentence.
func headlineLike(t string, maxWords int) bool {
	t = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(t), "-–—•*#> "))
	n := CountWords(t, maxWords)
	if n == 0 || n > maxWords {
		return false
	}
	first, _ := utf8.DecodeRuneInString(t)
	// Scripts without capitals (Arabic, Hebrew, Chinese…) cannot show a
	// headline's capital: any letter of theirs may start one.
	caseless := unicode.IsLetter(first) && unicode.ToUpper(first) == first && unicode.ToLower(first) == first
	if !unicode.IsUpper(first) && !caseless && !unicode.IsDigit(first) && first != '"' && first != '“' && first != '\'' && first != '‘' && first != '「' {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	if strings.ContainsRune(".:;,。，；：،؛۔", last) {
		return false
	}
	if (last == '"' || last == '”' || last == '’') && len(t) > 2 {
		prev, _ := utf8.DecodeLastRuneInString(strings.TrimRight(t, "\"”’"))
		if prev == '.' || prev == ',' {
			return false
		}
	}
	return true
}

// isCaption reports a line short enough to be a photo caption and not
// ending like a sentence of prose.
func isCaption(t string) bool {
	n := CountWords(t, 30)
	if n == 0 || n > 30 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(t))
	return !strings.ContainsRune(".!?", last)
}

func countNonFurniture(paras []Paragraph) int {
	n := 0
	for _, p := range paras {
		if p.Role != RoleFurniture {
			n++
		}
	}
	return n
}

// CountWords counts the words of s as strings.Fields splits them,
// without allocating, up to limit: it stops at the word after the limit,
// so the count is exact up to limit and limit+1 for any more. Callers
// only ask whether a line or a clause is longer than some words, and a
// long paragraph is not read to its end for each question.
func CountWords(s string, limit int) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				in = false
				continue
			}
			if !in {
				in = true
				if n++; n > limit {
					return n
				}
			}
			// The rest of the word's plain ASCII in a tight loop.
			for i+1 < len(s) && s[i+1] < utf8.RuneSelf && !asciiSpace[s[i+1]] {
				i++
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size - 1
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			if n++; n > limit {
				return n
			}
		}
	}
	return n
}

// mayBeLanguageNotice is a cheap filter before the langNotice expression.
func mayBeLanguageNotice(t string) bool {
	for _, w := range []string{"vailable", "ead this in", "ead it in", "witch to", "VAILABLE"} {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// looksEnglish reports whether at least one in ten of the first 3,000
// words of text is a common English function word: English prose scores
// about one in three, other languages next to nothing.
func looksEnglish(text string) bool {
	n, hits := 0, 0
	for w := range strings.FieldsSeq(text) {
		if n >= 3000 {
			break
		}
		n++
		w = strings.Trim(w, ".,;:!?\"“”'’()")
		if englishFunctionWords[w] || (len(w) <= 5 && englishFunctionWords[strings.ToLower(w)]) {
			hits++
		}
	}
	return n > 0 && hits*10 >= n
}

// isMenuItemLine reports a line of one to three words without sentence
// punctuation that is not a list item: what a navigation menu looks like
// when each of its links lands on a line of its own.
func isMenuItemLine(t string) bool {
	n := CountWords(t, 3)
	if n == 0 || n > 3 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(t)
	if strings.ContainsRune("-*+•#>", first) || unicode.IsDigit(first) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	return !strings.ContainsRune(".!?,;\"”", last)
}

// isBreadcrumb reports a navigation trail: two or more short items
// separated by |, ›, » or > ("News|Nuclear Weapons", "Home › World").
func isBreadcrumb(t string) bool {
	if !strings.ContainsAny(t, "|›»>") {
		return false
	}
	items := strings.FieldsFunc(t, func(r rune) bool { return r == '|' || r == '›' || r == '»' || r == '>' })
	if len(items) < 2 {
		return false
	}
	for _, it := range items {
		n := CountWords(it, 3)
		if n == 0 || n > 3 || strings.ContainsAny(it, ".!?,;\"“”") {
			return false
		}
	}
	return true
}

// menuOnly reports a line of one to three words that are all section
// names ("World", "Middle East").
func (f *furnitureFinder) menuOnly(t string) bool {
	if CountWords(t, 3) > 3 {
		return false
	}
	ws := normWords(t)
	if len(ws) == 0 || len(ws) > 3 {
		return false
	}
	for _, w := range ws {
		if !menuWords[trimWord(w)] {
			return false
		}
	}
	return true
}

package corpus

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// splitParagraphs returns the paragraphs of text, each span trimmed of
// surrounding white space. News pages pasted as text put one paragraph on
// a line, with or without blank lines between, so a line is a paragraph;
// but a line cut short by hard wrapping (ending in a comma, hyphen or
// function word) continues on the next, and in a hard-wrapped text (lines
// no longer than 100 characters, most of them near that width) every
// full-width line continues on the next unless a blank line, list item or
// heading follows.
func splitParagraphs(text string) []Paragraph {
	width := wrapWidth(text)
	var out []Paragraph
	start := 0
	open := false // the last paragraph may continue on the next line
	for start <= len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		s, e := trimSpan(text, start, end)
		switch {
		case s >= e:
			open = false
		case open && continuesLine(text[s:e]):
			out[len(out)-1].End = e
			open = wrapsOnward(text[s:e]) || (width > 0 && utf8.RuneCountInString(text[start:end])*10 >= width*7)
		default:
			out = append(out, Paragraph{Span: Span{s, e}, Role: RoleBody})
			open = wrapsOnward(text[s:e]) || (width > 0 && utf8.RuneCountInString(text[start:end])*10 >= width*7 && continuesLine(text[s:e]))
		}
		start = end + 1
	}
	return out
}

// wrapWidth returns the width a hard-wrapped text is wrapped at, or 0 when
// the text is not hard-wrapped.
func wrapWidth(text string) int {
	type line struct {
		n       int
		stopped bool // ends with sentence punctuation
	}
	var lines []line
	width := 0
	for l := range strings.SplitSeq(text, "\n") {
		l = strings.TrimRight(l, " \t")
		n := utf8.RuneCountInString(l)
		if n == 0 {
			continue
		}
		if n > 100 {
			return 0
		}
		lines = append(lines, line{n, endsSentence(l)})
		width = max(width, n)
	}
	if len(lines) < 5 || width < 40 {
		return 0
	}
	// Most lines are near full width, and most of those stop mid-sentence.
	full, midSentence := 0, 0
	for _, l := range lines {
		if l.n*10 >= width*7 {
			full++
			if !l.stopped {
				midSentence++
			}
		}
	}
	if full < 3 || full*2 < len(lines) || midSentence*10 < full*7 {
		return 0
	}
	return width
}

// wrapFunctionWords are words a hard-wrapped line may end with but a
// headline, heading or paragraph never does.
var wrapFunctionWords = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "to": true, "in": true, "on": true, "and": true, "or": true,
	"for": true, "with": true, "by": true, "at": true, "from": true, "that": true, "as": true, "is": true,
	"was": true, "were": true, "are": true, "be": true, "but": true, "its": true, "their": true, "his": true, "her": true,
}

// wrapsOnward reports whether a line looks cut short by hard wrapping.
func wrapsOnward(line string) bool {
	last, _ := utf8.DecodeLastRuneInString(line)
	if last == ',' || (last == '-' && !strings.HasSuffix(line, " -")) {
		return true
	}
	w := lastWord(line)
	return wrapFunctionWords[w] && CountWords(line, 3) > 3
}

// endsSentence reports whether a line ends with sentence punctuation,
// possibly followed by closing quotes or brackets.
func endsSentence(line string) bool {
	line = strings.TrimRight(line, "\"”’')]")
	r, _ := utf8.DecodeLastRuneInString(line)
	return strings.ContainsRune(".!?:;…", r)
}

// continuesLine reports whether a line may continue the previous,
// unfinished one: it does not start a list item, heading or quote block.
func continuesLine(line string) bool {
	first, _ := utf8.DecodeRuneInString(line)
	if strings.ContainsRune("-*+•#>|", first) {
		return false
	}
	return true
}

// trimSpan narrows [s, e) past Unicode white space at both ends.
func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) && r != '\ufeff' {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) && r != '\ufeff' {
			break
		}
		e -= n
	}
	return s, e
}

// splitter splits body paragraphs into sentences: prose's punkt segmenter
// plus rules for what it gets wrong in news text. It is safe for
// concurrent use.
type splitter struct {
	seg *punktSegmenter
}

func newSplitter() (*splitter, error) {
	s, err := newSegmenter()
	if err != nil {
		return nil, err
	}
	return &splitter{seg: s}, nil
}

// sentences returns the sentence spans of text[p.Start:p.End]. dl, when not
// nil, is a dateline that must stay with the sentence it starts.
func (sp *splitter) sentences(text string, p Span, dl *Dateline) []Span {
	if s, e, ok := oneSentence(text, p); ok {
		if s >= e {
			return []Span{p}
		}
		return splitIdeographic(text, []Span{{s, e}})
	}
	return sp.segmented(text, p, dl)
}

// oneSentence reports a paragraph the segmenter would return whole, and
// the span it would give (trimmed of white space), without running it:
// the segmenter only ever breaks after a white-space separated word
// holding '.', '!' or '?', so a paragraph with no such word before its
// last one is one sentence. It is one paragraph in three or so of news
// text, and the segmenter is most of the loading time.
func oneSentence(text string, p Span) (start, end int, ok bool) {
	s, e := p.Start, p.End
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	src := text[s:e]
	lastWord := strings.LastIndexFunc(src, unicode.IsSpace) + 1
	return s, e, !strings.ContainsAny(src[:lastWord], ".!?")
}

// segmented is sentences by the segmenter and the rules after it.
func (sp *splitter) segmented(text string, p Span, dl *Dateline) []Span {
	src := text[p.Start:p.End]
	var spans []Span
	for _, s := range sp.seg.Segment(src) {
		spans = append(spans, Span{p.Start + s.Start, p.Start + s.End()})
	}
	if len(spans) == 0 {
		return []Span{p}
	}
	return splitIdeographic(text, mergeSentences(text, spans, dl))
}

// splitIdeographic splits sentences at the full stops, exclamation and
// question marks of Chinese and Japanese (。！？ and the half-width ｡),
// which the segmenter, made for text with spaces between sentences, does
// not see. Closing quotes and brackets after the mark stay with the
// sentence they close; a mark inside quotes ("「対応する。」と語った")
// ends the quotation, not the sentence.
func splitIdeographic(text string, spans []Span) []Span {
	// Only the spans' own stretch of text is searched: the whole article,
	// searched once per paragraph, made segmentation quadratic.
	if len(spans) == 0 || !hasIdeographicStop(text[spans[0].Start:spans[len(spans)-1].End]) {
		return spans
	}
	var out []Span
	for _, sp := range spans {
		start := sp.Start
		depth := 0 // open quotes and brackets: a mark inside one ends a quoted sentence, not this one
		for i := sp.Start; i < sp.End; {
			r, n := utf8.DecodeRuneInString(text[i:])
			i += n
			switch {
			case strings.ContainsRune("「『（“《〈【", r):
				depth++
				continue
			case strings.ContainsRune("」』）”》〉】", r):
				depth = max(depth-1, 0)
				continue
			case depth > 0 || r != '。' && r != '！' && r != '？' && r != '｡':
				continue
			}
			for i < sp.End {
				c, m := utf8.DecodeRuneInString(text[i:])
				if !strings.ContainsRune("」』）)”’\"》〉】!?！？。", c) {
					break
				}
				i += m
			}
			next, rest := trimSpan(text, i, sp.End)
			if next >= rest {
				break // the mark ends the span
			}
			out = append(out, Span{start, i})
			start = next
			i = next
		}
		out = append(out, Span{start, sp.End})
	}
	return out
}

// hasIdeographicStop reports whether s holds 。, ！, ？ or ｡, in one pass
// over its bytes (strings.ContainsAny makes one a character, each
// stopping at every byte that ends a common punctuation mark).
func hasIdeographicStop(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == 0xE3 || c == 0xEF { // the lead bytes of the four
			switch r, _ := utf8.DecodeRuneInString(s[i:]); r {
			case '。', '！', '？', '｡':
				return true
			}
		}
	}
	return false
}

// Abbreviations the segmenter may end a sentence after. titleAbbrev come
// before a name (or "v." between two) and never end a sentence;
// numberAbbrev only stay joined when a number follows.
var (
	titleAbbrev = map[string]bool{
		"mr": true, "mrs": true, "ms": true, "dr": true, "gen": true, "col": true, "lt": true, "sgt": true,
		"capt": true, "cpt": true, "maj": true, "adm": true, "cmdr": true, "sen": true, "rep": true, "gov": true,
		"prof": true, "rev": true, "hon": true, "pres": true, "amb": true, "supt": true, "insp": true,
		"sens": true, "reps": true, "gens": true, "govs": true, "pfc": true, "pvt": true, "cpl": true, "spc": true,
		"brig": true, "lieut": true, "cmdt": true, "msgr": true, "fr": true, "det": true, "atty": true,
		"const": true, "dist": true, "asst": true, "dep": true, "messrs": true, "mme": true, "rt": true, // "Police Const. Tim Fanning", "Dist. Atty. …"
		"vs": true, "v": true, // "Roe v. Wade"
	}
	numberAbbrev = map[string]bool{
		"no": true, "nos": true, "art": true, "vol": true, "p": true, "pp": true, "fig": true, "para": true,
		"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
		"sept": true, "oct": true, "nov": true, "dec": true, "approx": true, "ca": true,
	}
	// countryAbbrev end sentences often ("returned to the U.S."), but not
	// before the institution they name ("the 9th U.S. Circuit Court").
	countryAbbrev = map[string]bool{"u.s": true, "u.k": true, "u.n": true, "e.u": true, "u.s.a": true}
	institutions  = map[string]bool{
		"circuit": true, "district": true, "court": true, "supreme": true, "army": true, "navy": true, "air": true,
		"marine": true, "marines": true, "senate": true, "house": true, "congress": true, "department": true,
		"embassy": true, "ambassador": true, "attorney": true, "forces": true, "military": true, "government": true,
		"security": true, "general": true, "secretary": true, "special": true, "envoy": true, "mission": true,
		"treasury": true, "state": true, "coast": true, "central": true, "command": true,
	}
	// timeZones follow "4 p.m." without starting a sentence.
	timeZones = map[string]bool{"ET": true, "EST": true, "EDT": true, "CT": true, "PT": true, "PST": true, "PDT": true,
		"GMT": true, "UTC": true, "BST": true, "CET": true, "CEST": true, "MSK": true, "JST": true, "IST": true}
	attributionRE = regexp.MustCompile(`^(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2}|the \p{Ll}+(?:\s+\p{Ll}+){0,2})\s+(?:said|says|added|adds|stated|noted|told reporters|explained|stressed|emphasized|emphasised|warned|wrote|insisted|continued|went on|pointed out|claimed)\.$`)
)

// mergeSentences joins sentence pieces the segmenter split wrongly.
func mergeSentences(text string, spans []Span, dl *Dateline) []Span {
	out := spans[:1]
	for _, s := range spans[1:] {
		prev := &out[len(out)-1]
		if shouldJoin(text, *prev, s, dl) {
			prev.End = s.End
			continue
		}
		out = append(out, s)
	}
	return out
}

func shouldJoin(text string, prev, next Span, dl *Dateline) bool {
	// A dateline ("MOSCOW, November 8. /TASS/.") belongs to the sentence
	// it opens.
	if dl != nil && prev.Start >= dl.Start && prev.End <= dl.End {
		return true
	}
	p, n := text[prev.Start:prev.End], text[next.Start:next.End]
	first, _ := utf8.DecodeRuneInString(n)
	// A piece with no letters (a stray quote mark, bracket or ellipsis)
	// belongs to the sentence before it.
	if !strings.ContainsFunc(n, unicode.IsLetter) || !strings.ContainsFunc(p, unicode.IsLetter) {
		return true
	}
	// A sentence never starts with a lower-case word: the split was after
	// an abbreviation or inside a quotation ("...," he said).
	if unicode.IsLower(first) {
		return true
	}
	last := lastWord(p)
	if strings.HasSuffix(p, ".") {
		w := strings.ToLower(strings.TrimSuffix(last, "."))
		w = strings.TrimLeft(w, "([\"'“‘")
		if titleAbbrev[w] {
			return true
		}
		if numberAbbrev[w] && unicode.IsDigit(first) {
			return true
		}
		nextWord := strings.TrimRight(strings.SplitN(n, " ", 2)[0], ".,;:")
		if countryAbbrev[w] && institutions[strings.ToLower(nextWord)] {
			return true
		}
		if (w == "p.m" || w == "a.m") && timeZones[nextWord] {
			return true
		}
		// Joined initials: "Hynix CEO E.J. Woo" (not country abbreviations).
		if isInitials(last) && !countryAbbrev[w] && unicode.IsUpper(first) {
			return true
		}
		// Initials alone are no sentence: "W. Mark Felt, who leaked…",
		// "told L. A. Superior Court Judge…" (split as "L." "A." "…").
		if onlyInitials(p) && (unicode.IsUpper(first) || onlyInitials(n)) {
			return true
		}
		if onlyInitials(n) && isInitialEnd(p) {
			return true
		}
		// An initial: "J. R. R. Tolkien", "Donald J. Trump".
		if r := []rune(w); len(r) == 1 && unicode.IsLetter(r[0]) && unicode.IsUpper([]rune(last)[0]) && unicode.IsUpper(first) && len(strings.Fields(p)) > 1 {
			pw := strings.Fields(p)
			before := pw[len(pw)-2]
			if br, _ := utf8.DecodeRuneInString(before); unicode.IsUpper(br) {
				return true
			}
		}
	}
	// "'We are ready.' Lavrov said." — a bare attribution after a quote.
	if endsWithQuote(p) && attributionRE.MatchString(n) {
		return true
	}
	return false
}

// onlyInitials reports a piece made of single capital letters each
// followed by a full stop: "W.", "L. A.".
func onlyInitials(s string) bool {
	if len(s) > 16 { // most pieces: a sentence is longer than a few initials
		return false
	}
	ws := strings.Fields(s)
	for _, w := range ws {
		r := []rune(w)
		if len(r) != 2 || !unicode.IsUpper(r[0]) || r[1] != '.' {
			return false
		}
	}
	return len(ws) > 0
}

// isInitialEnd reports whether s ends with a single capital initial ("…
// told L.").
func isInitialEnd(s string) bool {
	r := []rune(lastWord(s))
	return len(r) == 2 && unicode.IsUpper(r[0]) && r[1] == '.'
}

// isInitials reports two or three joined initials: "E.J.", "J.R.R.".
func isInitials(w string) bool {
	w = strings.TrimLeft(w, "([\"'“‘")
	if len(w) < 4 || len(w) > 6 || len(w)%2 != 0 {
		return false
	}
	for i := 0; i < len(w); i += 2 {
		if w[i] < 'A' || w[i] > 'Z' || w[i+1] != '.' {
			return false
		}
	}
	return true
}

func lastWord(s string) string {
	i := strings.LastIndexFunc(s, unicode.IsSpace)
	return s[i+1:]
}

func endsWithQuote(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '"' || r == '”' || r == '’' || r == '\''
}

package frame

import (
	"strings"
	"unicode"
)

// speakerKind says what kind of expression names a speaker.
type speakerKind uint8

const (
	spNone    speakerKind = iota
	spName                // a proper name, titles stripped
	spPronoun             // he / she
	spRole                // "the foreign minister"
)

// rawSpeaker is a speaker as the sentence gives it, before resolution.
type rawSpeaker struct {
	kind  speakerKind
	names []string // spName: one or more names ("Lavrov and Pompeo")
	role  string   // spRole: the role words; spName: the stripped title, if any
}

// speakerOf finds who a reporting verb at i (n tokens) attributes to: the
// subject before it (skipping auxiliaries, adverbs and parentheticals), a
// name after it in inverted order ("said Lavrov"), or for a participle
// after a comma, the subject of the clause.
func (an *analyzer) speakerOf(si *sentInfo, i, n int) rawSpeaker {
	toks := si.toks
	form := an.verbForm(toks[i])
	if form == "ing" && i > 0 && toks[i-1].lower == "," {
		for k := len(si.attrs) - 1; k >= 0; k-- {
			if si.attrs[k].speaker.kind != spNone {
				return si.attrs[k].speaker
			}
		}
		return an.subjectAt(toks, 0)
	}
	if sp := an.speakerBefore(toks, i); sp.kind != spNone {
		return sp
	}
	// Passive with an agent: "confirmed by [Russian] President [Vladimir] Putin".
	if form == "ed" && isWordTok(toks, i+n) && toks[i+n].lower == "by" {
		var rest []token
		for _, t := range toks[i+n+1:] {
			if t.text != "[" && t.text != "]" {
				rest = append(rest, t)
			}
		}
		if sp := an.speakerAfter(rest, 0); sp.kind != spNone {
			return sp
		}
	}
	// Inverted: `"...," said Lavrov` or a headline's ", says Lavrov".
	if i == 0 || toks[i-1].lower == "," || toks[i-1].kind == tokQuote {
		if sp := an.speakerAfter(toks, i+n); sp.kind != spNone {
			return sp
		}
	}
	return rawSpeaker{}
}

// speakerBefore reads the subject ending just before token i.
func (an *analyzer) speakerBefore(toks []token, i int) rawSpeaker {
	j := i - 1
	for skips := 0; j >= 0 && skips < 4; skips++ {
		t := toks[j]
		switch t.lower {
		case "was", "were", "is", "are", "be", "been", "being":
			return rawSpeaker{} // passive: "Japan was mentioned"; the agent follows "by"
		}
		if t.kind == tokWord && !t.isCap() && (an.wc.auxSkip[t.lower] || strings.HasSuffix(t.lower, "ly") && len(t.lower) > 4) {
			j--
			continue
		}
		// A time phrase between subject and verb: "BEA on Thursday said".
		if t.kind == tokWord && an.wc.timeWord[t.lower] && j > 0 && (toks[j-1].lower == "on" || toks[j-1].lower == "last" || toks[j-1].lower == "this") {
			j -= 2
			continue
		}
		if t.kind == tokWord && (t.lower == "today" || t.lower == "yesterday") {
			j--
			continue
		}
		if t.lower == "," && j > 0 {
			// A parenthetical: ", who met ... ," or ", for his part,".
			k := j - 1
			for k >= 0 && toks[k].lower != "," && j-k < 30 {
				k--
			}
			if k < 0 || toks[k].lower != "," {
				break
			}
			seg := toks[k+1 : j]
			if len(seg) == 0 {
				break
			}
			first := seg[0].lower
			// An appositive after a name: "Ghulam Mahaiuddin, head of
			// administration in the southern province of Helmand, said".
			appositive := len(seg) <= 20 && k > 0 && toks[k-1].kind == tokWord && toks[k-1].isCap()
			if len(seg) <= 6 || appositive || first == "who" || first == "which" || first == "speaking" || first == "according" {
				j = k - 1
				continue
			}
			break
		}
		break
	}
	if j < 0 || toks[j].kind != tokWord {
		return rawSpeaker{}
	}
	switch toks[j].lower {
	case "he", "she":
		return rawSpeaker{kind: spPronoun}
	}
	if toks[j].isCap() {
		// A name after a preposition is not a subject: "their meeting in
		// Beijing asserting that...".
		k := j
		for k-1 >= 0 && toks[k-1].kind == tokWord && (toks[k-1].isCap() || an.wc.connector[toks[k-1].lower] && k-2 >= 0 && toks[k-2].isCap()) {
			k--
		}
		if k-1 >= 0 && an.wc.preposition[toks[k-1].lower] {
			return rawSpeaker{}
		}
		if k == j && an.commonAtStart(toks, j) {
			return rawSpeaker{} // "We asked", "Officials said"
		}
		return an.nameRunBack(toks, j)
	}
	if an.wc.roleNoun[toks[j].lower] {
		return an.roleBack(toks, j)
	}
	return rawSpeaker{}
}

// subjectAt reads a subject that starts at token i: "The US", "He",
// "Russian Foreign Minister Sergei Lavrov".
func (an *analyzer) subjectAt(toks []token, i int) rawSpeaker {
	if i < len(toks) && (toks[i].lower == "the") {
		i++
	}
	if !isWordTok(toks, i) {
		return rawSpeaker{}
	}
	if toks[i].lower == "he" || toks[i].lower == "she" {
		return rawSpeaker{kind: spPronoun}
	}
	j := i
	for isWordTok(toks, j+1) && (toks[j+1].isCap() || an.wc.connector[toks[j+1].lower] && isWordTok(toks, j+2) && toks[j+2].isCap()) {
		j++
	}
	if !toks[i].isCap() {
		return rawSpeaker{}
	}
	return an.nameRunBack(toks, j)
}

// speakerAfter reads a speaker that starts at token i: "Lavrov", "the
// minister", "him".
func (an *analyzer) speakerAfter(toks []token, i int) rawSpeaker {
	if !isWordTok(toks, i) {
		return rawSpeaker{}
	}
	switch toks[i].lower {
	case "him", "her", "he", "she":
		return rawSpeaker{kind: spPronoun}
	}
	start := i
	if toks[i].lower == "the" {
		i++
	}
	j := i
	for isWordTok(toks, j) && (toks[j].isCap() || j > i && an.wc.connector[toks[j].lower] && isWordTok(toks, j+1) && toks[j+1].isCap()) {
		j++
	}
	if j > i && j < len(toks) && toks[j].lower == "'s" {
		// "according to Russia's top diplomat"
		r := j + 1
		for isWordTok(toks, r) && r-j < 4 && !an.wc.roleNoun[toks[r].lower] {
			r++
		}
		if isWordTok(toks, r) && an.wc.roleNoun[toks[r].lower] {
			return an.roleBack(toks, r)
		}
	}
	if j > i {
		return an.nameRunBack(toks, j-1)
	}
	// "the (Russian) foreign minister"
	j = i
	for isWordTok(toks, j) && j-start < 5 && !an.wc.roleNoun[toks[j].lower] {
		j++
	}
	if isWordTok(toks, j) && an.wc.roleNoun[toks[j].lower] && toks[start].lower == "the" {
		return an.roleBack(toks, j)
	}
	return rawSpeaker{}
}

// nameRunBack reads capitalised words ending at j ("US Secretary of State
// Michael Pompeo", "Lavrov and Pompeo"), strips titles and returns the
// name(s).
func (an *analyzer) nameRunBack(toks []token, j int) rawSpeaker {
	var names []string
	var title string
	for {
		k := j
		for k-1 >= 0 && toks[k-1].kind == tokWord && (toks[k-1].isCap() || an.wc.connector[toks[k-1].lower] && k-2 >= 0 && toks[k-2].isCap()) {
			k--
		}
		// A lower-case title before the name: "Pentagon spokesman Robert Carver".
		for k-1 >= 0 && toks[k-1].kind == tokWord && k < j && (an.wc.titleWord[toks[k-1].lower] && !toks[k-1].isCap() && toks[k-1].lower != "the" ||
			toks[k-1].isCap() && !toks[k].isCap() && (an.lx.actors.titleWord[toks[k-1].lower] || an.wc.titleWord[toks[k-1].lower])) {
			k--
		}
		name, ttl := an.stripTitle(toks[k : j+1])
		if name == "" {
			if ttl != "" && an.wc.roleNoun[strings.ToLower(toks[j].text)] {
				return rawSpeaker{kind: spRole, role: strings.ToLower(ttl)}
			}
			break
		}
		names = append(names, name)
		if title == "" {
			title = ttl
		}
		// "Lavrov and Pompeo": a second name before "and".
		if k-2 >= 0 && toks[k-1].lower == "and" && toks[k-2].isCap() && toks[k-2].kind == tokWord {
			j = k - 2
			continue
		}
		break
	}
	if len(names) == 0 {
		return rawSpeaker{}
	}
	for a, b := 0, len(names)-1; a < b; a, b = a+1, b-1 {
		names[a], names[b] = names[b], names[a]
	}
	return rawSpeaker{kind: spName, names: names, role: strings.ToLower(title)}
}

// stripTitle splits a run of capitalised words into title and name: the
// name is the longest tail of words that are not titles, nationalities or
// institutions. A run that is all institution ("Washington", "the US") is
// returned whole as the name.
func (an *analyzer) stripTitle(run []token) (name, title string) {
	if len(run) == 0 {
		return "", ""
	}
	whole := joinWords(run)
	if a := an.lx.actors.byName[strings.ToLower(whole)]; a != nil {
		return whole, ""
	}
	k := len(run)
	for k > 0 {
		low := run[k-1].lower
		if an.wc.titleWord[low] || an.lx.actors.titleWord[low] {
			break
		}
		k--
	}
	// Connectors at the start of the name belong to the title ("of").
	for k < len(run) && an.wc.connector[run[k].lower] && (k == 0 || an.wc.titleWord[run[k-1].lower]) && k+1 < len(run) && !run[k+1].isCap() {
		k++
	}
	if k == len(run) {
		// All title words: an institution ("the Pentagon", "NATO") or a
		// bare role ("Foreign Minister").
		last := run[len(run)-1].lower
		if an.lx.actors.titleWord[last] && !an.wc.roleNoun[last] {
			return strings.TrimPrefix(whole, "The "), ""
		}
		return "", whole
	}
	return joinWords(run[k:]), joinWords(run[:k])
}

func joinWords(run []token) string {
	var b strings.Builder
	for i, t := range run {
		if i > 0 && t.lower != "'s" {
			b.WriteByte(' ')
		}
		b.WriteString(t.text)
	}
	return b.String()
}

// roleBack reads a role phrase ending in the role noun at j: "the foreign
// minister", "Moscow's top diplomat", "the Russian foreign minister".
func (an *analyzer) roleBack(toks []token, j int) rawSpeaker {
	k := j
	for k-1 >= 0 && j-k < 4 && toks[k-1].kind == tokWord && !an.wc.determiner[toks[k-1].lower] {
		k--
	}
	if k-1 < 0 || !an.wc.determiner[toks[k-1].lower] {
		return rawSpeaker{} // "officials said" or a bare noun: not one resolvable person
	}
	var words []string
	for _, t := range toks[k : j+1] {
		words = append(words, t.lower)
	}
	return rawSpeaker{kind: spRole, role: strings.Join(words, " ")}
}

// looksPerson reports whether a name is a person rather than a state or an
// institution.
func (an *analyzer) looksPerson(name string) bool {
	if a := an.lx.actors.lookup(name); a != nil {
		return a.person
	}
	if an.outlets.Lookup(name) != nil {
		return false // "RT reported"
	}
	for _, w := range strings.Fields(strings.ToLower(name)) {
		if an.lx.actors.titleWord[w] {
			return false
		}
	}
	return true
}

// hasLetter reports whether s contains a letter.
func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// commonAtStart reports whether token j is a capitalised common word only
// because it opens the sentence or what follows its dateline ("Insurance
// claims rose", "WASHINGTON (Reuters) - Insurance claims rose", "We
// asked"): a frequent English word that the actors table does not know.
func (an *analyzer) commonAtStart(toks []token, j int) bool {
	first := 0
	if k := datelineEnd(toks); k > 0 && k <= j {
		first = k
	}
	for k := first; k < j; k++ {
		if toks[k].kind == tokWord {
			return false // not the first word
		}
	}
	if an.lx.actors.byName[toks[j].lower] != nil {
		return false
	}
	return an.lx.background[toks[j].lower] >= 50
}

// datelineEnd returns the index of the first token after a dateline that
// opens the sentence ("MOSCOW, November 8. /TASS/." is split off by the
// corpus, but "WASHINGTON (Reuters) -" and "TEHRAN (Tasnim) –" stay): words
// in capitals, a parenthesised credit, then a dash. It returns 0 when the
// sentence has no such dateline.
func datelineEnd(toks []token) int {
	for k, t := range toks {
		switch {
		case t.kind == tokWord && t.text == strings.ToUpper(t.text):
		case t.text == "(" || t.text == ")" || t.text == ",":
		case t.kind == tokWord && k > 0 && toks[k-1].text == "(":
			// the credit inside the parentheses: "(Reuters)", "(AA)"
		case t.text == "-" || t.text == "–" || t.text == "—":
			if k == 0 {
				return 0
			}
			return k + 1
		default:
			return 0
		}
	}
	return 0
}

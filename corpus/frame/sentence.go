package frame

import (
	"strings"
	"unicode"

	"github.com/parallax-reader/parallax/corpus"
)

// Word classes used by the attribution and scare-quote rules. They are
// closed-class English words, read-only after construction.
func wordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

type wordClasses struct {
	preposition, timeWord, determiner, auxSkip, nounFollower, modalBefore, roleNoun, titleWord, naming, nounAmbiguous, physical, speechNoun, connector map[string]bool
}

func newWordClasses() *wordClasses {
	return &wordClasses{
		timeWord:    wordSet("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "week", "month", "year", "weekend", "night", "morning", "evening", "afternoon"),
		preposition: wordSet("in", "at", "on", "from", "to", "with", "for", "of", "by", "during", "into", "near", "against", "between", "across", "over", "under", "about"),
		determiner:  wordSet("the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "these", "those", "this", "'s", "such", "any", "some", "no", "mutual", "new", "previous", "own", "all"),
		auxSkip: wordSet("also", "has", "have", "had", "was", "were", "is", "are", "will", "would", "earlier", "later", "then", "again", "further",
			"previously", "once", "reportedly", "repeatedly", "publicly", "recently", "already", "never", "not", "just", "now", "had", "has", "subsequently", "last", "first", "ultimately", "even"),
		nounFollower: wordSet("is", "are", "was", "were", "be", "been", "have", "has", "had", "will", "would", "could", "should", "may", "might", "must", "can",
			"of", "for", "by", "from", "against", "to", "in", "on", "at", "with", "about", "and", "or", "but", "than", "over", "under", "into", "remain", "remains", "process", "department", "commission", "office"),
		modalBefore: wordSet("to", "will", "would", "can", "could", "may", "might", "should", "must", "do", "did", "does", "not", "they", "we", "you", "i", "who", "also"),
		roleNoun: wordSet("minister", "diplomat", "president", "spokesman", "spokeswoman", "spokesperson", "secretary", "ambassador", "envoy",
			"chancellor", "leader", "premier", "adviser", "advisor", "chief", "commander", "counterpart", "king", "prince", "governor", "senator", "official"),
		titleWord: wordSet("president", "vice", "prime", "minister", "foreign", "defence", "defense", "secretary", "state", "of", "adviser", "advisor",
			"national", "security", "spokesman", "spokeswoman", "spokesperson", "ambassador", "deputy", "general", "senator", "sen.", "rep.", "gov.", "governor",
			"king", "queen", "prince", "crown", "sheikh", "emir", "leader", "supreme", "chief", "head", "commander", "envoy", "director", "chairman",
			"chairwoman", "chair", "top", "senior", "official", "diplomat", "former", "mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr.", "press", "high",
			"representative", "special", "permanent", "the", "then", "acting", "interior", "finance", "economy", "trade", "energy", "justice", "affairs",
			"army", "staff", "lieutenant", "colonel", "major", "admiral", "secretary-general", "ministry", "department", "house", "council", "federal", "pope", "ayatollah"),
		naming:        wordSet("dubbed", "named", "titled", "entitled", "called", "nicknamed", "codenamed", "labelled", "labeled", "termed", "known", "as"),
		nounAmbiguous: wordSet("claim", "report", "note", "state", "comment", "remark", "reply", "answer", "demand", "attack", "blast", "stress", "call", "hope", "estimate", "vow", "concern", "rail", "mock", "slam", "blame", "regard", "mention", "urge", "question", "plea", "lament", "boast", "respond", "dismiss", "reveal", "warn", "threaten"),
		physical:      wordSet("attack", "blast", "slam", "reject", "dismiss", "demand", "expose", "mock", "threaten", "rail"),
		speechNoun: wordSet("position", "stance", "decision", "claim", "claims", "statement", "statements", "remark", "remarks", "comment", "comments", "policy",
			"policies", "plan", "plans", "proposal", "proposals", "move", "report", "reports", "accusation", "accusations", "allegation", "allegations", "idea",
			"demand", "demands", "approach", "criticism", "call", "calls", "offer", "suggestion", "suggestions", "initiative", "charges", "charge", "stance", "position", "view", "views", "rhetoric", "actions", "behaviour", "behavior"),
		connector: wordSet("of", "for", "de", "du", "la", "le", "von", "van", "der", "den", "bin", "al", "ibn", "da", "di"),
	}
}

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

// attribution is a reporting verb (or "according to") found in a sentence.
type attribution struct {
	verb     *entry // nil for "according to" and headline attribution
	form     string // surface text of the verb
	start    int    // byte offsets of the verb
	end      int
	tokIdx   int // first token of the verb
	speaker  rawSpeaker
	resolved []string // filled at article level
}

// sentInfo is what the sentence-level pass finds.
type sentInfo struct {
	s     corpus.Sentence
	toks  []token
	attrs []attribution
}

// isWordTok reports whether the token at i exists and is a word.
func isWordTok(toks []token, i int) bool { return i >= 0 && i < len(toks) && toks[i].kind == tokWord }

// findAttributions finds reporting verbs and "according to" in a sentence.
func (an *analyzer) findAttributions(si *sentInfo) {
	toks := si.toks
	heading := si.s.Role == corpus.RoleTitle || si.s.Role == corpus.RoleHeading
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.kind != tokWord {
			continue
		}
		// "according to X"
		if t.lower == "according" && isWordTok(toks, i+1) && toks[i+1].lower == "to" {
			sp := an.speakerAfter(toks, i+2)
			si.attrs = append(si.attrs, attribution{form: t.text + " " + toks[i+1].text, start: t.start, end: toks[i+1].end, tokIdx: i, speaker: sp})
			i++
			continue
		}
		e, n := an.reportingAt(toks, i)
		if e == nil {
			continue
		}
		if !an.isVerbUse(toks, i, n, e, heading) {
			continue
		}
		if an.verbForm(t) == "ed" && an.passive(toks, i) && !(isWordTok(toks, i+n) && toks[i+n].lower == "by") {
			continue // "is accused of", "could be denied": no one is reported as speaking
		}
		a := attribution{verb: e, form: joinText(toks[i : i+n]), start: t.start, end: toks[i+n-1].end, tokIdx: i}
		a.speaker = an.speakerOf(si, i, n)
		if e.stance == StanceBearing && an.wc.physical[e.words[0]] && !an.speechComplement(toks, i+n, e) {
			continue // "troops attacked the town": not a reporting verb here
		}
		si.attrs = append(si.attrs, a)
		i += n - 1
	}
	if heading {
		an.headlineAttribution(si)
	}
}

func joinText(toks []token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.text
	}
	return strings.Join(parts, " ")
}

// reportingAt returns the reporting-verb entry starting at token i and how
// many tokens it spans.
func (an *analyzer) reportingAt(toks []token, i int) (*entry, int) {
	for _, e := range an.lx.reportingP {
		if i+len(e.words) > len(toks) {
			continue
		}
		ok := false
		for _, f := range e.forms {
			if toks[i].lower == f {
				ok = true
			}
		}
		for k := 1; ok && k < len(e.words); k++ {
			if toks[i+k].kind != tokWord || toks[i+k].lower != e.words[k] {
				ok = false
			}
		}
		if ok {
			return e, len(e.words)
		}
	}
	switch toks[i].lower {
	case "regarding", "considering", "concerning", "following", "including", "given", "according":
		return nil, 0 // prepositions, not reporting verbs
	}
	if e := an.lx.reporting[toks[i].lower]; e != nil {
		return e, 1
	}
	return nil, 0
}

// verbForm classifies a surface form: "ed" (past or participle), "ing",
// "s" (third person) or "base".
func (an *analyzer) verbForm(t token) string {
	if l, ok := an.lx.irregular[t.lower]; ok && l != t.lower {
		if strings.HasSuffix(t.lower, "s") && (t.lower == "says" || t.lower == "goes" || t.lower == "does" || t.lower == "has") {
			return "s"
		}
		return "ed"
	}
	switch {
	case strings.HasSuffix(t.lower, "ed"):
		return "ed"
	case strings.HasSuffix(t.lower, "ing"):
		return "ing"
	case strings.HasSuffix(t.lower, "s") && !strings.HasSuffix(t.lower, "ss"):
		return "s"
	}
	return "base"
}

// isVerbUse decides whether a reporting-verb lemma at i is used as a verb.
// It tells "the US claims breach the deal" (verb) from "US claims were
// far-fetched", "insurance claims" and "the alleged violations".
func (an *analyzer) isVerbUse(toks []token, i, n int, e *entry, heading bool) bool {
	t := toks[i]
	if t.isCap() && i > 0 && !heading {
		// A capitalised word inside a sentence is a name ("United States").
		if prev := toks[i-1]; prev.kind == tokWord || prev.lower == "," {
			return false
		}
	}
	var prev, next token
	if i > 0 {
		prev = toks[i-1]
	}
	if i+n < len(toks) {
		next = toks[i+n]
	}
	form := an.verbForm(t)
	amb := an.wc.nounAmbiguous[e.words[0]]
	switch form {
	case "ed":
		if an.wc.determiner[prev.lower] {
			return false // "the alleged violations"
		}
		return true
	case "ing":
		if an.wc.determiner[prev.lower] {
			return false // "a warning"
		}
		// "without warning to", "the latest warning from": a noun when a
		// preposition or punctuation follows.
		return next.lower == "that" || next.kind == tokWord && !an.wc.nounFollower[next.lower] || next.kind == tokQuote || next.text == ":"
	case "s":
		if !amb {
			return true
		}
		if an.wc.determiner[prev.lower] {
			return false // "its claims"
		}
		// A named subject right before: "the US claims breach", "the
		// minister claims that"; not "the attacks that killed".
		subject := prev.kind == tokWord && (prev.isCap() && !an.commonAtStart(toks, i-1) || an.wc.roleNoun[prev.lower] ||
			prev.lower == "he" || prev.lower == "she" || prev.lower == "it" || prev.lower == "who" || prev.lower == "which")
		if !subject {
			return false // "insurance claims rose"
		}
		if next.lower == "that" || next.kind == tokQuote || next.text == ":" {
			return true
		}
		return next.kind == tokWord && !an.wc.nounFollower[next.lower] // not "claims were", "claims by", "claims."
	default:
		// A bare base form reports speech only with its complement in
		// sight: "they deny that", "to say:", `we warn "..."`.
		if an.wc.determiner[prev.lower] || prev.kind != tokWord {
			return false
		}
		// ...and a subject or auxiliary before it: "officials claim that",
		// "we warn:", not "the still unproven claim that".
		subject := an.wc.modalBefore[prev.lower] || prev.isCap() && !an.commonAtStart(toks, i-1) ||
			strings.HasSuffix(prev.lower, "s") && !strings.HasSuffix(prev.lower, "ss") && an.lx.background[prev.lower] > 0
		return subject && (next.lower == "that" || next.kind == tokQuote || next.text == ":")
	}
}

// speechComplement reports whether what follows a verb that also names a
// physical act ("attack", "reject", "slam") shows it reports speech: a
// "that" clause, a quote, "as", a speech or position noun, or (for
// "threaten") a to-infinitive.
func (an *analyzer) speechComplement(toks []token, j int, e *entry) bool {
	for k := j; k < len(toks) && k < j+8; k++ {
		t := toks[k]
		if t.kind == tokQuote {
			return true
		}
		if t.kind == tokPunct && (t.text == "." || t.text == ";" || t.text == ":") {
			return false
		}
		if t.kind == tokPunct && t.text == "," {
			if isWordTok(toks, k+1) && (toks[k+1].lower == "saying" || toks[k+1].lower == "calling") {
				return true
			}
			continue
		}
		if k == j && t.lower == "to" && e.words[0] == "threaten" {
			return true
		}
		if t.lower == "that" && k == j || t.lower == "as" || an.wc.speechNoun[t.lower] {
			return true
		}
	}
	return false
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

// headlineAttribution reads the headline conventions "...: Lavrov",
// "... — Lavrov" and "Lavrov: ...".
func (an *analyzer) headlineAttribution(si *sentInfo) {
	toks := si.toks
	if len(toks) < 3 {
		return
	}
	isSep := func(t token) bool { return t.text == ":" || t.text == "—" || t.text == "–" || t.text == "-" }
	// trailing
	end := len(toks)
	for end > 0 && toks[end-1].kind == tokPunct && !isSep(toks[end-1]) {
		end--
	}
	k := end - 1
	for k >= 0 && toks[k].kind == tokWord && toks[k].isCap() && end-k <= 4 {
		k--
	}
	if k >= 1 && k < end-1 && isSep(toks[k]) {
		if sp := an.nameRunBack(toks, end-1); sp.kind == spName && an.looksPerson(sp.names[0]) {
			si.attrs = append(si.attrs, attribution{form: toks[k].text, start: toks[k].start, end: toks[k].end, tokIdx: k, speaker: sp})
			return
		}
	}
	// leading
	k = 0
	for k < len(toks) && toks[k].kind == tokWord && toks[k].isCap() && k < 4 {
		k++
	}
	if k > 0 && k < len(toks)-1 && toks[k].text == ":" {
		if sp := an.nameRunBack(toks, k-1); sp.kind == spName && an.looksPerson(sp.names[0]) {
			si.attrs = append(si.attrs, attribution{form: toks[k].text, start: toks[k].start, end: toks[k].end, tokIdx: k, speaker: sp})
		}
	}
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

// passive reports whether the verb at i follows a form of "be", skipping
// adverbs: "is accused", "has been repeatedly confirmed".
func (an *analyzer) passive(toks []token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		switch toks[j].lower {
		case "is", "are", "was", "were", "be", "been", "being", "am", "'s":
			return true
		}
		if toks[j].kind != tokWord || !strings.HasSuffix(toks[j].lower, "ly") {
			return false
		}
	}
	return false
}

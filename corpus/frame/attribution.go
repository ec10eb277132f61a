package frame

import (
	"strings"

	"github.com/parallax-reader/parallax/corpus"
)

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

package corpus

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/segment"
	"gopkg.in/neurosnap/sentences.v1"
)

// punktSegmenter is prose's segmenter (segment.WithTraining) with the
// same annotations of the sentences package, but a word tokenizer whose
// tests on a token are plain code instead of a regular expression or a
// []rune conversion each, and prose's own annotation ported likewise. It
// was a third of the loading time. It splits exactly as prose does:
// TestPunktSegmenterSplitsAsProseEverywhere and FuzzPunktSegmenter
// compare the two.
//
// Tokenize, punktMultiPunct and HasSentEndChars follow the code of
// gopkg.in/neurosnap/sentences.v1 (MIT licence, copyright 2015 Eric
// Bower) and github.com/jdkato/prose/v3/segment (MIT licence, copyright
// 2017-2026 Joseph Kato), both dependencies of this module.
type punktSegmenter struct {
	tokenizer *sentences.DefaultSentenceTokenizer
}

// newPunktSegmenter builds the segmenter on a trained model, as
// segment.WithTraining does.
func newPunktSegmenter(training *sentences.Storage) *punktSegmenter {
	lang := sentences.NewPunctStrings()
	word := &punktWords{lang: lang}
	annotations := sentences.NewAnnotations(training, lang, word)
	ortho := &sentences.OrthoContext{Storage: training, PunctStrings: lang, TokenType: word, TokenFirst: word}
	annotations = append(annotations, &punktMultiPunct{Storage: training, words: word, ortho: ortho})
	return &punktSegmenter{tokenizer: &sentences.DefaultSentenceTokenizer{
		Storage: training, PunctStrings: lang, WordTokenizer: word, Annotations: annotations,
	}}
}

// Segment is prose's Segmenter.Segment.
func (s *punktSegmenter) Segment(text string) []segment.Sentence {
	raw := s.tokenizer.Tokenize(text)
	out := make([]segment.Sentence, 0, len(raw))
	for _, r := range raw {
		start, end := trimRange(text, r.Start, r.End)
		if start >= end {
			continue
		}
		out = append(out, segment.Sentence{Text: text[start:end], Start: start})
	}
	return out
}

// trimRange is prose's: [start, end) narrowed past white space.
func trimRange(text string, start, end int) (int, int) {
	start, end = max(start, 0), min(end, len(text))
	for start < end {
		r, size := utf8.DecodeRuneInString(text[start:end])
		if size == 0 || !unicode.IsSpace(r) {
			break
		}
		start += size
	}
	for end > start {
		r, size := utf8.DecodeLastRuneInString(text[start:end])
		if size == 0 || !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	return start, end
}

// punktWords is sentences.DefaultWordTokenizer with prose's
// HasSentEndChars, each method giving what the original gives.
type punktWords struct {
	lang sentences.PunctStrings
}

// tokenTemplate is a new token as sentences.NewToken makes it (with the
// package's expressions in its unexported fields), copied for each word.
var tokenTemplate = *sentences.NewToken("")

// asciiSpace marks the ASCII characters unicode.IsSpace reports.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// Tokenize is DefaultWordTokenizer.Tokenize, quirks and all: a word is
// cut at each white-space character or at the text's last byte when it
// starts a character (a text ending in a character of several bytes
// leaves its last word out).
func (p *punktWords) Tokenize(text string, onlyPeriodContext bool) []*sentences.Token {
	textLength := len(text)
	if textLength == 0 {
		return nil
	}
	// A paragraph has a few tokens (its words with sentence punctuation
	// and the words after them): room for 8, and tokens made 2, 4, 8 …
	// at a time rather than one by one.
	tokens := make([]*sentences.Token, 0, 8)
	var slab []sentences.Token
	newToken := func(word string) *sentences.Token {
		if len(slab) == cap(slab) {
			slab = make([]sentences.Token, 0, min(max(2*cap(slab), 2), 64))
		}
		slab = append(slab, tokenTemplate)
		t := &slab[len(slab)-1]
		t.Tok = word
		return t
	}
	lastSpace := 0
	lineStart, paragraphStart, getNextWord := false, false, false
	for i := 0; i < textLength; {
		// Plain ASCII inside a word (not the text's last byte) only
		// carries the word on: skipped in a tight loop.
		for i < textLength-1 && text[i] < utf8.RuneSelf && !asciiSpace[text[i]] {
			i++
		}
		char, n := rune(text[i]), 1
		space := false
		if char < utf8.RuneSelf {
			space = asciiSpace[char]
		} else {
			char, n = utf8.DecodeRuneInString(text[i:])
			space = unicode.IsSpace(char)
		}
		at := i
		i += n
		if !space && at != textLength-1 {
			continue
		}
		if char == '\n' {
			if lineStart {
				paragraphStart = true
			}
			lineStart = true
		}
		cursor := at
		if at == textLength-1 {
			cursor = textLength
		}
		word := strings.TrimSpace(text[lastSpace:cursor])
		if word == "" {
			continue
		}
		hasSentencePunct := hasSentencePunct(word)
		if onlyPeriodContext && !hasSentencePunct && !getNextWord {
			lastSpace = cursor
			continue
		}
		token := newToken(word)
		token.Position = cursor
		token.ParaStart = paragraphStart
		token.LineStart = lineStart
		tokens = append(tokens, token)
		lastSpace = cursor
		lineStart, paragraphStart = false, false
		getNextWord = hasSentencePunct
	}
	if len(tokens) == 0 {
		token := newToken(text)
		token.Position = textLength
		tokens = append(tokens, token)
	}
	return tokens
}

// Type is the token lower-cased, a number at its end (what
// `-?[\.,]?\d[\d,\.-]*\.?$` matches first) replaced by "##number##", and
// commas removed when more than one byte is left.
func (p *punktWords) Type(t *sentences.Token) string {
	typ := numberAtEnd(strings.ToLower(t.Tok))
	if len(typ) == 1 {
		return typ
	}
	return strings.ReplaceAll(typ, ",", "")
}

// numberAtEnd replaces the leftmost match of `-?[\.,]?\d[\d,\.-]*\.?$`
// in s with "##number##". Every character of a match is a digit, '-',
// '.' or ',', so it starts in the run of those at s's end, at its first
// digit or one or two characters before it ("-", ".", ",", "-.", "-,").
func numberAtEnd(s string) string {
	j := len(s)
	for j > 0 && isNumberByte(s[j-1]) {
		j--
	}
	d := j
	for d < len(s) && (s[d] < '0' || s[d] > '9') {
		d++
	}
	if d == len(s) {
		return s
	}
	i := d
	switch {
	case d-2 >= j && s[d-2] == '-' && (s[d-1] == '.' || s[d-1] == ','):
		i = d - 2
	case d-1 >= j:
		i = d - 1 // '-', '.' or ','
	}
	return s[:i] + "##number##"
}

// hasSentencePunct is strings.ContainsAny(w, ".!?") for a word: a loop
// over a few bytes costs less than the search's set-up.
func hasSentencePunct(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c == '.' || c == '!' || c == '?' {
			return true
		}
	}
	return false
}

func isNumberByte(c byte) bool { return '0' <= c && c <= '9' || c == '-' || c == '.' || c == ',' }

// TypeNoPeriod is the type without a final period.
func (p *punktWords) TypeNoPeriod(t *sentences.Token) string {
	typ := p.Type(t)
	if len(typ) > 1 && typ[len(typ)-1] == '.' {
		return typ[:len(typ)-1]
	}
	return typ
}

// TypeNoSentPeriod is the type without a final period when the token
// ends a sentence.
func (p *punktWords) TypeNoSentPeriod(t *sentences.Token) string {
	if t.SentBreak {
		return p.TypeNoPeriod(t)
	}
	return p.Type(t)
}

// FirstUpper reports an upper-case first character.
func (p *punktWords) FirstUpper(t *sentences.Token) bool {
	r, _ := utf8.DecodeRuneInString(t.Tok)
	return t.Tok != "" && unicode.IsUpper(r)
}

// FirstLower reports a lower-case first character.
func (p *punktWords) FirstLower(t *sentences.Token) bool {
	r, _ := utf8.DecodeRuneInString(t.Tok)
	return t.Tok != "" && unicode.IsLower(r)
}

// IsAlpha is `^[A-Za-z]+$`.
func (p *punktWords) IsAlpha(t *sentences.Token) bool {
	for i := 0; i < len(t.Tok); i++ {
		if !isASCIILetter(t.Tok[i]) {
			return false
		}
	}
	return t.Tok != ""
}

// IsEllipsis is `\.\.+$`.
func (p *punktWords) IsEllipsis(t *sentences.Token) bool { return strings.HasSuffix(t.Tok, "..") }

// IsInitial is `^[A-Za-z]\.$`.
func (p *punktWords) IsInitial(t *sentences.Token) bool {
	return len(t.Tok) == 2 && isASCIILetter(t.Tok[0]) && t.Tok[1] == '.'
}

// IsNumber reports a type that is a number.
func (p *punktWords) IsNumber(t *sentences.Token) bool { return strings.HasPrefix(t.Tok, "##number##") }

// IsNonPunct is the original's (nothing here calls it).
func (p *punktWords) IsNonPunct(t *sentences.Token) bool {
	return sentences.NewWordTokenizer(p.lang).IsNonPunct(t)
}

// HasPeriodFinal reports a final period.
func (p *punktWords) HasPeriodFinal(t *sentences.Token) bool { return strings.HasSuffix(t.Tok, ".") }

// HasSentEndChars is prose's: the token ends with '?' or '!', or with
// one of them or '.' before a closing quote or bracket (not ".'"), and
// is not "Yahoo!"; or it holds '.', '?' or '!' before an opening bracket
// ("[", "(") or '.' before '"'. prose tries 16 endings and 7 pairs one by
// one; proseHasSentEndChars in the tests does, and is compared.
func (p *punktWords) HasSentEndChars(t *sentences.Token) bool {
	tok := t.Tok
	if proseEnds(tok) && !strings.Contains(tok, "Yahoo!") {
		return true
	}
	for i := 0; i+1 < len(tok); i++ {
		switch tok[i] {
		case '.':
			if c := tok[i+1]; c == '[' || c == '(' || c == '"' {
				return true
			}
		case '?', '!':
			if c := tok[i+1]; c == '[' || c == '(' {
				return true
			}
		}
	}
	return false
}

// proseEnds reports prose's enders: `?` and `!` alone or before one
// of " ' ) ’ ”, and `.` before one of " ) ’ ”.
func proseEnds(tok string) bool {
	n := len(tok)
	if n == 0 {
		return false
	}
	if c := tok[n-1]; c == '?' || c == '!' {
		return true
	}
	before, closer := -1, byte(0)
	switch {
	case tok[n-1] == '"' || tok[n-1] == '\'' || tok[n-1] == ')':
		before, closer = n-2, tok[n-1]
	case strings.HasSuffix(tok, "’") || strings.HasSuffix(tok, "”"):
		before, closer = n-4, 0
	}
	if before < 0 {
		return false
	}
	switch tok[before] {
	case '?', '!':
		return true
	case '.':
		return closer != '\''
	}
	return false
}

var (
	// prose's expressions, run only on tokens that may match them.
	proseAbbrRE     = regexp.MustCompile(`((?:[\w]\.)+[\w]*\.)`)
	proseEllipsisRE = regexp.MustCompile(`(?:\.\s?){2,}\.`)
)

// punktMultiPunct is prose's multiPunctWordAnnotation: breaks after
// punctuation inside quotes and brackets, ellipses and abbreviations.
type punktMultiPunct struct {
	*sentences.Storage
	words *punktWords
	ortho sentences.Ortho
}

// Annotate runs over the pairs of consecutive tokens
// (sentences.DefaultTokenGrouper's grouping).
func (a *punktMultiPunct) Annotate(tokens []*sentences.Token) []*sentences.Token {
	for i, tok := range tokens {
		if i+1 == len(tokens) {
			if strings.Contains(tok.Tok, "\n") && strings.Contains(tok.Tok, " ") {
				tok.SentBreak = false // mislabelled after an errant newline
			}
			continue
		}
		a.tokenAnnotation(tok, tokens[i+1])
	}
	return tokens
}

func (a *punktMultiPunct) tokenAnnotation(tokOne, tokTwo *sentences.Token) {
	var nextTyp string
	if strings.HasSuffix(tokOne.Tok, ".") && tokTwo.Tok == "." {
		tokOne.SentBreak = false
		tokTwo.SentBreak = false
		return
	}
	isNonBreak := strings.HasSuffix(tokOne.Tok, ".") && !tokOne.SentBreak
	isEllipsis := strings.Count(tokOne.Tok, ".") >= 3 && proseEllipsisRE.MatchString(tokOne.Tok)
	isInternal := tokOne.SentBreak && looksInternal(tokOne.Tok)
	if isNonBreak || isEllipsis || isInternal {
		nextTyp = a.words.TypeNoSentPeriod(tokTwo)
		isStarter := a.SentStarters[nextTyp]
		if isEllipsis {
			if a.words.FirstUpper(tokTwo) || isStarter != 0 {
				tokOne.SentBreak = true
				return
			}
		}
		if isInternal {
			if a.words.FirstLower(tokTwo) && isStarter == 0 {
				tokOne.SentBreak = false
				return
			}
		}
		if isNonBreak && a.words.FirstUpper(tokTwo) {
			if a.Storage.OrthoContext[nextTyp]&112 != 0 {
				tokOne.SentBreak = true
			}
		}
	}
	if !mayBeAbbr(tokOne.Tok) || !proseAbbrRE.MatchString(tokOne.Tok) {
		return
	}
	if a.words.IsInitial(tokOne) {
		return
	}
	tokOne.Abbr = true
	tokOne.SentBreak = false
	if a.ortho.Heuristic(tokTwo) == 1 {
		tokOne.SentBreak = true
		return
	}
	if nextTyp == "" {
		nextTyp = a.words.TypeNoSentPeriod(tokTwo)
	}
	if a.words.FirstUpper(tokTwo) && a.SentStarters[nextTyp] != 0 {
		tokOne.SentBreak = true
	}
}

// mayBeAbbr is a cheap test before proseAbbrRE: a match holds a word
// character (ASCII letter, digit or '_') followed by '.', and another '.'
// after that.
func mayBeAbbr(tok string) bool {
	for i := 0; i+1 < len(tok); i++ {
		if c := tok[i]; tok[i+1] == '.' && (isASCIILetter(c) || '0' <= c && c <= '9' || c == '_') {
			return strings.IndexByte(tok[i+2:], '.') >= 0
		}
	}
	return false
}

// looksInternal is prose's: the token ends with a closing bracket or
// quote.
func looksInternal(tok string) bool {
	for _, punc := range []string{")", `’`, `”`, `"`, `'`} {
		if strings.HasSuffix(tok, punc) {
			return true
		}
	}
	return false
}

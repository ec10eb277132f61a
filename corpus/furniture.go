package corpus

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Furniture reasons. Each furniture mark carries one of these, sometimes
// with a detail after a colon.
const (
	ReasonPhrase     = "page furniture phrase"
	ReasonMenu       = "menu words"
	ReasonCounter    = "read/share/comment counter"
	ReasonCredit     = "photo credit"
	ReasonCaption    = "photo caption next to a credit"
	ReasonFigcaption = "figure caption (HTML figcaption)"
	ReasonTags       = "tag/keyword list"
	ReasonLanguage   = "notice in another language"
	ReasonTimestamp  = "timestamp line"
	ReasonLabel      = "empty label"
	ReasonRelated    = "related headlines at the end"
	ReasonRepeated   = "repeated across articles of the same outlet"
	ReasonMarkupOnly = "markup without text"
	ReasonSiteName   = "outlet name alone (site logo)"
	ReasonSignoff    = "reporting/editing credit"
	ReasonReadAlso   = "link to another story"
	ReasonImage      = "image"
	ReasonPrompt     = "call to action (sign up, share, subscribe)"
	ReasonTitleAgain = "headline repeated"
	ReasonLegal      = "copyright or usage notice"
)

// furniturePhrases are phrases web pages put around articles: player and
// sharing controls, navigation, comment and newsletter prompts, legal
// lines. A line made only of these (plus outlet or network names and
// numbers) is furniture. They are general web-page phrases, not taken
// from any one page.
var furniturePhrases = []string{
	"listen live", "listen", "live", "watch live", "watch", "play", "pause", "video", "audio", "podcast",
	"get short url", "short url", "short link", "copy link", "copy url", "link copied", "permalink",
	"all news", "latest news", "breaking news", "news feed", "top news", "top stories", "top content", "trending",
	"trending now", "most read", "most popular", "most viewed", "most shared", "editor's picks", "editors picks",
	"enable", "disable", "read mode", "reader mode", "dark mode", "night mode", "light mode", "font size", "text size", "a a",
	"community standards", "community rules", "discussion", "comments", "comment", "comment via", "show comments",
	"hide comments", "leave a comment", "add a comment", "post a comment", "join the conversation", "join the discussion",
	"share", "shares", "share this", "share this article", "share article", "share on", "tweet", "follow us", "follow us on", "follow",
	"subscribe", "subscribe now", "unsubscribe", "sign up", "sign in", "log in", "login", "logout", "register", "newsletter",
	"read more", "read also", "also read", "see also", "more", "related", "related articles", "related news", "related stories",
	"related topics", "recommended", "recommended for you", "you may also like", "you might also like", "more from", "more on this",
	"more stories", "more news", "advertisement", "advertising", "ad", "sponsored", "sponsored content", "promoted", "click here",
	"print", "print this", "email", "e mail", "skip to content", "skip to main content", "skip navigation",
	"accept cookies", "cookie policy", "cookie settings", "cookies", "privacy policy", "terms of use", "terms of service",
	"terms and conditions", "all rights reserved", "copyright", "published", "updated", "last updated", "posted", "modified",
	"menu", "search", "home", "homepage", "back to top", "next article", "previous article", "next", "previous",
	"tags", "topics", "keywords", "filed under", "bookmark", "save", "saved", "download", "download app", "open in app",
	"facebook", "twitter", "x", "whatsapp", "telegram", "vk", "vkontakte", "linkedin", "reddit", "pinterest", "instagram",
	"youtube", "tiktok", "rss", "flipboard", "messenger", "viber", "odnoklassniki", "via", "close", "toggle navigation",
	"loading", "please wait", "ok", "cancel", "photo", "photos", "gallery", "images", "infographic",
	"our standards", "editorial standards", "trust principles", "corrections", "report an error", "contact us",
	"min read", "minute read", "minutes read", "read time", "reading time", "listen to this article", "listen to article",
}

// menuWords are section names that make up navigation menus. Alone they
// might be a heading; three or more together are a menu.
var menuWords = map[string]bool{
	"news": true, "world": true, "politics": true, "business": true, "economy": true, "sport": true, "sports": true,
	"science": true, "tech": true, "technology": true, "culture": true, "opinion": true, "opinions": true, "lifestyle": true,
	"life": true, "health": true, "entertainment": true, "travel": true, "weather": true, "analysis": true, "features": true,
	"europe": true, "asia": true, "africa": true, "americas": true, "middle": true, "east": true, "us": true, "uk": true,
	"russia": true, "china": true, "india": true, "media": true, "society": true, "defense": true, "defence": true,
	"military": true, "multimedia": true, "interviews": true, "about": true, "contact": true, "contacts": true, "archive": true,
}

// furnitureFinder holds the compiled furniture rules. Build one with
// newFurnitureFinder; it is read-only afterwards.
type furnitureFinder struct {
	phrases    map[string]bool
	phraseWord map[string]bool // the words of the phrases
	maxPhrase  int
	outletWord map[string]bool // lower-cased words of outlet names
	outlets    *OutletTable
}

func newFurnitureFinder(t *OutletTable) *furnitureFinder {
	f := &furnitureFinder{phrases: make(map[string]bool), phraseWord: make(map[string]bool), outletWord: make(map[string]bool), outlets: t}
	for _, p := range furniturePhrases {
		f.phrases[p] = true
		ws := strings.Fields(p)
		for _, w := range ws {
			f.phraseWord[w] = true
		}
		f.maxPhrase = max(f.maxPhrase, len(ws))
	}
	if t != nil {
		for _, o := range t.Outlets {
			for _, v := range o.variants() {
				for _, w := range normWords(v) {
					f.outletWord[w] = true
				}
			}
		}
	}
	return f
}

// sentenceCredit is a photo credit after a caption's last sentence:
// "… in Derna. Photo: Esam Omran/AFP", "… in Derna. Esam Omran/AFP".
const sentenceCredit = `[.!?]["”’)]?\s+(?:(?:photo(?:graph)?|image|picture)s?(?:\s+by|\s*:)\s*[^.|:]{1,60}` +
	`|(?-i:\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}\s*/\s*\p{Lu}[\p{L}&.'’-]*(?:\s+\p{Lu}[\p{L}&.'’-]*){0,2}))`

var (
	counterRE       = regexp.MustCompile(`(?i)\b(?:read|viewed|seen|shared|watched|visited|opened)\b[^.!?]{0,30}?\b\d[\d,. ]*\s*(?:times?|x)\b|^\s*\d[\d,. ]*[km]?\s+(?:comments?|shares?|views?|reads?|likes?|reactions?|replies)\s*$|^\s*(?:comments?|shares?|views?|reads?|likes?)\s*[:(]?\s*\d[\d,. ]*[km]?\)?\s*$`)
	callToActionRE  = regexp.MustCompile(`(?i)^\s*(?:you can |please )?(?:sign (?:up|in)|subscribe|follow \S+(?: \S+)? on(?:\s+\S+){0,3}\s*:?\s*$|click (?:here|to)|tap (?:here|to)|follow us|download (?:the|our)|save (?:articles?|stories|this)|log ?in (?:to|or)|register (?:to|for|now)|share (?:this|on|via)|share (?:the|this) (?:story|article)|get (?:the|our) (?:app|newsletter)|turn on (?:notifications|alerts)|join (?:us|our)|support (?:our|independent)|enable (?:notifications|javascript)|we use cookies)\b`)
	mdImageRE       = regexp.MustCompile(`^(?:\[?!\[[^\]]*\]\([^)]*\)(?:\]\([^)]*\))?\s*)+$|^<img\b[^>]*>$`)
	signoffRE       = regexp.MustCompile(`(?i)^\s*\(?(?:(?:additional\s+)?(?:reporting|writing|editing|compiled|translated|produced)\s+by\s+\p{Lu}|sources?\s*:\s*\p{Lu})`)
	legalRE         = regexp.MustCompile(`(?i)\ball rights reserved\b|\bmay not be (?:re)?(?:published|reproduced|broadcast)\b|^\s*(?:©|\(c\)\s|copyright\s+(?:©\s*)?\d{4})`)
	readAlsoRE      = regexp.MustCompile(`(?i)^\s*(?:read\s+(?:also|more|next)|also\s+read|see\s+also|related(?:\s+(?:article|story|news))?|more\s+on\s+this(?:\s+story)?|watch|listen)\s*[:|>»–—-]\s*\S`)
	captionCreditRE = regexp.MustCompile(`(?i)(?:\((?:photo|image|picture|file photo)s?(?:\s+by)?\s*:?\s*[^()]{1,60}\)|\(\s*[\p{L} .&-]{2,30}\s+photo\s*(?:/\s*[^()]{1,60})?\)|\(\s*\p{Lu}[^()]{0,60}\s+via\s+\p{Lu}[\p{L}&. ]{0,30}\)|[|/]\s*(?:photo|image)\s*:?\s*[^.|]{1,60}|©\s*[^.]{1,60}|\[[^\[\]/]{1,40}(?:/[^\[\]/]{1,40}){1,3}\]|` + sentenceCredit + `)\s*$`)
	creditRE        = regexp.MustCompile(`(?i)^\s*(?:©|\(c\)\s|copyright\b|photo\s*(?::|by\b|credit)|photograph\s*:|image\s*(?::|credit)|picture\s*:|pictures?\s*by\b|credit\s*:|\(photo\s*:)`)
	labelRE         = regexp.MustCompile(`^(?:\p{L}[\p{L}'’-]*|\p{Lu}[\p{L}'’-]* \p{Lu}[\p{L}'’-]*)\s*:$`)
	tagPrefix       = regexp.MustCompile(`(?i)^\s*(?:tags?|topics?|keywords?|filed under|related topics)\s*:\s*`)
	timeTok         = regexp.MustCompile(`^\d{1,2}[:.]\d{2}(?:[:.]\d{2})?$`)
	numTok          = regexp.MustCompile(`^\d+(?:[.,/-]\d+)*%?$`)
	langNotice      = regexp.MustCompile(`(?i)\b(?:also available in|read (?:this|it) in|this (?:article|page|story) is (?:also )?available in|switch to (?:the )?\p{L}+ (?:edition|version))\b`)
)

var timeWords = map[string]bool{
	"gmt": true, "utc": true, "msk": true, "est": true, "edt": true, "et": true, "ct": true, "mt": true, "pt": true,
	"cst": true, "cdt": true, "mst": true, "mdt": true, "akst": true, "hst": true, "eet": true, "eest": true, "wet": true,
	"sast": true, "aest": true, "aedt": true, "jst": true, "kst": true, "wib": true, "pkt": true, "gst": true, "cet": true, "cest": true, "bst": true, "pst": true,
	"pdt": true, "ist": true, "trt": true, "irst": true, "ast": true, "am": true, "pm": true, "a.m": true, "p.m": true,
	"jan": true, "january": true, "feb": true, "february": true, "mar": true, "march": true, "apr": true, "april": true,
	"may": true, "jun": true, "june": true, "jul": true, "july": true, "aug": true, "august": true, "sep": true, "sept": true,
	"september": true, "oct": true, "october": true, "nov": true, "november": true, "dec": true, "december": true,
	"mon": true, "monday": true, "tue": true, "tuesday": true, "wed": true, "wednesday": true, "thu": true, "thursday": true,
	"fri": true, "friday": true, "sat": true, "saturday": true, "sun": true, "sunday": true, "today": true, "yesterday": true,
	"updated": true, "published": true, "posted": true, "at": true, "on": true, "ago": true, "hours": true, "hour": true,
	"minutes": true, "min": true, "mins": true, "days": true, "day": true, "weeks": true, "week": true,
	"months": true, "month": true, "years": true, "year": true, "seconds": true, "second": true, "secs": true, "last": true,
}

// englishFunctionWords is a short list of the commonest English function
// words, used to notice a line in another language in an English article.
var englishFunctionWords = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "to": true, "in": true, "and": true, "or": true, "is": true, "are": true,
	"was": true, "were": true, "be": true, "for": true, "on": true, "with": true, "by": true, "at": true, "from": true,
	"that": true, "this": true, "it": true, "as": true, "not": true, "has": true, "have": true, "will": true, "he": true,
	"she": true, "they": true, "we": true, "you": true, "said": true, "says": true, "but": true, "its": true, "his": true,
	"her": true, "their": true, "our": true, "if": true, "no": true, "do": true, "does": true, "been": true, "after": true,
}

// normWords splits s into lower-case words, first breaking words glued
// together by a page's lost markup ("standardsDiscussion") and letters
// glued to digits ("GMT05").
func normWords(s string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, string(cur))
			cur = cur[:0]
		}
	}
	var prev rune
	for _, r := range s {
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '%' || r == '\'' || r == '’' || r == ':' || r == '.'
		if !inWord {
			flush()
			prev = 0
			continue
		}
		if len(cur) > 0 && ((unicode.IsLower(prev) && unicode.IsUpper(r)) ||
			(unicode.IsLetter(prev) && unicode.IsDigit(r)) || (unicode.IsDigit(prev) && unicode.IsLetter(r))) {
			flush()
		}
		cur = append(cur, unicode.ToLower(r))
		prev = r
	}
	flush()
	return out
}

// trimWord strips trailing colons and dots from a normalised word.
func trimWord(w string) string { return strings.Trim(w, ":.'’") }

// line classifies one paragraph line on its own; context rules (captions,
// related headlines, repeated lines) come later. It returns the reason, or
// "" when the line is not furniture.
func (f *furnitureFinder) line(text string) string {
	t := strings.TrimSpace(text)
	if t == "" {
		return ""
	}
	if strings.Trim(t, "-–—_=*•·|#>~/\\ ") == "" {
		return ReasonMarkupOnly
	}
	if strings.HasPrefix(t, "![") || strings.HasPrefix(t, "[![") || strings.HasPrefix(t, "<img") {
		if mdImageRE.MatchString(t) {
			return ReasonImage
		}
	}
	if f.outlets != nil && len(t) <= 60 && f.outlets.Lookup(strings.Trim(t, " .|·•-–—")) != nil {
		return ReasonSiteName
	}
	nw := CountWords(t, 40)
	if nw > 40 {
		return "" // prose, whatever it mentions
	}
	hasDigit := strings.ContainsAny(t, "0123456789")
	if first, _ := utf8.DecodeRuneInString(t); nw <= 15 && strings.ContainsRune("©(cCpPiI", first) && creditRE.MatchString(t) {
		return ReasonCredit
	}
	if nw <= 20 && callToActionRE.MatchString(t) {
		return ReasonPrompt
	}
	if nw <= 40 && mayBeLegal(t) && legalRE.MatchString(t) {
		return ReasonLegal
	}
	if nw <= 25 && signoffRE.MatchString(t) {
		return ReasonSignoff
	}
	if nw <= 25 && readAlsoRE.MatchString(t) {
		return ReasonReadAlso
	}
	// strings.ContainsAny(t, "()|/©:"), without decoding each rune of t
	// against each of the set (a set with "©" is not ASCII).
	if nw <= 40 && (strings.IndexAny(t, "()|/:") >= 0 || strings.Contains(t, "©")) && mayBeCaptionCredit(t) && captionCreditRE.MatchString(t) {
		return ReasonCaption
	}
	if nw <= 15 && hasDigit && counterRE.MatchString(t) {
		return ReasonCounter
	}
	if nw <= 2 && strings.HasSuffix(t, ":") && labelRE.MatchString(t) {
		return ReasonLabel
	}
	if nw <= 25 && mayBeLanguageNotice(t) && langNotice.MatchString(t) {
		return ReasonLanguage
	}
	if nw <= 10 && isTimestampLine(t) {
		return ReasonTimestamp
	}
	if nw <= 30 && hasDigit && isPostMeta(t) {
		return ReasonTimestamp
	}
	if nw <= 12 && hasDigit && isNumbersOnly(t) {
		return ReasonCounter
	}
	if nw <= 14 {
		if r := f.phraseLine(t); r != "" {
			return r
		}
	}
	if nw <= 12 && isBreadcrumb(t) {
		return ReasonMenu
	}
	if (strings.Count(t, ",")+strings.Count(t, "|")+strings.Count(t, ";") >= 3 || tagPrefix.MatchString(t)) && isTagList(t) {
		return ReasonTags
	}
	return ""
}

// phraseLine reports lines made only of furniture phrases, menu words,
// outlet names and numbers.
func (f *furnitureFinder) phraseLine(t string) string {
	var ws []string
	for _, w := range normWords(t) {
		if w = trimWord(w); w != "" {
			ws = append(ws, w)
		}
	}
	if len(ws) == 0 || len(ws) > 14 {
		return ""
	}
	// Every word is taken as part of a phrase or on its own as a menu
	// word, number or outlet word: a line with any other word is not
	// furniture, and most lines are turned away here before the phrases
	// are looked up n words at a time.
	for _, w := range ws {
		if !f.phraseWord[w] && !menuWords[w] && !f.outletWord[w] && (w[0] < '0' || w[0] > '9' || !numTok.MatchString(w)) {
			return ""
		}
	}
	strong, menu := 0, 0
	for i := 0; i < len(ws); {
		matched := false
		for n := min(f.maxPhrase, len(ws)-i); n >= 1; n-- {
			if f.phrases[strings.Join(ws[i:i+n], " ")] {
				strong++
				i += n
				matched = true
				break
			}
		}
		if matched {
			continue
		}
		switch w := ws[i]; {
		case menuWords[w]:
			menu++
		case numTok.MatchString(w), f.outletWord[w]:
		default:
			return ""
		}
		i++
	}
	switch {
	case menu >= 3 || (menu >= 2 && menu >= strong):
		return ReasonMenu
	case strong > 0:
		return ReasonPhrase
	}
	return ""
}

// maxForeignShare: paragraphs in another language making up more than
// one word in maxForeignShare of an article are its text, not notices
// (a notice of eight words in an article of thirty is a notice still).
const maxForeignShare = 3

// markFurniture sets the role and reason of every paragraph that is page
// furniture. lang is the article's language ("" when unknown).
func (f *furnitureFinder) mark(text string, paras []Paragraph, lang string) {
	english := strings.HasPrefix(strings.ToLower(lang), "en") || (lang == "" && looksEnglish(text))
	foreign := 0 // words in paragraphs taken for notices in another language
	for i := range paras {
		p := &paras[i]
		t := text[p.Start:p.End]
		if r := f.line(t); r != "" {
			p.Role, p.Reason = RoleFurniture, r
			continue
		}
		if english && isForeignNotice(t) {
			p.Role, p.Reason = RoleFurniture, ReasonLanguage
			foreign += CountWords(t, 1<<20)
		}
	}
	if foreign > 0 && foreign*maxForeignShare > CountWords(text, 1<<30) {
		// So much of the article is in the other language that it is
		// written in both (a bilingual article, a translation beside
		// the original): those paragraphs are its text, not notices.
		for i := range paras {
			if paras[i].Reason == ReasonLanguage {
				paras[i].Role, paras[i].Reason = RoleBody, ""
			}
		}
	}
	// A section label above the headline ("World", "Middle East"): menu
	// words alone among the first lines.
	seen := 0
	for i := range paras {
		if paras[i].Role == RoleFurniture {
			continue
		}
		if seen++; seen > 3 {
			break
		}
		if f.menuOnly(text[paras[i].Start:paras[i].End]) {
			paras[i].Role, paras[i].Reason = RoleFurniture, ReasonMenu
		}
	}
	// Menus laid out one item per line: three or more lines in a row of
	// at most three words each (not list items), furniture or not.
	for i := 0; i < len(paras); {
		j := i
		for j < len(paras) && isMenuItemLine(text[paras[j].Start:paras[j].End]) {
			j++
		}
		if j-i >= 3 {
			for k := i; k < j; k++ {
				if paras[k].Role != RoleFurniture {
					paras[k].Role, paras[k].Reason = RoleFurniture, ReasonMenu
				}
			}
		}
		i = max(j, i+1)
	}
	// Captions: the short lines right before and after a photo credit.
	for i := range paras {
		if paras[i].Reason != ReasonCredit {
			continue
		}
		for _, j := range []int{i - 1, i + 1} {
			if j < 0 || j >= len(paras) || paras[j].Role == RoleFurniture {
				continue
			}
			if isCaption(text[paras[j].Start:paras[j].End]) {
				paras[j].Role, paras[j].Reason = RoleFurniture, ReasonCaption
			}
		}
	}
	// Related headlines: a run of two or more headline-like lines at the
	// end of the article (furniture between them allowed), after some
	// body text.
	var run []int
	for i := len(paras) - 1; i >= 0; i-- {
		if paras[i].Role == RoleFurniture {
			continue
		}
		t := text[paras[i].Start:paras[i].End]
		if !headlineLike(t, 25) || CountWords(t, 3) < 3 {
			break
		}
		run = append(run, i)
	}
	if len(run) >= 2 && len(run) < countNonFurniture(paras)-1 {
		for _, i := range run {
			paras[i].Role, paras[i].Reason = RoleFurniture, ReasonRelated
		}
	}
}

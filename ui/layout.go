package ui

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/corpus"
)

// rline is one wrapped, highlighted line of an article column, without the
// marks on its left and right edges (marks.go; those change
// with every keypress; the rest is cached per width).
type rline struct {
	text       string // styled; exactly layout.width-2 cells
	sent       int    // sentence index, -1 for blank lines and furniture
	start, end int    // the article's bytes the line shows (sentence lines)
	// gut is the length in bytes of the gutter text starts with on a
	// sentence's first line (0 on the others): a sentence in several facts
	// has it drawn again at View time with the fact the columns align on.
	gut int
}

// layoutKey is what a column layout depends on besides the article.
type layoutKey struct {
	width     int // column width in cells
	furniture bool
	query     string
}

// layout is an article wrapped and highlighted for one column width.
type layout struct {
	key   layoutKey
	lines []rline
	first []int // first line of each sentence
	last  []int // last line of each sentence
	heads map[headKey][2]string
}

// layoutCache keeps one layout per article; it is shared by pointer between
// copies of the read model.
type layoutCache struct {
	byArticle map[int]*layout
	palette   *palette
}

func newLayoutCache() *layoutCache {
	return &layoutCache{byArticle: map[int]*layout{}, palette: &palette{brushes: map[string]brush{}}}
}

// brush is a style reduced to the escape codes before and after the text,
// so that painting a segment is two string concatenations instead of a
// lipgloss Render.
type brush struct{ pre, post string }

func (b brush) paint(s string) string {
	if s == "" || (b.pre == "" && b.post == "") {
		return s
	}
	return b.pre + s + b.post
}

// palette caches one brush per named style combination.
type palette struct{ brushes map[string]brush }

// get returns the brush for style, computing it once per key.
func (p *palette) get(key string, style lipgloss.Style) brush {
	if b, ok := p.brushes[key]; ok {
		return b
	}
	const mark = "\x00"
	out := style.Render(mark)
	b := brush{}
	if i := strings.Index(out, mark); i >= 0 {
		b = brush{pre: out[:i], post: out[i+len(mark):]}
	}
	p.brushes[key] = b
	return b
}

// gutterWidth is the width of the fact-number gutter for n facts.
func gutterWidth(nfacts int) int {
	return len(strconv.Itoa(max(nfacts, 1)))
}

// gutterCells is the width of the gutter for n facts: the fact number,
// the share glyph, the flag and a space.
func gutterCells(nfacts int) int { return gutterWidth(nfacts) + 3 }

// buildLayout wraps and highlights article ai for a column of key.width
// cells: a 1-cell mark, the gutter (fact number, share glyph, flag, space),
// the text, and a 1-cell edge.
func buildLayout(ctx *Context, pal *palette, ai int, key layoutKey) *layout {
	d := ctx.Data
	st := ctx.Styles
	art := d.article(ai)
	numW := gutterWidth(len(d.Facts))
	inner := key.width - 2
	textW := inner - gutterCells(len(d.Facts))
	if textW < 1 {
		textW = 1
	}
	l := &layout{key: key, first: make([]int, len(art.Sentences)), last: make([]int, len(art.Sentences))}
	for i := range l.first {
		l.first[i], l.last[i] = -1, -1
	}
	blank := strings.Repeat(" ", max(inner, 0))
	gutterBlank := strings.Repeat(" ", gutterCells(len(d.Facts)))
	text := art.Text
	si := 0
	for pi, p := range art.Paragraphs {
		if p.Role == corpus.RoleFurniture && !key.furniture {
			continue
		}
		if len(l.lines) > 0 && !(pi > 0 && art.Paragraphs[pi-1].Role == roleSeparator) {
			l.lines = append(l.lines, rline{text: blank, sent: -1})
		}
		// Skip sentences of earlier paragraphs (they are always in order).
		for si < len(art.Sentences) && art.Sentences[si].Para < pi {
			si++
		}
		if p.Role == roleSeparator || p.Role == roleSeparatorTitle { // above an article of a merged column
			ps := safeText(sliceText(text, p.Start, p.End))
			for _, ln := range separatorLines(st, pal, p.Role, ps, inner) {
				l.lines = append(l.lines, rline{text: ln, sent: -1})
			}
			continue
		}
		if p.Role == corpus.RoleFurniture || si >= len(art.Sentences) || art.Sentences[si].Para != pi {
			ps := safeText(sliceText(text, p.Start, p.End))
			br := pal.get("body", st.Body)
			if p.Role == corpus.RoleFurniture {
				br = pal.get("furniture", st.Furniture)
			}
			for _, sp := range wrapSpans(ps, textW) {
				seg := ps[sp.start:sp.end]
				l.lines = append(l.lines, rline{text: joinGutter(gutterBlank, padStyled(br.paint(seg), ansi.StringWidth(seg), textW, br), seg, inner), sent: -1})
			}
			continue
		}
		for si < len(art.Sentences) && art.Sentences[si].Para == pi {
			s := art.Sentences[si]
			info := d.info(ai, si)
			l.first[si] = len(l.lines)
			lns, sps := sentenceLines(st, pal, s, info, key.query, textW)
			for i, ln := range lns {
				g := gutterBlank
				if i == 0 {
					g = gutter(st, d, info, numW, -1)
				}
				l.lines = append(l.lines, rline{text: joinGutter(g, ln, s.Text, inner), sent: si, start: s.Start + sps[i].start, end: s.Start + sps[i].end, gut: gutLen(i, g)})
			}
			l.last[si] = len(l.lines) - 1
			si++
		}
	}
	// Sentences outside any listed paragraph still need a place.
	for i := range art.Sentences {
		if l.first[i] >= 0 {
			continue
		}
		if art.Sentences[i].Role == corpus.RoleFurniture && !key.furniture {
			continue
		}
		info := d.info(ai, i)
		l.lines = append(l.lines, rline{text: blank, sent: -1})
		l.first[i] = len(l.lines)
		lns, sps := sentenceLines(st, pal, art.Sentences[i], info, key.query, textW)
		for j, ln := range lns {
			g := gutterBlank
			if j == 0 {
				g = gutter(st, d, info, numW, -1)
			}
			at := art.Sentences[i].Start
			l.lines = append(l.lines, rline{text: joinGutter(g, ln, art.Sentences[i].Text, inner), sent: i, start: at + sps[j].start, end: at + sps[j].end, gut: gutLen(j, g)})
		}
		l.last[i] = len(l.lines) - 1
	}
	return l
}

// joinGutter puts the gutter before a rendered line. Text that starts
// with a combining mark would join the gutter's last space into one
// grapheme and change the width; such lines are measured again and fitted.
func joinGutter(g, line, plain string, width int) string {
	out := g + line
	r, _ := utf8.DecodeRuneInString(plain)
	if unicode.Is(unicode.M, r) || r == '\u200d' {
		return fit(out, width)
	}
	return out
}

// gutLen is rline.gut for line i of a sentence with gutter g.
func gutLen(i int, g string) int {
	if i == 0 {
		return len(g)
	}
	return 0
}

// shareGlyphs mark in the gutter how widely the numbered fact is shared
// (corpus.ShareLevel 1 to 3), as the tint does: they stay without colour.
var shareGlyphs = [...]string{" ", "░", "▒", "▓"}

// gutter renders the start of a sentence's first line: its fact number,
// the share glyph, a flag and a space ("12▒! "). The number is that of
// fact active when the sentence carries it (the fact the columns align
// on), else of its first fact; the flag is "!" when that fact's outlets
// disagree on a number or date, "+" when the sentence is in other facts
// too, "*" for an outlet-only sentence.
func gutter(st *Styles, d *Data, info sentInfo, numW, active int) string {
	num := strings.Repeat(" ", numW)
	glyph, flag := " ", " "
	if len(info.facts) > 0 {
		fi := info.facts[0]
		if active >= 0 && containsInt(info.facts, active) {
			fi = active
		}
		n := strconv.Itoa(factNumber(fi))
		num = strings.Repeat(" ", max(numW-len(n), 0)) + n
		level := info.level
		if fi < len(d.Facts) {
			level = corpus.ShareLevel(len(d.Facts[fi].Outlets), len(d.Outlets))
		}
		ns := st.FactNum
		if level >= 2 {
			ns = ns.Bold(true)
		}
		num = ns.Render(num)
		glyph = st.FactNum.Render(shareGlyphs[min(level, len(shareGlyphs)-1)])
		switch {
		case fi < len(d.Facts) && len(d.Facts[fi].Discrepancies) > 0:
			flag = st.FactNumDisc.Render("!")
		case len(info.facts) > 1:
			flag = st.FactNum.Render("+")
		}
	} else if info.unique {
		flag = st.Unique.Render("*")
	}
	return num + glyph + flag + " "
}

// sentenceStyle is the base style of a sentence, and its palette key: its
// role, tinted by how widely its fact is shared.
func sentenceStyle(st *Styles, role corpus.Role, info sentInfo) (lipgloss.Style, string) {
	base := st.Body
	switch role {
	case corpus.RoleTitle:
		base = st.Title
	case corpus.RoleHeading:
		base = st.Heading
	case corpus.RoleByline:
		base = st.Byline
	}
	key := string(role)
	if len(info.facts) > 0 {
		base = base.Inherit(st.shareStyle(info.level))
		key += "/" + strconv.Itoa(info.level)
	}
	return base, key
}

type hl struct {
	start, end int
	brush      brush
}

// sentenceLines wraps one sentence to width and highlights framing markers
// and search hits; every line is exactly width cells.
func sentenceLines(st *Styles, pal *palette, s corpus.Sentence, info sentInfo, query string, width int) ([]string, []span) {
	t := safeText(s.Text)
	baseStyle, baseKey := sentenceStyle(st, s.Role, info)
	base := pal.get(baseKey, baseStyle)
	var hls []hl
	for _, m := range info.markers {
		a, b := m.Start-s.Start, m.End-s.Start
		if a < 0 {
			a = 0
		}
		if b > len(t) {
			b = len(t)
		}
		if a >= b {
			continue
		}
		ks, ok := st.Kind[m.Kind]
		if !ok || m.Kind == "unique" {
			continue
		}
		hls = append(hls, hl{runeStart(t, a), runeStart(t, b), pal.get("kind/"+m.Kind+"/"+baseKey, ks.Inherit(baseStyle))})
	}
	if query != "" {
		// Matches are found in the folded text and drawn on the text's
		// own bytes.
		low, at := foldMap(t, true)
		for off := 0; ; {
			i := strings.Index(low[off:], query)
			if i < 0 {
				break
			}
			a := off + i
			hls = append(hls, hl{at[a], at[a+len(query)], pal.get("hit/"+baseKey, st.SearchHit.Inherit(baseStyle))})
			off = a + len(query)
		}
	}
	spans := wrapSpans(t, width)
	out := make([]string, 0, len(spans))
	for _, sp := range spans {
		out = append(out, styleLine(t, sp, base, hls, width))
	}
	return out, spans
}

// styleLine renders t[sp] with base style and the highlights that overlap
// it (later highlights win), padded with the base style to width.
func styleLine(t string, sp span, base brush, hls []hl, width int) string {
	seg := t[sp.start:sp.end]
	w := ansi.StringWidth(seg)
	if len(hls) == 0 {
		return padStyled(base.paint(seg), w, width, base)
	}
	cuts := []int{sp.start, sp.end}
	for _, h := range hls {
		if h.end <= sp.start || h.start >= sp.end {
			continue
		}
		cuts = append(cuts, max(h.start, sp.start), min(h.end, sp.end))
	}
	sort.Ints(cuts)
	var b strings.Builder
	for i := 0; i+1 < len(cuts); i++ {
		a, z := cuts[i], cuts[i+1]
		if a >= z {
			continue
		}
		br := base
		for _, h := range hls {
			if h.start <= a && h.end >= z {
				br = h.brush
			}
		}
		b.WriteString(br.paint(t[a:z]))
	}
	return padStyled(b.String(), w, width, base)
}

// padStyled pads a rendered string of known width w to width cells with
// spaces in style, cutting it when it is too wide.
func padStyled(s string, w, width int, br brush) string {
	if w == width {
		return s
	}
	if w > width {
		return fit(s, width)
	}
	return s + br.paint(strings.Repeat(" ", width-w))
}

// runeStart moves byte offset i back to the start of its UTF-8 sequence.
func runeStart(s string, i int) int {
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

// sliceText returns text[a:b] clamped to the text.
func sliceText(text string, a, b int) string {
	a = max(0, min(a, len(text)))
	b = max(a, min(b, len(text)))
	return text[runeStart(text, a):runeStart(text, b)]
}

package ui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// safeText makes untrusted article text safe to print while keeping every
// byte offset valid: each control character is replaced by a sequence of the
// same length in bytes. C0 controls, DEL and invalid bytes become a space or
// '?', C1 controls and soft hyphens (two bytes; terminals disagree on a soft
// hyphen's width, which would shift the cells after it) a no-break space,
// and the bidi embedding, override and isolate controls (three bytes) a
// zero-width space. The corpus sanitises on load; this is the UI's own line
// of defence.
func safeText(s string) string { return sanitize(s, false) }

// safeBlock is safeText for multi-line text: it keeps newlines.
func safeBlock(s string) string { return sanitize(s, true) }

func sanitize(s string, keepNewlines bool) string {
	clean := true
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unsafeRune(r, n) && !(keepNewlines && r == '\n') || emojiGlue(s, i, r, n) != "" {
			clean = false
			break
		}
		i += n
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteByte('?')
		case r == '\n' && keepNewlines:
			b.WriteByte('\n')
		case r < 0x20 || r == 0x7f:
			b.WriteByte(' ')
		case r >= 0x80 && r <= 0x9f || r == 0xad:
			b.WriteString("\u00a0")
		case isBidiControl(r):
			b.WriteString("\u200b")
		case emojiGlue(s, i, r, n) != "":
			b.WriteString(emojiGlue(s, i, r, n))
		case isPrepend(r):
			// Same length, known width: a prepended concatenation mark
			// joins the next character into one cluster whose width
			// terminals and width tables disagree on.
			switch n {
			case 2:
				b.WriteString("\u00a0")
			case 3:
				b.WriteString("\u200b")
			default:
				b.WriteString("\u200b ")
			}
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// emojiGlue returns what replaces the rune r (of n bytes at s[i:]) when
// it glues pictures into one multi-codepoint emoji, or "". Terminals
// disagree on such a sequence's width: tmux 3.3a, like many, counts every
// code point (a family of three is 6 cells, or drops one), while the
// layout counts the grapheme cluster (2 cells), and every cell after it
// shifts. Each piece is made to stand alone, with a replacement of the
// same length in bytes and no width, so every terminal and the layout
// agree: a zero width joiner before a symbol and the emoji and text
// presentation selectors become a zero width space, a skin-tone modifier
// after a symbol two combining grapheme joiners. The pictures stay, side
// by side (👨👩👦); a ZWJ between letters (Persian, Indic) is kept.
func emojiGlue(s string, i int, r rune, n int) string {
	switch {
	case r == 0xfe0e || r == 0xfe0f:
		return "\u200b"
	case r == 0x200d:
		if next, _ := utf8.DecodeRuneInString(s[i+n:]); unicode.Is(unicode.So, next) {
			return "\u200b"
		}
	case r >= 0x1f3fb && r <= 0x1f3ff:
		if prev, _ := utf8.DecodeLastRuneInString(s[:i]); unicode.Is(unicode.So, prev) {
			return "\u034f\u034f"
		}
	}
	return ""
}

func unsafeRune(r rune, n int) bool {
	return (r == utf8.RuneError && n == 1) || r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || r == 0xad || isBidiControl(r) || isPrepend(r)
}

// isPrepend reports whether r is a prepended concatenation mark (Arabic
// number sign, end of ayah, Syriac abbreviation mark, Kaithi number sign):
// it takes the character after it into its grapheme cluster.
func isPrepend(r rune) bool {
	return (r >= 0x0600 && r <= 0x0605) || r == 0x06dd || r == 0x070f || r == 0x0890 || r == 0x0891 || r == 0x08e2 || r == 0x110bd || r == 0x110cd
}

func isBidiControl(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x061c
}

// oneLine makes s safe and collapses it to one line of single spaces. A
// leading combining mark gets a dotted circle to sit on, as Unicode
// suggests, so that it cannot join whatever is drawn before it.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(safeText(s)), " ")
	if r, _ := utf8.DecodeRuneInString(s); unicode.Is(unicode.M, r) || r == '\u200d' {
		s = "\u25cc" + s
	}
	return s
}

// span is a half-open byte range of a wrapped line inside its text.
type span struct{ start, end int }

// wrapSpans word-wraps text to width cells and returns each line's byte
// range; widths are those of ansi.StringWidth (grapheme clusters), words
// longer than the width are broken, and the spaces at a break are dropped.
// text must be free of control characters and newlines.
func wrapSpans(text string, width int) []span {
	if width < 1 {
		width = 1
	}
	var lines []span
	lineStart, lineW := 0, 0
	lastBreak := -1 // byte offset of the last space in the current line
	i := 0
	for i < len(text) {
		cluster, w := ansi.FirstGraphemeCluster(text[i:], ansi.GraphemeWidth)
		if len(cluster) == 0 {
			cluster, w = text[i:i+1], 1
		}
		if cluster == " " {
			if lineW == 0 && i == lineStart { // no leading spaces on a line
				i++
				lineStart = i
				continue
			}
			lastBreak = i
			lineW += w
			i += len(cluster)
			continue
		}
		if lineW+w > width && lineW > 0 {
			if lastBreak > lineStart {
				lines = append(lines, span{lineStart, trimRight(text, lineStart, lastBreak)})
				// restart after the spaces at the break
				// (not past the cluster at i: a space with a combining
				// mark on it is one cluster, and stays whole)
				j := lastBreak
				for j < i && text[j] == ' ' {
					j++
				}
				lineStart = j
				lineW = ansi.StringWidth(text[lineStart:i])
			} else {
				lines = append(lines, span{lineStart, i})
				lineStart, lineW = i, 0
			}
			lastBreak = -1
			// the current cluster is re-examined on the new line
			continue
		}
		lineW += w
		i += len(cluster)
	}
	if end := trimRight(text, lineStart, len(text)); end > lineStart || len(lines) == 0 {
		lines = append(lines, span{lineStart, end})
	}
	return lines
}

func trimRight(text string, start, end int) int {
	for end > start && text[end-1] == ' ' {
		end--
	}
	return end
}

// fit pads or truncates s (which may hold escape codes) to exactly width
// cells.
func fit(s string, width int) string {
	if width <= 0 {
		return ""
	}
	w := ansi.StringWidth(s)
	switch {
	case w == width:
		return s
	case w < width:
		return s + strings.Repeat(" ", width-w)
	}
	t := ansi.Truncate(s, width, "")
	if tw := ansi.StringWidth(t); tw < width {
		t += strings.Repeat(" ", width-tw)
	}
	return t
}

// ellipsize truncates plain or styled s to width cells with an ellipsis.
func ellipsize(s string, width int) string {
	if width <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= width {
		return s
	}
	// Cut at a space, the ellipsis follows the word, not the space:
	// "Islamic Republic…", not "Islamic Republic …".
	t := ansi.Truncate(s, width-1, "")
	if p := ansi.Strip(t); strings.HasSuffix(p, " ") && strings.TrimSpace(p) != "" && !strings.Contains(t, "\x1b") {
		t = strings.TrimRight(t, " ")
	}
	return t + "…"
}

// ellipsizeMiddle shortens plain s to width cells by cutting its middle:
// both ends of a passage say where it starts and stops.
func ellipsizeMiddle(s string, width int) string {
	if width <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= width {
		return s
	}
	head := ansi.Truncate(s, (width-1)/2, "")
	tail := ansi.TruncateLeft(s, ansi.StringWidth(s)-(width-1-ansi.StringWidth(head)), "")
	return head + "…" + tail
}

// wrapText wraps plain text to width and returns its lines.
func wrapText(text string, width int) []string {
	text = oneLine(text)
	sp := wrapSpans(text, width)
	out := make([]string, len(sp))
	for i, s := range sp {
		out[i] = text[s.start:s.end]
	}
	return out
}

// fitBlock pads or cuts a multi-line string to exactly w×h cells.
func fitBlock(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i := range lines {
		lines[i] = fit(lines[i], w)
	}
	for len(lines) < h {
		lines = append(lines, strings.Repeat(" ", w))
	}
	return strings.Join(lines, "\n")
}

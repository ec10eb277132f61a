package ui

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"unicode"

	"github.com/charmbracelet/glamour"
	"github.com/charmbracelet/glamour/ansi"
	"github.com/charmbracelet/glamour/styles"
	xansi "github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

// Context is shared by pointer between the root and every component: the
// styles, the key map, the data, and how to render Markdown. Sizes are
// pushed to each component with SetSize, not kept here.
type Context struct {
	Styles *Styles
	Keys   *KeyMap
	Data   *Data // what is open (everything, a thread or a story); nil until loading is done
	// All is the whole corpus and its analysis, of which Data may be one
	// story or thread (scope.go).
	All *Data
	// open is what the reader has open: everything, a thread or a story
	// (scope.go).
	open   scope
	Markup *Markup
	// lib is the library the articles were read from; nil for files and
	// the embedded corpus.
	lib *libState

	// notes is the notes store as the reader sees it, and the marks of
	// the tagged sentences the read view draws.
	notes *notesService
	// dialog is the dialog open over the pages (layer.go), nil for none:
	// a page opens it (openDialog) and the root gives it the keys and
	// draws it until it closes.
	dialog layer
	// drafts are the texts of the dialogs cancelled with text typed,
	// given back when the same dialog opens again (drafts.go).
	drafts drafts
	// getenv reads the reader's environment (ui.Options.Getenv); nil
	// means os.Getenv.
	getenv func(string) string
}

// env returns the value of an environment variable of the reader.
func (c *Context) env(name string) string {
	if c.getenv == nil {
		return os.Getenv(name)
	}
	return c.getenv(name)
}

// Markup renders Markdown with Glamour in one style fixed before the
// program starts, keeping one renderer per width. It is safe to use from
// tea.Cmds.
type Markup struct {
	style   string // glamour standard style: dark, light or notty
	profile termenv.Profile

	mu        sync.Mutex
	renderers map[int]*glamour.TermRenderer
}

// NewMarkup returns a Markdown renderer for a standard glamour style
// ("dark", "light" or "notty"; never "auto") and colour profile.
func NewMarkup(style string, profile termenv.Profile) *Markup {
	return &Markup{style: style, profile: profile, renderers: map[int]*glamour.TermRenderer{}}
}

// Render renders md wrapped to width cells.
func (g *Markup) Render(md string, width int) (string, error) {
	if width < 10 {
		width = 10
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	r, ok := g.renderers[width]
	if !ok {
		var err error
		r, err = glamour.NewTermRenderer(
			glamour.WithStyles(markupStyle(g.style)),
			glamour.WithColorProfile(g.profile),
			glamour.WithWordWrap(width),
		)
		if err != nil {
			return "", fmt.Errorf("markdown renderer: %w", err)
		}
		g.renderers[width] = r
	}
	out, err := r.Render(nonBreakingHyphens(md))
	if err != nil {
		return "", fmt.Errorf("render markdown: %w", err)
	}
	return strings.ReplaceAll(out, "\u2011", "-"), nil
}

// breakLongLines breaks the lines of Glamour's output wider than width:
// Glamour does not break a word longer than a line (an outlet called
// broabandtrafficmanagement.blogspot.nl in a 36-cell pane), and what is
// drawn of the line is cut at the window's edge. The word runs on over
// the next lines, under the line's indent.
func breakLongLines(out string, width int) string {
	lines := strings.Split(out, "\n")
	var res []string
	changed := false
	for _, l := range lines {
		plain := xansi.Strip(l)
		if xansi.StringWidth(strings.TrimRight(plain, " ")) <= width {
			res = append(res, l)
			continue
		}
		changed = true
		indent := len(plain) - len(strings.TrimLeft(plain, " "))
		indent = min(indent, width/2)
		limit := max(width-indent, 1)
		// Glamour wrapped at spaces already: what is over is a word on
		// its own, broken where the line ends.
		for i, part := range strings.Split(xansi.Hardwrap(l, limit, true), "\n") {
			if strings.TrimSpace(xansi.Strip(part)) == "" {
				continue
			}
			if i > 0 {
				part = strings.Repeat(" ", indent) + part
			}
			res = append(res, part)
		}
	}
	if !changed {
		return out
	}
	return strings.Join(res, "\n")
}

// nonBreakingHyphens writes each hyphen between two letters or digits
// ("log-odds") as a non-breaking hyphen (U+2011). Glamour's word wrap
// (muesli/reflow) breaks after a hyphen without checking the line's
// width, so the line runs a cell over and Glamour's margin writer wraps
// it again: a lone word on a line of its own in the middle of a paragraph
// ("z-scores of the log-odds / against / the other outlets"). Render lets
// Glamour wrap with non-breaking hyphens, which break nowhere, and draws
// them as hyphens again after: lines break at spaces only and none runs
// over.
func nonBreakingHyphens(md string) string {
	if !strings.Contains(md, "-") {
		return md
	}
	rs := []rune(md)
	word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	for i := 1; i+1 < len(rs); i++ {
		if rs[i] == '-' && word(rs[i-1]) && word(rs[i+1]) {
			rs[i] = '\u2011'
		}
	}
	return string(rs)
}

// markupStyle is a glamour standard style with a block quote bar one cell
// wide: glamour counts its two-cell "│ " as one when wrapping, so the last
// word of a full quote line spilled onto a line of its own, without the
// bar (charmbracelet/glamour#172). "▎" draws a bar with room after it.
func markupStyle(name string) ansi.StyleConfig {
	st, ok := styles.DefaultStyles[name]
	if !ok {
		st = styles.DefaultStyles[styles.NoTTYStyle]
	}
	cfg := *st
	bar := "▎"
	if name == styles.NoTTYStyle || name == styles.AsciiStyle {
		bar = "|"
	}
	cfg.BlockQuote.IndentToken = &bar
	return cfg
}

package ui

import (
	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/textinput"
	"github.com/charmbracelet/lipgloss"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/frame"
)

// Theme is the palette of semantic colours. Colours are xterm-256 indexes
// (16 to 255: the same on every terminal that has 256 colours, so their
// contrast can be checked) with a light and a dark variant, chosen once,
// before the program starts. Every foreground is readable on the
// background it is drawn on: a WCAG contrast ratio of at least 4.5,
// checked by TestThemeContrast against Paper and Ink.
type Theme struct {
	// Paper and Ink are the terminal's own background and text colours as
	// the contrast check assumes them; they are never drawn.
	Paper, Ink lipgloss.AdaptiveColor

	Accent  lipgloss.AdaptiveColor // focus, cursor, active tab
	Muted   lipgloss.AdaptiveColor // secondary text: dates, counts
	Subtle  lipgloss.AdaptiveColor // rules, separators, furniture
	Outline lipgloss.AdaptiveColor // counterparts of the sentence under the cursor
	Warn    lipgloss.AdaptiveColor // discrepancies
	Error   lipgloss.AdaptiveColor // load errors
	Unique  lipgloss.AdaptiveColor // outlet-only passages
	// BadgeFg is the mode badge's text, on Accent.
	BadgeFg lipgloss.AdaptiveColor
	// Share tints sentences by how widely their fact is shared
	// (corpus.ShareLevel 1, 2, 3): three hues far apart, each dark (light)
	// enough for every marker colour drawn on it.
	Share [corpus.ShareLevels]lipgloss.AdaptiveColor
	// Kinds colours framing markers by kind.
	Kinds map[string]lipgloss.AdaptiveColor
}

// DefaultTheme is parallax's palette.
func DefaultTheme() Theme {
	return Theme{
		Paper: lipgloss.AdaptiveColor{Light: "231", Dark: "234"},
		Ink:   lipgloss.AdaptiveColor{Light: "16", Dark: "252"},

		Accent:  lipgloss.AdaptiveColor{Light: "25", Dark: "75"},
		Muted:   lipgloss.AdaptiveColor{Light: "240", Dark: "250"},
		Subtle:  lipgloss.AdaptiveColor{Light: "243", Dark: "245"},
		Outline: lipgloss.AdaptiveColor{Light: "90", Dark: "177"},
		Warn:    lipgloss.AdaptiveColor{Light: "124", Dark: "203"},
		Error:   lipgloss.AdaptiveColor{Light: "124", Dark: "203"},
		Unique:  lipgloss.AdaptiveColor{Light: "130", Dark: "221"},
		// Not 0 or 15: where bold means bright, bold black on blue was grey.
		BadgeFg: lipgloss.AdaptiveColor{Light: "231", Dark: "16"},
		Share: [corpus.ShareLevels]lipgloss.AdaptiveColor{
			{Light: "254", Dark: "237"}, // grey
			{Light: "159", Dark: "18"},  // cyan / blue
			{Light: "229", Dark: "53"},  // yellow / purple
		},
		Kinds: map[string]lipgloss.AdaptiveColor{
			frame.KindLoaded:      {Light: "124", Dark: "210"},
			frame.KindEvaluative:  {Light: "90", Dark: "213"},
			frame.KindAttribution: {Light: "24", Dark: "117"},
			frame.KindHedge:       {Light: "22", Dark: "120"},
			frame.KindScareQuote:  {Light: "58", Dark: "228"},
			frame.KindIntensifier: {Light: "94", Dark: "215"},
			frame.KindUnique:      {Light: "130", Dark: "221"},
		},
	}
}

// markerKinds lists framing marker kinds in legend order.
func markerKinds() []string {
	return []string{
		frame.KindLoaded, frame.KindEvaluative, frame.KindAttribution,
		frame.KindHedge, frame.KindScareQuote, frame.KindIntensifier,
	}
}

// Styles is every style the UI uses, built once from a Theme and a
// renderer. With Mono set there is no colour at all: emphasis is bold,
// underline and reverse.
type Styles struct {
	Mono bool

	TabActive, Tab, TabDisabled   lipgloss.Style
	StatusMode, Status, StatusMsg lipgloss.Style
	Muted, Subtle, Bold, Accent   lipgloss.Style
	Error, Warn                   lipgloss.Style

	ColOutlet, ColOutletFocus, ColDate, ColTitle, ColRule, ColSep, RefBadge lipgloss.Style

	Title, Heading, Body, Byline, Furniture lipgloss.Style
	Share                                   [corpus.ShareLevels]lipgloss.Style // text tint by corpus.ShareLevel
	ShareSwatch                             [corpus.ShareLevels]lipgloss.Style // legend swatches
	FactNum, FactNumDisc, Unique            lipgloss.Style
	Cursor, Outline                         lipgloss.Style
	Kind                                    map[string]lipgloss.Style
	SearchHit                               lipgloss.Style
	// DiffDel and DiffIns are a word diff's deleted and inserted words;
	// in monochrome the words are also written [-so-]{+so+}.
	DiffDel, DiffIns lipgloss.Style

	PanelBorder, PanelTitle, Label lipgloss.Style
	RowSelected, Present, Absent   lipgloss.Style
	Help                           help.Styles
}

// NewStyles builds the styles from a theme with renderer r; mono drops all
// colour.
func NewStyles(r *lipgloss.Renderer, t Theme, mono bool) *Styles {
	n := r.NewStyle
	fg := func(c lipgloss.AdaptiveColor) lipgloss.Style {
		if mono {
			return n()
		}
		return n().Foreground(c)
	}
	s := &Styles{Mono: mono}
	s.TabActive = fg(t.Accent).Bold(true).Underline(true)
	s.Tab = fg(t.Muted)
	s.TabDisabled = fg(t.Subtle).Faint(mono)
	s.StatusMode = n().Bold(true).Reverse(true).Padding(0, 1)
	if !mono {
		s.StatusMode = n().Bold(true).Foreground(t.BadgeFg).Background(t.Accent).Padding(0, 1)
	}
	s.Status = fg(t.Muted)
	s.StatusMsg = fg(t.Warn).Bold(true)
	s.Muted = fg(t.Muted)
	s.Subtle = fg(t.Subtle).Faint(mono)
	s.Bold = n().Bold(true)
	s.Accent = fg(t.Accent).Bold(true)
	s.Error = fg(t.Error).Bold(true)
	s.Warn = fg(t.Warn).Bold(true)

	s.ColOutlet = fg(t.Accent).Bold(true)
	s.ColOutletFocus = s.ColOutlet.Reverse(true)
	s.ColDate = fg(t.Muted)
	s.ColTitle = n().Bold(true)
	s.ColRule = fg(t.Subtle)
	s.ColSep = fg(t.Subtle)
	s.RefBadge = fg(t.Outline).Bold(true)

	s.Title = n().Bold(true)
	s.Heading = n().Bold(true)
	s.Body = n()
	s.Byline = fg(t.Muted).Italic(!mono)
	// Faint only without colour: a faint colour's contrast is the
	// terminal's guess, and Subtle is as dim as stays readable.
	s.Furniture = fg(t.Subtle).Faint(mono)
	for i := range s.Share {
		if mono {
			// The glyph of the level says it: no swatch to draw.
			s.Share[i] = n()
			s.ShareSwatch[i] = n()
		} else {
			s.Share[i] = n().Background(t.Share[i])
			s.ShareSwatch[i] = n().Background(t.Share[i])
		}
	}
	s.FactNum = fg(t.Muted)
	s.FactNumDisc = fg(t.Warn).Bold(true)
	s.Unique = fg(t.Unique).Bold(true)
	s.Cursor = fg(t.Accent).Bold(true)
	s.Outline = fg(t.Outline).Bold(true)
	s.Kind = map[string]lipgloss.Style{}
	for k, c := range t.Kinds {
		st := n().Underline(true)
		if !mono {
			st = st.Foreground(c)
		}
		s.Kind[k] = st
	}
	s.SearchHit = n().Reverse(true)

	s.PanelBorder = n().Border(lipgloss.RoundedBorder())
	if !mono {
		s.PanelBorder = s.PanelBorder.BorderForeground(t.Accent)
	}
	s.PanelTitle = fg(t.Accent).Bold(true)
	s.Label = fg(t.Muted).Bold(true)
	s.RowSelected = n().Reverse(true)
	s.Present = fg(t.Accent).Bold(true)
	s.Absent = fg(t.Subtle)
	s.DiffDel = fg(t.Error).Strikethrough(!mono)
	s.DiffIns = fg(t.Kinds[frame.KindHedge]).Bold(true).Underline(mono)

	s.Help = help.Styles{
		Ellipsis:       fg(t.Subtle),
		ShortKey:       fg(t.Muted).Bold(true),
		ShortDesc:      fg(t.Muted),
		ShortSeparator: fg(t.Subtle),
		FullKey:        fg(t.Accent).Bold(true),
		FullDesc:       fg(t.Muted),
		FullSeparator:  fg(t.Subtle),
	}
	return s
}

// styleInput gives a text input the theme's styles: the bubbles defaults
// use lipgloss's global renderer, which ignores --no-color.
func (s *Styles) styleInput(ti *textinput.Model) {
	ti.PromptStyle = s.Accent
	ti.TextStyle = s.Body
	ti.PlaceholderStyle = s.Subtle
	ti.CompletionStyle = s.Subtle
	ti.Cursor.Style = s.Body.Reverse(true)
	ti.Cursor.TextStyle = s.Body
	// A steady cursor: no blink ticks to schedule while typing.
	ti.Cursor.SetMode(cursor.CursorStatic)
}

// shareStyle returns the tint for a fact shared at corpus.ShareLevel
// level (1 to 3); level 0 is not tinted.
func (s *Styles) shareStyle(level int) lipgloss.Style {
	if level < 1 {
		return lipgloss.Style{}
	}
	return s.Share[min(level, corpus.ShareLevels)-1]
}

package ui

import (
	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/textinput"
	"github.com/charmbracelet/lipgloss"

	"github.com/parallax-reader/parallax/corpus/frame"
)

// Theme is the palette of semantic colours. Colours are ANSI indexes so the
// user's own palette applies; each has a light and a dark variant and the
// variant is chosen once, before the program starts.
type Theme struct {
	Accent  lipgloss.AdaptiveColor // focus, cursor, active tab
	Muted   lipgloss.AdaptiveColor // secondary text: dates, counts
	Subtle  lipgloss.AdaptiveColor // rules, separators, furniture
	Outline lipgloss.AdaptiveColor // counterparts of the sentence under the cursor
	Warn    lipgloss.AdaptiveColor // discrepancies
	Error   lipgloss.AdaptiveColor // load errors
	Unique  lipgloss.AdaptiveColor // outlet-only passages
	// Share tints sentences by how many outlets carry their fact: 2, 3, 4+.
	Share [3]lipgloss.AdaptiveColor
	// Kinds colours framing markers by kind.
	Kinds map[string]lipgloss.AdaptiveColor
}

// DefaultTheme is parallax's palette.
func DefaultTheme() Theme {
	return Theme{
		Accent:  lipgloss.AdaptiveColor{Light: "4", Dark: "12"},
		Muted:   lipgloss.AdaptiveColor{Light: "8", Dark: "7"},
		Subtle:  lipgloss.AdaptiveColor{Light: "250", Dark: "240"},
		Outline: lipgloss.AdaptiveColor{Light: "5", Dark: "13"},
		Warn:    lipgloss.AdaptiveColor{Light: "1", Dark: "9"},
		Error:   lipgloss.AdaptiveColor{Light: "1", Dark: "9"},
		Unique:  lipgloss.AdaptiveColor{Light: "3", Dark: "11"},
		Share: [3]lipgloss.AdaptiveColor{
			{Light: "254", Dark: "236"}, // 255 (#eeeeee) hardly shows on white
			{Light: "195", Dark: "23"},
			{Light: "153", Dark: "24"},
		},
		Kinds: map[string]lipgloss.AdaptiveColor{
			frame.KindLoaded:      {Light: "1", Dark: "9"},
			frame.KindEvaluative:  {Light: "5", Dark: "13"},
			frame.KindAttribution: {Light: "6", Dark: "14"},
			frame.KindHedge:       {Light: "2", Dark: "10"},
			frame.KindScareQuote:  {Light: "3", Dark: "11"},
			frame.KindIntensifier: {Light: "208", Dark: "214"},
			frame.KindUnique:      {Light: "3", Dark: "11"},
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
	Share                                   [3]lipgloss.Style // text tint for 2, 3, 4+ outlets
	ShareSwatch                             [3]lipgloss.Style // legend swatches
	FactNum, FactNumDisc, Unique            lipgloss.Style
	Cursor, Outline                         lipgloss.Style
	Kind                                    map[string]lipgloss.Style
	SearchHit                               lipgloss.Style

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
		s.StatusMode = n().Bold(true).Foreground(lipgloss.AdaptiveColor{Light: "15", Dark: "0"}).Background(t.Accent).Padding(0, 1)
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
	s.Furniture = fg(t.Subtle).Faint(true)
	for i := range s.Share {
		if mono {
			s.Share[i] = n()
			s.ShareSwatch[i] = n().Reverse(true)
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

// shareStyle returns the tint for a fact shared by n outlets.
func (s *Styles) shareStyle(n int) lipgloss.Style {
	switch {
	case n <= 2:
		return s.Share[0]
	case n == 3:
		return s.Share[1]
	default:
		return s.Share[2]
	}
}

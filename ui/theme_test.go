package ui

import (
	"fmt"
	"io"
	"math"
	"reflect"
	"strconv"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/frame"
)

// TestThemeContrast computes the WCAG contrast ratio of every pair of
// foreground and background the theme draws, light and dark: each style
// of Styles on the terminal's own colours (Theme.Paper and Ink), and the
// sentence styles as the read view combines them (a role on a share tint,
// a framing marker or a search hit on it). Every ratio is at least 4.5,
// the WCAG AA level for text.
func TestThemeContrast(t *testing.T) {
	for _, dark := range []bool{false, true} {
		r := lipgloss.NewRenderer(io.Discard)
		r.SetColorProfile(termenv.ANSI256)
		r.SetHasDarkBackground(dark)
		th := DefaultTheme()
		st := NewStyles(r, th, false)
		pal := contrastCheck{t: t, dark: dark, paper: colourIndex(t, th.Paper, dark), ink: colourIndex(t, th.Ink, dark)}
		checked := 0
		for name, s := range stylesOf(st) {
			pal.check(name, s)
			checked++
		}
		for _, role := range []corpus.Role{corpus.RoleBody, corpus.RoleTitle, corpus.RoleHeading, corpus.RoleByline} {
			for level := 1; level <= corpus.ShareLevels; level++ {
				base, key := sentenceStyle(st, role, sentInfo{facts: []int{0}, level: level})
				pal.check(key, base)
				for kind, ks := range st.Kind {
					if kind == frame.KindUnique {
						continue // sentenceLines never draws it: the gutter's * says it
					}
					pal.check(key+" marker "+kind, ks.Inherit(base))
				}
				pal.check(key+" search hit", st.SearchHit.Inherit(base))
				checked += 2 + len(st.Kind)
			}
		}
		if checked < 60 {
			t.Fatalf("only %d styles checked", checked)
		}
	}
}

// TestShareTintsAreDistinct keeps the three share tints far apart (CIE76
// ΔE of at least 20, where 2.3 is just noticeable) and the lightest of
// them visible on the terminal's background (ΔE 8).
func TestShareTintsAreDistinct(t *testing.T) {
	th := DefaultTheme()
	for _, dark := range []bool{false, true} {
		paper := colourIndex(t, th.Paper, dark)
		var tints []int
		for _, c := range th.Share {
			tints = append(tints, colourIndex(t, c, dark))
		}
		for i := range tints {
			if d := deltaE(tints[i], paper); d < 8 {
				t.Errorf("dark=%v: tint %d (%d) hardly shows on the background %d: ΔE %.1f", dark, i+1, tints[i], paper, d)
			}
			for j := i + 1; j < len(tints); j++ {
				if d := deltaE(tints[i], tints[j]); d < 20 {
					t.Errorf("dark=%v: tints %d (%d) and %d (%d) are too close: ΔE %.1f", dark, i+1, tints[i], j+1, tints[j], d)
				}
			}
		}
	}
}

func TestContrastRatioOfKnownPairs(t *testing.T) {
	for _, c := range []struct {
		a, b int
		want float64
	}{
		{16, 231, 21}, // black on white
		{231, 231, 1},
		{243, 231, 4.54}, // #767676, the lightest grey that passes on white
	} {
		if got := contrast(c.a, c.b); math.Abs(got-c.want) > 0.01 {
			t.Errorf("contrast(%d, %d) = %.3f, want %.2f", c.a, c.b, got, c.want)
		}
	}
}

// contrastCheck checks styles against the assumed terminal colours.
type contrastCheck struct {
	t          *testing.T
	dark       bool
	paper, ink int
}

func (c contrastCheck) check(name string, s lipgloss.Style) {
	c.t.Helper()
	if s.GetFaint() {
		c.t.Errorf("dark=%v %s: faint text has no contrast anyone can compute", c.dark, name)
	}
	fg := c.resolve(s.GetForeground(), c.ink)
	bg := c.resolve(s.GetBackground(), c.paper)
	if s.GetReverse() {
		fg, bg = bg, fg
	}
	fgs := []int{fg}
	if s.GetBold() && fg < 8 {
		fgs = append(fgs, fg+8) // where bold means bright
	}
	for _, f := range fgs {
		if cr := contrast(f, bg); cr < 4.5 {
			c.t.Errorf("dark=%v %s: colour %d on %d has contrast %.2f, under 4.5", c.dark, name, f, bg, cr)
		}
	}
	if b := s.GetBorderTopForeground(); b != nil {
		if _, none := b.(lipgloss.NoColor); !none {
			if cr := contrast(c.resolve(b, c.ink), c.paper); cr < 4.5 {
				c.t.Errorf("dark=%v %s border: contrast %.2f, under 4.5", c.dark, name, cr)
			}
		}
	}
}

func (c contrastCheck) resolve(tc lipgloss.TerminalColor, def int) int {
	c.t.Helper()
	switch col := tc.(type) {
	case nil, lipgloss.NoColor:
		return def
	case lipgloss.AdaptiveColor:
		return colourIndex(c.t, col, c.dark)
	case lipgloss.Color:
		n, err := strconv.Atoi(string(col))
		if err != nil {
			c.t.Fatalf("colour %q is not an xterm-256 index", col)
		}
		return n
	}
	c.t.Fatalf("colour %#v of an unknown kind", tc)
	return 0
}

// stylesOf lists every style of Styles by field name.
func stylesOf(st *Styles) map[string]lipgloss.Style {
	out := map[string]lipgloss.Style{}
	styleType := reflect.TypeOf(lipgloss.Style{})
	var walk func(name string, v reflect.Value)
	walk = func(name string, v reflect.Value) {
		switch {
		case v.Type() == styleType:
			out[name] = v.Interface().(lipgloss.Style)
		case v.Kind() == reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				if v.Type().Field(i).IsExported() {
					walk(name+"."+v.Type().Field(i).Name, v.Field(i))
				}
			}
		case v.Kind() == reflect.Array || v.Kind() == reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				walk(fmt.Sprintf("%s[%d]", name, i), v.Index(i))
			}
		case v.Kind() == reflect.Map:
			for _, k := range v.MapKeys() {
				walk(fmt.Sprintf("%s[%v]", name, k), v.MapIndex(k))
			}
		}
	}
	walk("Styles", reflect.ValueOf(*st))
	return out
}

func colourIndex(t *testing.T, c lipgloss.AdaptiveColor, dark bool) int {
	t.Helper()
	s := c.Light
	if dark {
		s = c.Dark
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > 255 {
		t.Fatalf("colour %q is not an xterm-256 index", s)
	}
	return n
}

// xtermRGB is the colour of an xterm-256 index: xterm's defaults for
// 0-15, the 6×6×6 cube, the grey ramp.
func xtermRGB(i int) [3]float64 {
	base := [16]uint32{0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd, 0x00cdcd, 0xe5e5e5,
		0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00, 0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff}
	var c uint32
	switch {
	case i < 16:
		c = base[i]
	case i < 232:
		lv := [6]uint32{0, 95, 135, 175, 215, 255}
		i -= 16
		c = lv[i/36]<<16 | lv[i/6%6]<<8 | lv[i%6]
	default:
		g := uint32(8 + 10*(i-232))
		c = g<<16 | g<<8 | g
	}
	return [3]float64{float64(c>>16) / 255, float64(c>>8&255) / 255, float64(c&255) / 255}
}

func linear(v float64) float64 {
	if v <= 0.04045 {
		return v / 12.92
	}
	return math.Pow((v+0.055)/1.055, 2.4)
}

// luminance is WCAG's relative luminance of an xterm-256 colour.
func luminance(i int) float64 {
	c := xtermRGB(i)
	return 0.2126*linear(c[0]) + 0.7152*linear(c[1]) + 0.0722*linear(c[2])
}

// contrast is WCAG's contrast ratio of two xterm-256 colours.
func contrast(a, b int) float64 {
	x, y := luminance(a), luminance(b)
	return (max(x, y) + 0.05) / (min(x, y) + 0.05)
}

// deltaE is the CIE76 distance of two xterm-256 colours in CIELAB (D65).
func deltaE(a, b int) float64 {
	la, lb := lab(a), lab(b)
	return math.Sqrt((la[0]-lb[0])*(la[0]-lb[0]) + (la[1]-lb[1])*(la[1]-lb[1]) + (la[2]-lb[2])*(la[2]-lb[2]))
}

func lab(i int) [3]float64 {
	c := xtermRGB(i)
	r, g, b := linear(c[0]), linear(c[1]), linear(c[2])
	x := (0.4124*r + 0.3576*g + 0.1805*b) / 0.95047
	y := 0.2126*r + 0.7152*g + 0.0722*b
	z := (0.0193*r + 0.1192*g + 0.9505*b) / 1.08883
	f := func(t float64) float64 {
		if t > 0.008856 {
			return math.Cbrt(t)
		}
		return 7.787*t + 16.0/116
	}
	return [3]float64{116*f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))}
}

package ui

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// profileRenderedMsg carries an outlet profile rendered by Glamour.
type profileRenderedMsg struct {
	outlet string
	width  int
	out    string
	err    error
}

type renderKey struct {
	outlet string
	width  int
}

// outletsModel shows each outlet's profile: the domain layer's Markdown
// (with its bar charts) rendered with Glamour.
type outletsModel struct {
	ctx           *Context
	width, height int
	cursor        int // index into Data.Findings.Profiles
	vp            viewport.Model
	rendered      map[renderKey]string // shared by copies; written only in Update
	pending       map[renderKey]bool
	// keep is how far down the profile the reader was (0 to 1) when a
	// resize asked for a new rendering, restored when it arrives; -1 when
	// there is nothing to restore.
	keep float64
}

func newOutletsModel(ctx *Context) *outletsModel {
	return &outletsModel{ctx: ctx, vp: viewport.New(0, 0), rendered: map[renderKey]string{}, pending: map[renderKey]bool{}, keep: -1}
}

const outletListWidth = 22

func (o outletsModel) listWidth() int {
	if o.width < 60 {
		return 0
	}
	return outletListWidth
}

func (o outletsModel) profileWidth() int {
	lw := o.listWidth()
	if lw > 0 {
		lw++
	}
	return max(o.width-lw, 10)
}

// SetSize sets the view's area and asks for a render at the new width.
func (o *outletsModel) SetSize(w, h int) tea.Cmd {
	if o.keep < 0 {
		o.keep = scrolledPart(&o.vp)
	}
	o.width, o.height = w, h
	o.vp.Width = o.profileWidth()
	o.vp.Height = max(h, 1)
	return o.load()
}

// load shows the current profile, rendering it in a tea.Cmd when it is not
// cached for this width.
func (o *outletsModel) load() tea.Cmd {
	ps := o.ctx.Data.Findings.Profiles
	if len(ps) == 0 || o.width <= 0 {
		o.vp.SetContent("")
		return nil
	}
	o.cursor = max(0, min(o.cursor, len(ps)-1))
	p := ps[o.cursor]
	wrap := o.profileWidth() - 2
	k := renderKey{p.Outlet, wrap}
	if out, ok := o.rendered[k]; ok {
		o.vp.SetContent(out)
		scrollToPart(&o.vp, o.keep)
		o.keep = -1
		return nil
	}
	o.vp.SetContent("\n  rendering profile…")
	if o.pending[k] {
		return nil
	}
	o.pending[k] = true
	markup, md := o.ctx.Markup, p.Markdown
	return func() tea.Msg {
		out, err := markup.Render(fitBars(safeBlock(md), wrap-8), wrap)
		out = breakLongLines(out, wrap)
		return profileRenderedMsg{outlet: k.outlet, width: k.width, out: out, err: err}
	}
}

// profileRenderedMsg is the outlets page's.
func (profileRenderedMsg) page() viewID { return viewOutlets }

// shown renders the current profile when the page is shown.
func (o *outletsModel) shown() tea.Cmd { return o.load() }

// show turns to outlet i's profile, from its top.
func (o *outletsModel) show(i int) tea.Cmd {
	o.cursor = i
	o.vp.GotoTop()
	o.keep = -1
	return o.load()
}

// Update handles keys and rendered profiles.
func (o *outletsModel) Update(msg tea.Msg) tea.Cmd {
	k := o.ctx.Keys
	n := len(o.ctx.Data.Findings.Profiles)
	switch msg := msg.(type) {
	case profileRenderedMsg:
		k := renderKey{msg.outlet, msg.width}
		delete(o.pending, k)
		out := msg.out
		if msg.err != nil {
			out = "  could not render the profile: " + oneLine(msg.err.Error())
		}
		o.rendered[k] = out
		return o.load()
	case tea.MouseMsg:
		switch msg.Button {
		case tea.MouseButtonLeft:
			if msg.Action == tea.MouseActionPress && msg.X < o.listWidth() && msg.Y >= 1 && msg.Y-1 < n {
				return o.show(msg.Y - 1)
			}
		}
	case tea.KeyMsg:
		switch {
		case key.Matches(msg, k.Right), key.Matches(msg, k.NextCol), key.Matches(msg, k.NextFact):
			if n > 0 {
				return o.show((o.cursor + 1) % n)
			}
		case key.Matches(msg, k.Left), key.Matches(msg, k.PrevCol), key.Matches(msg, k.PrevFact):
			if n > 0 {
				return o.show((o.cursor - 1 + n) % n)
			}
		}
	}
	scrollViewport(&o.vp, k, msg)
	return nil
}

// View renders the outlet list and the current profile.
func (o outletsModel) View() string {
	if o.width <= 0 || o.height <= 0 {
		return ""
	}
	st := o.ctx.Styles
	ps := o.ctx.Data.Findings.Profiles
	if len(ps) == 0 {
		msg := "No outlet profiles: the framing analysis did not run for this corpus."
		return fitBlock(strings.Join(wrapText(msg, o.width), "\n"), o.width, o.height)
	}
	right := fitBlock(o.vp.View(), o.profileWidth(), o.height)
	lw := o.listWidth()
	if lw == 0 {
		return right
	}
	list := []string{st.Label.Render(fit("Outlets", lw))}
	for i, p := range ps {
		line := fit(" "+ellipsize(oneLine(p.Outlet), lw-6)+fmt.Sprintf(" (%d)", p.Articles), lw)
		if i == o.cursor {
			line = st.RowSelected.Render(line)
		}
		list = append(list, line)
	}
	left := strings.Split(fitBlock(strings.Join(list, "\n"), lw, o.height), "\n")
	rl := strings.Split(right, "\n")
	sep := st.ColSep.Render("│")
	var b strings.Builder
	for i := 0; i < o.height; i++ {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(left[i] + sep + rl[i])
	}
	return b.String()
}

// ShortHelp is the outlets view's footer help.
func (o outletsModel) ShortHelp() []key.Binding {
	next, prev, scroll := outletKeys(o.ctx.Keys)
	return []key.Binding{next[0], prev[0], scroll[0], scroll[1]}
}

// FullHelp is the outlets view's full help.
func (o outletsModel) FullHelp() [][]key.Binding {
	next, prev, scroll := outletKeys(o.ctx.Keys)
	return [][]key.Binding{append(next, prev...), scroll, everyPageNotesKeys(o.ctx)}
}

// fitBars shortens the bar charts in a profile's text blocks so that their
// rows fit width cells: glamour wraps a longer code line, which puts a bar
// under its label. All bars of a block shrink alike, so they stay
// comparable, and none below a few cells; what the bars cannot give back,
// the labels do.
func fitBars(md string, width int) string {
	lines := strings.Split(md, "\n")
	for i := 0; i < len(lines); i++ {
		if !strings.HasPrefix(lines[i], "```") {
			continue
		}
		end := i + 1
		for end < len(lines) && !strings.HasPrefix(lines[end], "```") {
			end++
		}
		over, cells := 0, 0
		for _, l := range lines[i+1 : end] {
			if a, b := barSpan(l); a >= 0 {
				over = max(over, ansi.StringWidth(l)-width)
				cells = max(cells, utf8.RuneCountInString(l[a:b]))
			}
		}
		if over > 0 && cells > 0 {
			keep := max(cells-over, 4)
			cut := over - (cells - keep)
			for k := i + 1; k < end; k++ {
				l := lines[k]
				a, b := barSpan(l)
				if a < 0 {
					continue
				}
				n := utf8.RuneCountInString(l[a:b])
				filled := strings.Count(l[a:b], "█")
				nf := int(math.Round(float64(filled) * float64(keep) / float64(n)))
				if filled > 0 && nf == 0 {
					nf = 1
				}
				nk := max(keep*n/cells, nf)
				prefix := l[:a]
				if cut > 0 {
					w := max(ansi.StringWidth(prefix)-cut, 6)
					prefix = fit(ansi.Truncate(strings.TrimRight(prefix, " "), w-2, "…"), w)
				}
				lines[k] = prefix + strings.Repeat("█", nf) + strings.Repeat("·", nk-nf) + l[b:]
			}
		}
		i = end
	}
	return strings.Join(lines, "\n")
}

// barSpan returns the byte range of the bar (█ and ·) in a chart row, or
// -1, -1 when the row has none.
func barSpan(l string) (int, int) {
	isBar := func(r rune) bool { return r == '█' || r == '·' }
	a := strings.IndexFunc(l, isBar)
	if a < 0 {
		return -1, -1
	}
	b := strings.IndexFunc(l[a:], func(r rune) bool { return !isBar(r) })
	if b < 0 {
		return a, len(l)
	}
	return a, a + b
}

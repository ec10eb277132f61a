package ui

import (
	"context"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus/library"
	"github.com/parallax-reader/parallax/corpus/notes"
)

// The version history of a library's article (V in the read view): its
// stored versions, one row each, and from there the diff of two of them
// (diffview.go). An overlay the root opens; what it reads from the library
// comes back in a tea.Cmd as a message the root hands it.

// openVersionsMsg asks the root to open the version history of an article.
type openVersionsMsg struct {
	article, outlet, title string
	// diffFrom, when set, opens the diff from that version to the latest
	// at once (V on a note made on an earlier version).
	diffFrom int
	// note, with diffFrom, is the note V was pressed on: the diff marks
	// where its passage stood.
	note *notes.Note
}

// versionsMsg is an article's versions, read in the background.
type versionsMsg struct {
	article string
	vs      []library.VersionInfo
	err     error
}

// diffMsg is the diff of two versions, computed in the background.
type diffMsg struct {
	article  string
	from, to int
	d        *library.Diff
	err      error
}

// overlayMsg is a message for the open overlay (its background work's
// answer): the root gives it to the overlay, or drops it once closed.
type overlayMsg interface {
	tea.Msg
	forOverlay()
}

func (versionsMsg) forOverlay() {}
func (diffMsg) forOverlay()     {}

// versionsLayer is the version history overlay, and the diff it opens.
type versionsLayer struct {
	ctx                    *Context
	bg                     context.Context
	article, outlet, title string
	width, height          int

	vs      []library.VersionInfo
	loading string // what is being read, "" when nothing
	err     error
	cursor  int
	from    int // the version chosen with space to diff from; 0 for none
	// diffFrom is the version whose diff to the latest opens once the
	// versions are read (openVersionsMsg.diffFrom); 0 for none.
	diffFrom int
	// note is the note V was pressed on, made on version noteFrom: a
	// diff from that version marks where its passage stood.
	note     *notes.Note
	noteFrom int

	diff *diffView // the diff on screen; nil for the list
}

// newVersionsLayer returns the history of an article and the Cmd that
// reads its versions.
func newVersionsLayer(ctx *Context, bg context.Context, msg openVersionsMsg) (*versionsLayer, tea.Cmd) {
	v := &versionsLayer{ctx: ctx, bg: bg, article: msg.article, outlet: msg.outlet, title: msg.title, loading: "reading the versions…", diffFrom: msg.diffFrom, note: msg.note, noteFrom: msg.diffFrom}
	if ctx.lib == nil {
		v.loading, v.err = "", fmt.Errorf("these articles are not a library's: versions are kept for the articles of 'parallax add' and 'parallax update'")
		return v, nil
	}
	src, id := ctx.lib.src, msg.article
	return v, func() tea.Msg {
		vs, err := src.Versions(bg, id)
		return versionsMsg{article: id, vs: vs, err: err}
	}
}

// SetSize sets the overlay's area.
func (v *versionsLayer) SetSize(w, h int) {
	v.width, v.height = w, h
	if v.diff != nil {
		v.diff.SetSize(w, h)
	}
}

// mode is the status line's mode.
func (v *versionsLayer) mode() string {
	if v.diff != nil {
		return "DIFF"
	}
	return "VERSIONS"
}

// Update moves in the list, opens a diff, and takes the background work's
// answers; it returns nil once closed.
func (v *versionsLayer) Update(msg tea.Msg) (layer, tea.Cmd) {
	k := v.ctx.Keys
	switch msg := msg.(type) {
	case versionsMsg:
		if msg.article != v.article {
			return v, nil
		}
		v.loading, v.vs, v.err = "", msg.vs, msg.err
		v.cursor = max(len(v.vs)-1, 0)
		if from := v.diffFrom; from > 0 && from < len(v.vs) && v.vs[from-1].N == from {
			// A note's version: its diff to the latest, the list behind.
			v.diffFrom, v.from = 0, from
			return v, v.openDiff()
		}
		return v, nil
	case diffMsg:
		if msg.article != v.article || v.diff == nil || v.diff.from != msg.from || v.diff.to != msg.to {
			return v, nil // another diff was asked for since
		}
		v.diff.set(msg.d, msg.err)
		return v, nil
	case tea.KeyMsg:
		if v.diff != nil {
			if key.Matches(msg, k.Back) {
				v.diff = nil
				return v, nil
			}
			v.diff.Update(msg)
			return v, nil
		}
		if c, ok := moveList(k, msg, v.cursor, len(v.vs), v.height); ok {
			v.cursor = c
			return v, nil
		}
		switch {
		case key.Matches(msg, k.Back):
			if v.from > 0 {
				v.from = 0
				return v, nil
			}
			return nil, nil
		case key.Matches(msg, k.Toggle):
			if len(v.vs) > 0 {
				n := v.vs[v.cursor].N
				if v.from == n {
					n = 0
				}
				v.from = n
			}
		case key.Matches(msg, k.Confirm):
			return v, v.openDiff()
		}
	}
	return v, nil
}

// pair is the two versions enter compares: the one chosen with space (or
// the one before the cursor's) and the cursor's; the first version under
// the cursor compares with the latest.
func (v *versionsLayer) pair() (from, to int, ok bool) {
	if len(v.vs) < 2 {
		return 0, 0, false
	}
	to = v.vs[v.cursor].N
	switch {
	case v.from > 0 && v.from != to:
		from = v.from
	case v.cursor > 0:
		from = v.vs[v.cursor-1].N
	default:
		from, to = to, v.vs[len(v.vs)-1].N
	}
	if from > to {
		from, to = to, from
	}
	return from, to, true
}

// openDiff shows the diff of the pair enter compares and returns the Cmd
// that computes it.
func (v *versionsLayer) openDiff() tea.Cmd {
	from, to, ok := v.pair()
	if !ok || v.ctx.lib == nil {
		return say("only one version: nothing to compare yet ('parallax update' re-checks articles for edits)")
	}
	v.diff = newDiffView(v.ctx, v.outlet, v.title, from, to)
	if v.note != nil && from == v.noteFrom {
		v.diff.note = v.note
	}
	v.diff.SetSize(v.width, v.height)
	src, id, bg := v.ctx.lib.src, v.article, v.bg
	return func() tea.Msg {
		d, err := src.Diff(bg, id, from, to)
		return diffMsg{article: id, from: from, to: to, d: d, err: err}
	}
}

// View draws the list of versions, or the diff.
func (v *versionsLayer) View() string {
	if v.diff != nil {
		return v.diff.View()
	}
	st := v.ctx.Styles
	w := v.width
	lines := []string{
		st.PanelTitle.Render(ellipsize("Versions · "+oneLine(v.outlet)+" · "+oneLine(v.title), w)),
		st.Muted.Render(ellipsize("id "+oneLine(v.article), w)),
		"",
	}
	switch {
	case v.loading != "":
		lines = append(lines, st.Muted.Render(ellipsize(v.loading, w)))
	case v.err != nil:
		for _, l := range wrapText(v.err.Error(), max(w, 10)) {
			lines = append(lines, st.Error.Render(ellipsize(l, w)))
		}
	default:
		lines = append(lines, v.rows(w, v.height-len(lines)-2)...)
		lines = append(lines, "", st.Muted.Render(ellipsize(v.hint(), w)))
	}
	return fitBlock(strings.Join(lines, "\n"), w, v.height)
}

// rows are the versions, at most h lines: the cursor's row always shown.
func (v *versionsLayer) rows(w, h int) []string {
	st := v.ctx.Styles
	head := fmt.Sprintf("    %-3s %-16s %-6s %-7s %s", "v", "fetched (UTC)", "status", "chars", "extractor")
	out := []string{st.Label.Render(fit(ellipsize(head, w), w))}
	h = max(h-1, 1)
	top := max(v.cursor-h+1, 0)
	for i := top; i < len(v.vs) && i < top+h; i++ {
		x := v.vs[i]
		mark := "  "
		if i == v.cursor {
			mark = "› "
		}
		chosen := " "
		if x.N == v.from {
			chosen = "◇"
		}
		ext := oneLine(x.Extractor)
		if x.ExtractorVersion != "" {
			ext += " " + oneLine(x.ExtractorVersion)
		}
		status := "-"
		if x.Status > 0 {
			status = fmt.Sprint(x.Status)
		}
		line := fmt.Sprintf("%s%s %-3d %-16s %-6s %-7d %s", mark, chosen, x.N, x.Fetched.UTC().Format("2006-01-02 15:04"), status, x.Chars, ext)
		line = fit(ellipsize(line, w), w)
		if i == v.cursor {
			line = st.RowSelected.Render(line)
		}
		out = append(out, line)
	}
	return out
}

// hint says what enter compares now.
func (v *versionsLayer) hint() string {
	k := v.ctx.Keys
	from, to, ok := v.pair()
	if !ok {
		return "one version: no edit seen yet"
	}
	return fmt.Sprintf("%s: diff v%d → v%d · %s: diff from this version · %s: back", k.Confirm.Help().Key, from, to, k.Toggle.Help().Key, k.Back.Help().Key)
}

// ShortHelp is the overlay's footer help.
func (v *versionsLayer) ShortHelp() []key.Binding {
	k := v.ctx.Keys
	if v.diff != nil {
		return []key.Binding{k.Down, k.Up, k.HalfDown, helpAs(k.Back, "back to versions")}
	}
	return []key.Binding{k.Down, k.Up, helpAs(k.Confirm, "diff"), helpAs(k.Toggle, "diff from this one"), helpAs(k.Back, v.backHelp())}
}

// backHelp is what esc does in the history: let the chosen version go,
// else close.
func (v *versionsLayer) backHelp() string {
	if v.from > 0 {
		return "clear the ◇ choice"
	}
	return "close"
}

// FullHelp is the overlay's full help.
func (v *versionsLayer) FullHelp() [][]key.Binding {
	k := v.ctx.Keys
	if v.diff != nil {
		return [][]key.Binding{{k.Up, k.Down, k.HalfDown, k.HalfUp, k.Top, k.Bottom, helpAs(k.Back, "back to versions")}}
	}
	return [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom, k.HalfDown, k.HalfUp}, {helpAs(k.Confirm, "diff"), helpAs(k.Toggle, "diff from this one"), helpAs(k.Back, v.backHelp())}}
}

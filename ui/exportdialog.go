package ui

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/corpus/export"
)

// The export dialog (e): a format, a path with a default name in the
// current folder, a Glamour preview for Markdown, an overwrite question
// when the file exists, and the write in a Cmd.

// export dialog steps.
const (
	expFormat  = iota // choosing the format
	expPath           // editing the path
	expPreview        // looking at the Markdown preview
	expExists         // asking whether to overwrite
	expBusy           // rendering or writing
)

// exportDialog is the export dialog's state.
type exportDialog struct {
	formats []export.Format
	fcursor int
	step    int
	input   textinput.Model
	edited  bool // the user typed a path: keep it when the format changes
	preview []string
	ptop    int
	pleft   int // cells scrolled sideways: a table can be wider than the window
	pwide   int // the widest preview line
	now     time.Time
	// title says how many passages the export holds, and how many of
	// articles not loaded now it leaves out; set when the dialog opens.
	title string
}

// exportPreviewMsg carries the rendered Markdown preview.
type exportPreviewMsg struct {
	lines []string
	err   error
}

// exportDoneMsg reports a finished export.
type exportDoneMsg struct {
	path    string
	format  export.Format
	count   int // passages exported
	leftOut int // passages of articles not loaded now, left out
	err     error
}

// openExport opens the export dialog.
func (m *Model) openExport() tea.Cmd {
	if m.ctx.notes.store == nil {
		return m.flash(m.ctx.notes.unavailable())
	}
	m.dlg = dialog{kind: dlgExport, title: "Export", hint: "j/k: format · tab: path · enter: next · esc: cancel"}
	m.exp = exportDialog{formats: export.Formats(), now: time.Now()}
	left, _ := m.exportInput().LeftOut()
	m.exp.title = "Export " + plural(len(m.ctx.notes.snap.all)-left, "tagged passage")
	if left > 0 {
		m.exp.title += " (" + plural(left, "other") + " of articles " + m.ctx.notHere() + " left out)"
	}
	m.exp.input = m.newInput("", "file name")
	m.exp.input.Prompt = "path: "
	m.setDefaultExportPath()
	return nil
}

func (e exportDialog) format() export.Format { return e.formats[e.fcursor] }

// setDefaultExportPath proposes a file name in the current folder unless
// the user typed one.
func (m *Model) setDefaultExportPath() {
	if m.exp.edited {
		// Keep the typed name, with the new format's extension.
		p := m.exp.input.Value()
		p = strings.TrimSuffix(p, filepath.Ext(p)) + m.exp.format().Extension()
		m.exp.input.SetValue(p)
		m.exp.input.CursorEnd()
		return
	}
	m.exp.input.SetValue(export.DefaultFileName(m.exp.format(), m.ctx.Data.Corpus.Name, m.exp.now))
	m.exp.input.CursorEnd()
}

// exportInput gathers what the export shows.
func (m *Model) exportInput() export.Input {
	d := m.ctx.Data
	in := export.Input{Corpus: d.Corpus, Codebook: m.ctx.notes.snap.codes, Notes: m.ctx.notes.snap.all}
	if d.Findings != nil {
		in.Facts = d.Findings.Facts
		in.Markers = d.Findings.Markers
		in.Analysed = d.Findings.HasFacts && d.Findings.HasFraming
	}
	return in
}

// exportMsg handles the preview and write results.
func (m *Model) exportMsg(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case exportPreviewMsg:
		if m.dlg.kind != dlgExport {
			return nil
		}
		if msg.err != nil {
			m.exp.step = expPath
			return m.flash("preview: " + msg.err.Error())
		}
		m.exp.preview, m.exp.ptop, m.exp.pleft, m.exp.step = msg.lines, 0, 0, expPreview
		m.exp.pwide = 0
		for _, l := range msg.lines {
			m.exp.pwide = max(m.exp.pwide, ansi.StringWidth(l))
		}
	case exportDoneMsg:
		switch {
		case errors.Is(msg.err, fs.ErrExist):
			m.exp.step = expExists
			return nil
		case msg.err != nil:
			m.exp.step = expPath
			return m.flash("export failed: " + msg.err.Error())
		}
		m.dlg = dialog{}
		done := fmt.Sprintf("exported %s as %s to %s", plural(msg.count, "passage"), msg.format, msg.path)
		if msg.leftOut > 0 {
			done += fmt.Sprintf("; %s of articles %s left out", plural(msg.leftOut, "passage"), m.ctx.notHere())
		}
		if named, ok := export.NamedBy(msg.path); ok && named != msg.format {
			done += fmt.Sprintf(" (its name ends in %s, which says %s)", filepath.Ext(msg.path), named)
		}
		return m.flash(done)
	}
	return nil
}

// writeExport writes the export in a Cmd.
func (m *Model) writeExport(force bool) tea.Cmd {
	f := m.exp.format()
	path := strings.TrimSpace(m.exp.input.Value())
	in := m.exportInput()
	m.exp.step = expBusy
	return func() tea.Msg {
		if abs, err := filepath.Abs(path); err == nil {
			path = abs
		}
		err := export.WriteFile(path, f, in, export.Options{}, force)
		left, _ := in.LeftOut()
		return exportDoneMsg{path: path, format: f, count: len(in.Notes) - left, leftOut: left, err: err}
	}
}

// previewExport renders the Markdown export with Glamour in a Cmd.
func (m *Model) previewExport(width int) tea.Cmd {
	in := m.exportInput()
	mk := m.ctx.Markup
	m.exp.step = expBusy
	return func() tea.Msg {
		var b bytes.Buffer
		if err := export.Write(&b, export.Markdown, in, export.Options{}); err != nil {
			return exportPreviewMsg{err: err}
		}
		out, err := renderWideTables(mk, b.String(), width)
		if err != nil {
			return exportPreviewMsg{err: err}
		}
		return exportPreviewMsg{lines: strings.Split(strings.TrimRight(out, "\n"), "\n")}
	}
}

// updateExport handles a key in the export dialog.
func (m *Model) updateExport(msg tea.Msg) tea.Cmd {
	km, isKey := msg.(tea.KeyMsg)
	if !isKey {
		return nil
	}
	k, nk := m.ctx.Keys, m.ctx.notes.keys
	e := &m.exp
	switch e.step {
	case expBusy:
		if key.Matches(km, k.Back) {
			m.dlg = dialog{}
		}
		return nil
	case expExists:
		switch {
		case key.Matches(km, nk.Yes):
			return m.writeExport(true)
		case key.Matches(km, nk.No), key.Matches(km, k.Back):
			e.step = expPath
			return m.flash("not overwritten: choose another name")
		}
		return nil
	case expPreview:
		switch {
		case key.Matches(km, k.Back):
			e.step = expPath
		case key.Matches(km, k.Confirm):
			return m.writeExport(false)
		case key.Matches(km, k.Down):
			e.ptop = min(e.ptop+1, max(len(e.preview)-1, 0))
		case key.Matches(km, k.Up):
			e.ptop = max(e.ptop-1, 0)
		case key.Matches(km, k.HalfDown):
			e.ptop = min(e.ptop+10, max(len(e.preview)-1, 0))
		case key.Matches(km, k.HalfUp):
			e.ptop = max(e.ptop-10, 0)
		case key.Matches(km, k.Top):
			e.ptop = 0
		case key.Matches(km, k.Bottom):
			e.ptop = max(len(e.preview)-(m.height-6), 0)
		case key.Matches(km, k.Right):
			e.pleft = min(e.pleft+8, max(e.pwide-m.width, 0))
		case key.Matches(km, k.Left):
			e.pleft = max(e.pleft-8, 0)
		}
		return nil
	}
	if key.Matches(km, k.Back) {
		m.dlg = dialog{}
		return nil
	}
	switch {
	case key.Matches(km, nk.NextField), key.Matches(km, nk.PrevField):
		if e.step == expFormat {
			e.step = expPath
			return e.input.Focus()
		}
		e.step = expFormat
		e.input.Blur()
		return nil
	case key.Matches(km, k.Confirm):
		if e.step == expFormat {
			e.step = expPath
			return e.input.Focus()
		}
		if strings.TrimSpace(e.input.Value()) == "" {
			return m.flash("give a file name")
		}
		if e.format() == export.Markdown {
			return m.previewExport(max(m.width-4, 20))
		}
		return m.writeExport(false)
	}
	if e.step == expFormat {
		switch {
		case isMove(k, km):
			e.fcursor, _ = moveList(k, km, e.fcursor, len(e.formats), len(e.formats))
			m.setDefaultExportPath()
		case key.Matches(km, k.Quit):
			m.dlg = dialog{}
		}
		return nil
	}
	before := e.input.Value()
	var cmd tea.Cmd
	e.input, cmd = e.input.Update(msg)
	if e.input.Value() != before {
		e.edited = true
	}
	return cmd
}

// exportView draws the export dialog.
func (m Model) exportView(w, h int) string {
	st := m.ctx.Styles
	e := m.exp
	if e.step == expPreview {
		hint := "enter: write the file · j/k: scroll · esc: back"
		if e.pwide > w {
			// A table wider than the window: it scrolls sideways, and
			// every cut is marked.
			hint = fmt.Sprintf("enter: write the file · j/k: scroll · h/l: sideways (%d–%d of %d) · esc: back", e.pleft+1, min(e.pleft+w, e.pwide), e.pwide)
		}
		lines := []string{st.PanelTitle.Render("Preview of " + ellipsize(e.input.Value(), max(w-12, 5))),
			st.Muted.Render(ellipsize(hint, w))}
		rows := max(h-len(lines), 1)
		for i := e.ptop; i < len(e.preview) && i < e.ptop+rows; i++ {
			lines = append(lines, sideways(e.preview[i], e.pleft, w))
		}
		return fitBlock(strings.Join(lines, "\n"), w, h)
	}
	lines := []string{st.PanelTitle.Render(ellipsize(e.title, w)), ""}
	// The path, the question and the hint must show however low the
	// window: the format list gives up rows first (to the chosen format
	// alone past the format step, to a window around the cursor in it).
	rows := max(h-6, 1)
	first, last := 0, len(e.formats)
	if len(e.formats) > rows {
		if e.step != expFormat {
			first, last = e.fcursor, e.fcursor+1
		} else {
			first = min(max(e.fcursor-rows/2, 0), len(e.formats)-rows)
			last = first + rows
			// The line under the title says the list goes on.
			lines[1] = st.Muted.Render(ellipsize(fmt.Sprintf("formats %d–%d of %d", first+1, last, len(e.formats)), w))
		}
	}
	for i, f := range e.formats {
		if i < first || i >= last {
			continue
		}
		mark := "  "
		if i == e.fcursor {
			mark = "› "
		}
		line := fmt.Sprintf("%s%-5s %s", mark, f, f.Description())
		line = fit(ellipsize(line, w), w)
		if i == e.fcursor {
			if e.step == expFormat {
				line = st.RowSelected.Render(line)
			} else {
				line = st.Bold.Render(line)
			}
		}
		lines = append(lines, line)
	}
	lines = append(lines, "", e.input.View(), "")
	switch e.step {
	case expExists:
		lines = append(lines, st.Warn.Render(ellipsize("The file exists. Overwrite it? y: yes · n: no", w)))
	case expBusy:
		lines = append(lines, st.Muted.Render("working…"))
	case expFormat:
		lines = append(lines, st.Muted.Render(ellipsize("j/k: choose a format · tab or enter: the path · esc: cancel", w)))
	default:
		hint := "enter: write · tab: back to the format · esc: cancel"
		if e.format() == export.Markdown {
			hint = "enter: preview, then write · tab: back to the format · esc: cancel"
		}
		lines = append(lines, st.Muted.Render(ellipsize(hint, w)))
	}
	return fitBlock(strings.Join(lines, "\n"), w, h)
}

// exportHelp is the export dialog's keys.
func (m Model) exportHelp() []key.Binding {
	k, nk := m.ctx.Keys, m.ctx.notes.keys
	switch m.exp.step {
	case expExists:
		return []key.Binding{nk.Yes, nk.No}
	case expPreview:
		if m.exp.pwide > m.width {
			return []key.Binding{k.Confirm, k.Down, k.Up, helpAs(k.Right, "scroll right"), helpAs(k.Left, "scroll left"), k.Back}
		}
		return []key.Binding{k.Confirm, k.Down, k.Up, k.Back}
	case expFormat:
		return []key.Binding{k.Down, k.Up, nk.NextField, k.Confirm, k.Back}
	}
	return []key.Binding{nk.NextField, k.Confirm, k.Back}
}

// sideways is line scrolled left cells to the left and cut to width w,
// with "…" where text is cut off on either side.
func sideways(line string, left, w int) string {
	lw := ansi.StringWidth(line)
	if left > 0 && lw > left {
		line = ansi.TruncateLeft(line, left+1, "…")
	} else if left > 0 {
		line = ""
	}
	return fit(ellipsize(line, w), w)
}

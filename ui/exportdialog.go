package ui

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/corpus/export"
)

// The export dialog (e, from every page): a format, a path with a default
// name in the current folder, a Glamour preview for Markdown, an overwrite
// question when the file exists, and the write in a Cmd. Its view is in
// exportview.go.

// export dialog steps.
const (
	expFormat  = iota // choosing the format
	expPath           // editing the path
	expPreview        // looking at the Markdown preview
	expExists         // asking whether to overwrite
	expBusy           // rendering or writing
)

// exportDialog is the open export dialog.
type exportDialog struct {
	ctx           *Context
	width, height int
	formats       []export.Format
	fcursor       int
	step          int
	input         textinput.Model
	edited        bool // the user typed a path: keep it when the format changes
	preview       []string
	ptop          int
	pleft         int // cells scrolled sideways: a table can be wider than the window
	pwide         int // the widest preview line
	now           time.Time
	// title says how many passages the export holds, and how many of
	// articles not loaded now it leaves out; set when the dialog opens.
	title string
	// draft keeps the path typed when esc cancels; its orig is the
	// format's default path.
	draft draft
}

// exportReq is the export dialog as its draft's key: there is one.
type exportReq struct{}

// exportPreviewMsg carries the rendered Markdown preview.
type exportPreviewMsg struct {
	from  *exportDialog
	lines []string
	err   error
}

// exportDoneMsg reports a finished export.
type exportDoneMsg struct {
	from    *exportDialog
	path    string
	format  export.Format
	count   int // passages exported
	leftOut int // passages of articles not loaded now, left out
	err     error
}

func (m exportPreviewMsg) asker() layer { return m.from }
func (m exportDoneMsg) asker() layer    { return m.from }

// unclaimed: a preview for a dialog closed meanwhile is dropped.
func (m exportPreviewMsg) unclaimed() tea.Cmd { return nil }

// unclaimed: an export written after its dialog closed still says so.
func (m exportDoneMsg) unclaimed() tea.Cmd {
	if m.err != nil {
		return say("export failed: " + m.err.Error())
	}
	return say(m.done(m.from.ctx))
}

// done says what was exported, and what was left out.
func (m exportDoneMsg) done(ctx *Context) string {
	s := fmt.Sprintf("exported %s as %s to %s", plural(m.count, "passage"), m.format, m.path)
	if m.leftOut > 0 {
		s += fmt.Sprintf("; %s of articles %s left out", plural(m.leftOut, "passage"), ctx.notHere())
	}
	if named, ok := export.NamedBy(m.path); ok && named != m.format {
		s += fmt.Sprintf(" (its name ends in %s, which says %s)", filepath.Ext(m.path), named)
	}
	return s
}

// openExport opens the export dialog in a w×h area.
func openExport(ctx *Context, w, h int) tea.Cmd {
	if ctx.notes.store == nil {
		return say(ctx.notes.unavailable())
	}
	e := &exportDialog{ctx: ctx, formats: export.Formats(), now: time.Now()}
	left, _ := e.exportInput().LeftOut()
	e.title = "Export " + plural(len(ctx.notes.snap.all)-left, "tagged passage")
	if left > 0 {
		e.title += " (" + plural(left, "other") + " of articles " + ctx.notHere() + " left out)"
	}
	e.input = newInput(ctx, "", "file name")
	e.input.Prompt = "path: "
	e.SetSize(w, h)
	e.setDefaultPath()
	var path string
	if e.draft, path = openDraft(ctx, exportReq{}, e.input.Value(), "the export path"); e.draft.changed(path) {
		// The path typed before, in the format it names.
		if f, ok := export.NamedBy(path); ok {
			e.fcursor = max(slices.Index(e.formats, f), 0)
		}
		e.input.SetValue(path)
		e.input.CursorEnd()
		e.edited = true
		e.draft.orig = export.DefaultFileName(e.format(), ctx.Data.Corpus.Name, e.now)
	}
	return openDialog(ctx, w, h, e, nil)
}

// SetSize sets the dialog's area; the path input grows with it.
func (e *exportDialog) SetSize(w, h int) {
	e.width, e.height = w, h
	resizeInput(&e.input, inputWidth(w))
}

func (e *exportDialog) typing() bool { return e.step == expPath }

func (e *exportDialog) format() export.Format { return e.formats[e.fcursor] }

// setDefaultPath proposes a file name in the current folder unless the
// user typed one.
func (e *exportDialog) setDefaultPath() {
	def := export.DefaultFileName(e.format(), e.ctx.Data.Corpus.Name, e.now)
	e.draft.orig = def
	if e.edited {
		// Keep the typed name, with the new format's extension.
		p := e.input.Value()
		p = strings.TrimSuffix(p, filepath.Ext(p)) + e.format().Extension()
		e.input.SetValue(p)
		e.input.CursorEnd()
		return
	}
	e.input.SetValue(def)
	e.input.CursorEnd()
}

// saveOnQuit keeps the path typed when ctrl+c quits.
func (e *exportDialog) saveOnQuit() tea.Cmd { return e.draft.quitSay(e.input.Value()) }

// exportInput gathers what the export shows.
func (e *exportDialog) exportInput() export.Input {
	d := e.ctx.Data
	sn := e.ctx.notes.snap
	in := export.Input{Corpus: d.Corpus, Codebook: sn.codes, Notes: sn.all}
	if d.Findings != nil {
		in.Facts = d.Findings.Facts
		in.Markers = d.Findings.Markers
		in.Analysed = d.Findings.HasFacts && d.Findings.HasFraming
	}
	return in
}

// write writes the export in a Cmd.
func (e *exportDialog) write(force bool) tea.Cmd {
	f := e.format()
	path := strings.TrimSpace(e.input.Value())
	in := e.exportInput()
	e.step = expBusy
	e.draft.drop()
	return func() tea.Msg {
		if abs, err := filepath.Abs(path); err == nil {
			path = abs
		}
		err := export.WriteFile(path, f, in, export.Options{}, force)
		left, _ := in.LeftOut()
		return exportDoneMsg{from: e, path: path, format: f, count: len(in.Notes) - left, leftOut: left, err: err}
	}
}

// renderPreview renders the Markdown export with Glamour in a Cmd.
func (e *exportDialog) renderPreview(width int) tea.Cmd {
	in := e.exportInput()
	mk := e.ctx.Markup
	e.step = expBusy
	return func() tea.Msg {
		var b bytes.Buffer
		if err := export.Write(&b, export.Markdown, in, export.Options{}); err != nil {
			return exportPreviewMsg{from: e, err: err}
		}
		out, err := renderWideTables(mk, b.String(), width)
		if err != nil {
			return exportPreviewMsg{from: e, err: err}
		}
		return exportPreviewMsg{from: e, lines: strings.Split(strings.TrimRight(out, "\n"), "\n")}
	}
}

// Update handles a key, the preview and the write's result.
func (e *exportDialog) Update(msg tea.Msg) (layer, tea.Cmd) {
	switch msg := msg.(type) {
	case exportPreviewMsg:
		if msg.err != nil {
			e.step = expPath
			return e, say("preview: " + msg.err.Error())
		}
		e.preview, e.ptop, e.pleft, e.step = msg.lines, 0, 0, expPreview
		e.pwide = 0
		for _, l := range msg.lines {
			e.pwide = max(e.pwide, ansi.StringWidth(l))
		}
		return e, nil
	case exportDoneMsg:
		switch {
		case errors.Is(msg.err, fs.ErrExist):
			e.step = expExists
			return e, nil
		case msg.err != nil:
			e.step = expPath
			return e, say("export failed: " + msg.err.Error())
		}
		return nil, say(msg.done(e.ctx))
	case tea.KeyMsg:
		return e.updateKey(msg)
	}
	if e.step == expPath {
		var cmd tea.Cmd
		e.input, cmd = e.input.Update(msg) // the cursor's blink
		return e, cmd
	}
	return e, nil
}

// updateKey handles a key at the dialog's step.
func (e *exportDialog) updateKey(km tea.KeyMsg) (layer, tea.Cmd) {
	k, nk := e.ctx.Keys, e.ctx.notes.keys
	switch e.step {
	case expBusy:
		if key.Matches(km, k.Back) {
			return nil, nil
		}
		return e, nil
	case expExists:
		switch {
		case key.Matches(km, nk.Yes):
			return e, e.write(true)
		case key.Matches(km, nk.No), key.Matches(km, k.Back):
			e.step = expPath
			return e, say("not overwritten: choose another name")
		}
		return e, nil
	case expPreview:
		last := max(len(e.preview)-1, 0)
		switch {
		case key.Matches(km, k.Back):
			e.step = expPath
		case key.Matches(km, k.Confirm):
			return e, e.write(false)
		case key.Matches(km, k.Down):
			e.ptop = min(e.ptop+1, last)
		case key.Matches(km, k.Up):
			e.ptop = max(e.ptop-1, 0)
		case key.Matches(km, k.HalfDown):
			e.ptop = min(e.ptop+10, last)
		case key.Matches(km, k.HalfUp):
			e.ptop = max(e.ptop-10, 0)
		case key.Matches(km, k.Top):
			e.ptop = 0
		case key.Matches(km, k.Bottom):
			e.ptop = max(len(e.preview)-(e.height-3), 0)
		case key.Matches(km, k.Right):
			e.pleft = min(e.pleft+8, max(e.pwide-e.width, 0))
		case key.Matches(km, k.Left):
			e.pleft = max(e.pleft-8, 0)
		}
		return e, nil
	}
	switch {
	case key.Matches(km, k.Back):
		e.draft.keep(e.input.Value())
		return nil, nil
	case key.Matches(km, nk.NextField), key.Matches(km, nk.PrevField):
		if e.step == expFormat {
			e.step = expPath
			return e, e.input.Focus()
		}
		e.step = expFormat
		e.input.Blur()
		return e, nil
	case key.Matches(km, k.Confirm):
		if e.step == expFormat {
			e.step = expPath
			return e, e.input.Focus()
		}
		if strings.TrimSpace(e.input.Value()) == "" {
			return e, say("give a file name")
		}
		if e.format() == export.Markdown {
			return e, e.renderPreview(max(e.width-4, 20))
		}
		return e, e.write(false)
	}
	if e.step == expFormat {
		switch {
		case isMove(k, km):
			e.fcursor, _ = moveList(k, km, e.fcursor, len(e.formats), len(e.formats))
			e.setDefaultPath()
		case key.Matches(km, k.Quit):
			e.draft.keep(e.input.Value())
			return nil, nil
		}
		return e, nil
	}
	before := e.input.Value()
	var cmd tea.Cmd
	e.input, cmd = e.input.Update(km)
	if e.input.Value() != before {
		e.edited = true
	}
	return e, cmd
}

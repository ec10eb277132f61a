package ui

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/parallax-reader/parallax/corpus/library"
	"github.com/parallax-reader/parallax/corpus/notes"
)

// diffView shows what changed between two versions of a library's
// article, as library.Diff computed it: each sentence that changed with
// its label (added, deleted, edited, moved), the numbers, dates, quotes
// and attributions that changed, and an edited sentence's word diff — in
// colour, or [-deleted-]{+inserted+} in monochrome. The lines are built
// once per width; View draws the visible ones.
type diffView struct {
	ctx           *Context
	outlet, title string
	from, to      int
	d             *library.Diff
	err           error
	width, height int
	vp            viewport.Model
	// note, when set, is a note made on the version diffed from: the
	// change that removed or rewrote its passage is marked.
	note *notes.Note
}

func newDiffView(ctx *Context, outlet, title string, from, to int) *diffView {
	return &diffView{ctx: ctx, outlet: outlet, title: title, from: from, to: to, vp: viewport.New(0, 0)}
}

// set installs the diff computed in the background.
func (v *diffView) set(d *library.Diff, err error) {
	v.d, v.err = d, err
	v.SetSize(v.width, v.height)
}

// SetSize lays the diff out again for a w×h area.
func (v *diffView) SetSize(w, h int) {
	v.width, v.height = w, h
	v.vp.Width, v.vp.Height = w, max(h-2, 1)
	v.vp.SetContent(strings.Join(v.lines(w), "\n"))
}

// Update scrolls.
func (v *diffView) Update(msg tea.Msg) {
	scrollViewport(&v.vp, v.ctx.Keys, msg)
}

// View draws the heading and the visible part of the diff.
func (v *diffView) View() string {
	st := v.ctx.Styles
	w := v.width
	head := st.PanelTitle.Render(ellipsize(fmt.Sprintf("Diff v%d → v%d · %s · %s", v.from, v.to, oneLine(v.outlet), oneLine(v.title)), w))
	pos := ""
	if n := v.vp.TotalLineCount(); n > v.vp.Height {
		pos = fmt.Sprintf("lines %d-%d/%d", v.vp.YOffset+1, min(v.vp.YOffset+v.vp.Height, n), n)
	}
	return fitBlock(head+"\n"+st.Muted.Render(ellipsize(pos, w))+"\n"+v.vp.View(), w, v.height)
}

// lines lays the diff out in w cells.
func (v *diffView) lines(w int) []string {
	st := v.ctx.Styles
	w = max(w, 10)
	switch {
	case v.err != nil:
		return styleAll(st.Error, wrapText(v.err.Error(), w))
	case v.d == nil:
		return []string{st.Muted.Render("comparing the versions…")}
	}
	d := v.d
	var out []string
	counts := map[string]int{}
	for _, c := range d.Changes {
		counts[c.Kind]++
	}
	var parts []string
	for _, k := range []string{library.ChangeEdited, library.ChangeAdded, library.ChangeDeleted, library.ChangeMoved} {
		if counts[k] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[k], k))
		}
	}
	summary := "no sentence changed"
	if len(parts) > 0 {
		summary = plural(len(d.Changes), "sentence") + " changed: " + strings.Join(parts, ", ")
	}
	if d.TitleOld != "" || d.TitleNew != "" {
		summary = "the headline changed · " + summary
	}
	out = append(out, styleAll(st.Muted, wrapText(fmt.Sprintf("v%d fetched %s → v%d fetched %s", d.From, shortTime(d.Fetched[0]), d.To, shortTime(d.Fetched[1])), w))...)
	out = append(out, wrapText(summary, w)...)
	if d.TitleOld != "" || d.TitleNew != "" {
		out = append(out, "", st.Label.Render("headline"))
		out = append(out, v.wrapRuns([]diffRun{{op: "delete", text: d.TitleOld}, {op: "equal", text: " "}, {op: "insert", text: d.TitleNew}}, w-2, "  ")...)
	}
	marked := false
	for _, c := range d.Changes {
		out = append(out, "", v.label(c))
		if v.note != nil && c.Old != nil && holdsPassage(c.Old.Text, v.note.Anchor.Quote) {
			out = append(out, v.noteLines(w)...)
			marked = true
		}
		for _, f := range c.Flags {
			for _, l := range wrapText("⚑ "+f.What+": "+flagSide(f.Old)+" → "+flagSide(f.New), w-2) {
				out = append(out, "  "+st.Warn.Render(l))
			}
		}
		var runs []diffRun
		switch {
		case len(c.Words) > 0:
			for _, op := range c.Words {
				runs = append(runs, diffRun{op: op.Op, text: op.Text})
			}
		case c.Kind == library.ChangeAdded && c.New != nil:
			runs = []diffRun{{op: "insert", text: c.New.Text}}
		case c.Kind == library.ChangeDeleted && c.Old != nil:
			runs = []diffRun{{op: "delete", text: c.Old.Text}}
		case c.New != nil:
			runs = []diffRun{{op: "equal", text: c.New.Text}}
		case c.Old != nil:
			runs = []diffRun{{op: "equal", text: c.Old.Text}}
		}
		out = append(out, v.wrapRuns(runs, w-2, "  ")...)
	}
	if v.note != nil && !marked {
		out = append(out, "", st.Muted.Render(ellipsize("✎ the note's passage is in no changed sentence", w)))
	}
	return out
}

// noteLines mark a change as the one where the note's passage stood: its
// tags and the passage, then its memo's first line.
func (v *diffView) noteLines(w int) []string {
	st := v.ctx.Styles
	n := v.note
	head := "✎ your note was here"
	if len(n.Tags) > 0 {
		head += " · " + strings.Join(n.Tags, ", ")
	}
	lines := []string{"  " + st.Accent.Render(ellipsize(oneLine(head), w-2))}
	lines = append(lines, "  "+st.Accent.Render(ellipsizeMiddle("“"+oneLine(n.Anchor.Quote)+"”", w-2)))
	if memo := strings.TrimSpace(n.Memo); memo != "" {
		lines = append(lines, "  "+st.Muted.Render(ellipsize(oneLine(memo), w-2)))
	}
	return lines
}

// holdsPassage reports whether a sentence held a note's passage, or its
// start when the passage ran on into the next sentence: compared with
// white space folded.
func holdsPassage(sentence, quote string) bool {
	s, q := strings.Join(strings.Fields(sentence), " "), strings.Join(strings.Fields(quote), " ")
	if q == "" {
		return false
	}
	if strings.Contains(s, q) || strings.Contains(q, s) && len(s) > 20 {
		return true
	}
	// The passage's first words open in this sentence.
	head := q[:min(len(q), 40)]
	return len(head) >= 20 && strings.Contains(s, head)
}

// label is a change's first line: its kind and where the sentence is in
// each version.
func (v *diffView) label(c library.Change) string {
	st := v.ctx.Styles
	style := st.Bold
	switch c.Kind {
	case library.ChangeAdded:
		style = st.DiffIns
	case library.ChangeDeleted:
		style = st.DiffDel.Strikethrough(false)
	case library.ChangeEdited:
		style = st.Warn
	case library.ChangeMoved:
		style = st.Accent
	}
	where := ""
	switch {
	case c.Old != nil && c.New != nil:
		where = fmt.Sprintf("sentence %d → %d", c.Old.Index+1, c.New.Index+1)
	case c.Old != nil:
		where = fmt.Sprintf("sentence %d of v%d", c.Old.Index+1, v.from)
	case c.New != nil:
		where = fmt.Sprintf("sentence %d of v%d", c.New.Index+1, v.to)
	}
	return style.Render(strings.ToUpper(c.Kind)) + " " + st.Muted.Render(where)
}

// diffRun is a run of a word diff: equal, delete or insert.
type diffRun struct{ op, text string }

// wrapRuns word-wraps the runs of a diff to w cells, each line after
// indent, styling deleted and inserted words; in monochrome they are
// also written [-so-] and {+so+}.
func (v *diffView) wrapRuns(runs []diffRun, w int, indent string) []string {
	st := v.ctx.Styles
	var text strings.Builder
	var ops []string // per run of text: its op
	var ends []int   // per run: its end in text
	for _, r := range runs {
		t := flatText(r.text)
		if t == "" {
			continue
		}
		if st.Mono {
			switch r.op {
			case "delete":
				t = "[-" + t + "-]"
			case "insert":
				t = "{+" + t + "+}"
			}
		}
		text.WriteString(t)
		ops = append(ops, r.op)
		ends = append(ends, text.Len())
	}
	plain := text.String()
	styleOf := func(op string) lipgloss.Style {
		switch op {
		case "delete":
			return st.DiffDel
		case "insert":
			return st.DiffIns
		}
		return st.Body
	}
	var out []string
	for _, sp := range wrapSpans(plain, max(w, 1)) {
		var b strings.Builder
		at := sp.start
		for ri, end := range ends {
			if end <= at || at >= sp.end {
				continue
			}
			stop := min(end, sp.end)
			b.WriteString(styleOf(ops[ri]).Render(plain[at:stop]))
			at = stop
		}
		out = append(out, indent+b.String())
	}
	return out
}

// flatText is untrusted text on one line: sanitised, runs of white space
// one space, a space at either end kept (it separates words of two runs).
func flatText(s string) string {
	s = safeText(s)
	if s == "" {
		return ""
	}
	f := strings.Join(strings.Fields(s), " ")
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	if f == "" {
		return " "
	}
	if unicode.IsSpace(first) {
		f = " " + f
	}
	if unicode.IsSpace(last) {
		f += " "
	}
	return f
}

// flagSide is one side of a flagged change ("none" when it is absent).
func flagSide(s string) string {
	if s = oneLine(s); s == "" {
		return "none"
	}
	return s
}

// shortTime shows an RFC 3339 time as "2006-01-02 15:04 UTC".
func shortTime(s string) string {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return oneLine(s)
	}
	return t.UTC().Format("2006-01-02 15:04") + " UTC"
}

// styleAll renders each line in style.
func styleAll(style lipgloss.Style, lines []string) []string {
	for i, l := range lines {
		lines[i] = style.Render(l)
	}
	return lines
}

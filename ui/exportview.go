package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/corpus/export"
)

// Drawing the export dialog: the formats, the path and the step's hint,
// or the Markdown preview.

// View draws the dialog at its step.
func (e *exportDialog) View() string {
	st := e.ctx.Styles
	w, h := e.width, e.height
	if e.step == expPreview {
		lines := []string{st.PanelTitle.Render("Preview of " + ellipsize(e.input.Value(), max(w-12, 5))),
			st.Muted.Render(ellipsize(e.hint(), w))}
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
	hint := hintLines(e.hint(), w)
	rows := max(h-5-len(hint), 1)
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
		lines = append(lines, st.Warn.Render(ellipsize("The file exists. Overwrite it? "+e.hint(), w)))
	case expBusy:
		lines = append(lines, st.Muted.Render("working…"))
	default:
		for _, l := range hint {
			lines = append(lines, st.Muted.Render(l))
		}
	}
	return fitBlock(strings.Join(lines, "\n"), w, h)
}

// hint is the step's keys, as the line under the preview's title or
// under the path says them.
func (e *exportDialog) hint() string {
	k, nk := e.ctx.Keys, e.ctx.notes.keys
	switch e.step {
	case expPreview:
		keys := []key.Binding{helpAs(k.Confirm, "write the file"), keyPairBinding(k.Down, k.Up, "scroll")}
		if e.pwide > e.width {
			// A table wider than the window: it scrolls sideways, and
			// every cut is marked.
			keys = append(keys, keyPairBinding(k.Left, k.Right, fmt.Sprintf("sideways (%d–%d of %d)", e.pleft+1, min(e.pleft+e.width, e.pwide), e.pwide)))
		}
		return keyHints(append(keys, helpAs(k.Back, "back"))...)
	case expExists:
		return keyHints(nk.Yes, nk.No)
	case expFormat:
		return keyHints(e.draft.keys(e.input.Value(), keyPairBinding(k.Down, k.Up, "choose a format"), helpAs(nk.NextField, "the path"), helpAs(k.Back, "cancel"))...)
	}
	write := "write"
	if e.format() == export.Markdown {
		write = "preview, then write"
	}
	return keyHints(e.draft.keys(e.input.Value(), helpAs(k.Confirm, write), helpAs(nk.NextField, "back to the format"), helpAs(k.Back, "cancel"))...)
}

// ShortHelp is the dialog's keys at its step.
func (e *exportDialog) ShortHelp() []key.Binding {
	k, nk := e.ctx.Keys, e.ctx.notes.keys
	switch e.step {
	case expExists:
		return []key.Binding{nk.Yes, nk.No}
	case expPreview:
		if e.pwide > e.width {
			return []key.Binding{k.Confirm, k.Down, k.Up, helpAs(k.Right, "scroll right"), helpAs(k.Left, "scroll left"), k.Back}
		}
		return []key.Binding{k.Confirm, k.Down, k.Up, k.Back}
	case expFormat:
		return e.draft.keys(e.input.Value(), k.Down, k.Up, nk.NextField, k.Confirm, k.Back)
	}
	return e.draft.keys(e.input.Value(), nk.NextField, k.Confirm, k.Back)
}

// FullHelp is the dialog's keys at its step; choosing the format, every
// way of moving in the list.
func (e *exportDialog) FullHelp() [][]key.Binding {
	if k := e.ctx.Keys; e.step == expFormat {
		return [][]key.Binding{{k.Top, k.Bottom}, e.ShortHelp()}
	}
	return [][]key.Binding{e.ShortHelp()}
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

package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus"
)

// problemsModel lists the files that failed to load, the articles' warnings
// and the analysis warnings, instead of printing them over the UI.
type problemsModel struct {
	ctx           *Context
	width, height int
	vp            viewport.Model
}

func newProblemsModel(ctx *Context) *problemsModel {
	return &problemsModel{ctx: ctx, vp: viewport.New(0, 0)}
}

// problemCount is the number of problems the Problems view lists: files
// and records that failed, warnings, and the library's failing feeds.
func problemCount(ctx *Context, d *Data) int {
	n := len(d.Corpus.Errors) + len(d.Findings.Warnings) + len(ctx.notes.badOthers())
	if ctx.lib != nil {
		n += len(ctx.lib.failing)
	}
	for _, a := range d.Corpus.Articles {
		n += len(a.Warnings)
	}
	return n
}

// SetSize sets the view's area and re-flows the list.
func (p *problemsModel) SetSize(w, h int) tea.Cmd {
	p.width, p.height = w, h
	p.vp.Width, p.vp.Height = w, max(h, 1)
	p.vp.SetContent(p.content(w))
	return nil
}

func (p problemsModel) content(w int) string {
	d := p.ctx.Data
	st := p.ctx.Styles
	var lines []string
	add := func(s string, indent int) {
		for _, l := range wrapText(s, max(w-indent, 10)) {
			lines = append(lines, strings.Repeat(" ", indent)+l)
		}
	}
	lines = append(lines, st.Bold.Render(fmt.Sprintf("Problems: %d", problemCount(p.ctx, d))), "")
	if lib := p.ctx.lib; lib != nil && len(lib.failing) > 0 {
		// Feeds move and break: each says what went wrong last.
		lines = append(lines, st.Error.Render(fmt.Sprintf("Feeds that keep failing (%d)", len(lib.failing))))
		for _, f := range lib.failing {
			name := f.Outlet
			if name == "" {
				name = "outlet unknown"
			}
			add(oneLine(f.URL)+" ("+oneLine(name)+"): "+plural(f.Failures, "failure")+" in a row", 2)
			add("last error: "+oneLine(f.LastError), 4)
		}
		add("'parallax feeds list' shows them; 'parallax feeds remove URL' stops following one, 'parallax feeds add NEW-URL' follows where it moved", 2)
		lines = append(lines, "")
	}
	if bad := p.ctx.notes.badOthers(); len(bad) > 0 {
		// Another coder's notes file (--compare-notes) the reader left out.
		for _, l := range wrapText(fmt.Sprintf("Notes files that could not be read (--compare-notes) (%d)", len(bad)), max(w, 10)) {
			lines = append(lines, st.Error.Render(l))
		}
		for _, o := range bad {
			add(oneLine(o.path)+": "+compareReason(o.err), 2)
			add(oneLine(o.err.Error()), 4)
		}
		add("the reader opened without them: check the file name, then reopen the reader", 2)
		lines = append(lines, "")
	}
	failed, skipped := corpus.SplitLoadErrors(d.Corpus.Errors)
	files := corpus.FilesIn(failed)
	if len(failed) > 0 {
		head := fmt.Sprintf("Files that could not be loaded (%d)", files)
		if files != len(failed) {
			// A JSON file whose every record is bad has an error for each.
			head = fmt.Sprintf("Files that could not be loaded (%s, %s)", plural(files, "file"), plural(len(failed), "problem"))
		}
		lines = append(lines, st.Error.Render(head))
		for _, e := range failed {
			add(oneLine(e.Path)+": "+oneLine(e.Message), 2)
		}
		lines = append(lines, "")
	}
	if len(skipped) > 0 {
		// The rest of these files loaded: a warning, not an error.
		lines = append(lines, st.Warn.Render(fmt.Sprintf("Records skipped in files that otherwise loaded (%d)", len(skipped))))
		for _, e := range skipped {
			add(oneLine(e.Path)+": "+oneLine(e.Message), 2)
		}
		lines = append(lines, "")
	}
	var warned int
	for _, a := range d.Corpus.Articles {
		if len(a.Warnings) > 0 {
			warned++
		}
	}
	if warned > 0 {
		lines = append(lines, st.Warn.Render(fmt.Sprintf("Articles with warnings (%d)", warned)))
		for _, a := range d.Corpus.Articles {
			if len(a.Warnings) == 0 {
				continue
			}
			outlet := a.Outlet
			if outlet == "" {
				outlet = "outlet unknown"
			}
			add(oneLine(a.ID)+" ("+oneLine(outlet)+")", 2)
			for _, w := range a.Warnings {
				add("- "+oneLine(w), 4)
			}
		}
		lines = append(lines, "")
	}
	if len(d.Findings.Warnings) > 0 {
		lines = append(lines, st.Warn.Render("Analysis"))
		for _, w := range d.Findings.Warnings {
			add("- "+oneLine(w), 2)
		}
	}
	if problemCount(p.ctx, d) == 0 {
		lines = append(lines, st.Muted.Render("Every file loaded without warnings."))
	}
	return strings.Join(lines, "\n")
}

// shown lists the problems as they are now: a notes file read after the
// page was laid out adds one.
func (p *problemsModel) shown() tea.Cmd {
	p.vp.SetContent(p.content(p.width))
	return nil
}

// Update scrolls the list.
func (p *problemsModel) Update(msg tea.Msg) tea.Cmd {
	scrollViewport(&p.vp, p.ctx.Keys, msg)
	return nil
}

// View renders the visible part of the list.
func (p problemsModel) View() string {
	if p.width <= 0 || p.height <= 0 {
		return ""
	}
	v := p.vp.View()
	if !p.vp.AtBottom() && p.height > 1 {
		// Forty failing files fill more than a page: say so, as the
		// help does, rather than end the page as if it were the list's.
		lines := strings.Split(v, "\n")
		if len(lines) >= p.height {
			lines[p.height-1] = p.ctx.Styles.Muted.Render(ellipsize(fmt.Sprintf(" ↓ more: %s (lines %d–%d of %d)",
				p.ctx.Keys.Down.Help().Key, p.vp.YOffset+1, p.vp.YOffset+p.height-1, p.vp.TotalLineCount()), p.width))
			v = strings.Join(lines, "\n")
		}
	}
	return fitBlock(v, p.width, p.height)
}

// ShortHelp is the problems view's footer help.
func (p problemsModel) ShortHelp() []key.Binding {
	k := p.ctx.Keys
	return []key.Binding{k.Down, k.Up, k.ViewRead}
}

// FullHelp is the problems view's full help.
func (p problemsModel) FullHelp() [][]key.Binding {
	k := p.ctx.Keys
	return [][]key.Binding{{k.Up, k.Down, k.HalfDown, k.HalfUp, k.Top, k.Bottom}, everyPageNotesKeys(p.ctx)}
}

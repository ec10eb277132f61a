package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/progress"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/notes"
	"github.com/parallax-reader/parallax/corpus/pipeline"
)

// progressMsg reports a start-up stage.
type progressMsg struct {
	stage       string
	done, total int
}

// loadedMsg carries the loaded and analysed corpus.
type loadedMsg struct {
	data *Data
	lib  *libState // the library read, or nil
	err  error
}

// loadingModel is the start-up screen: a spinner, the current stage and a
// progress bar while the corpus loads and the analyses run in a tea.Cmd.
type loadingModel struct {
	ctx           *Context
	width, height int
	spin          spinner.Model
	bar           progress.Model
	stage         string
	done, total   int
	err           error
	events        chan tea.Msg
}

func newLoadingModel(ctx *Context, profile termenv.Profile) loadingModel {
	st := ctx.Styles
	bar := progress.New(progress.WithColorProfile(profile), progress.WithoutPercentage())
	if st.Mono {
		bar = progress.New(progress.WithColorProfile(termenv.Ascii), progress.WithoutPercentage(), progress.WithFillCharacters('█', '░'))
	} else {
		bar = progress.New(progress.WithColorProfile(profile), progress.WithoutPercentage(), progress.WithSolidFill("12"))
	}
	return loadingModel{
		ctx:    ctx,
		spin:   spinner.New(spinner.WithSpinner(spinner.Dot), spinner.WithStyle(st.Accent)),
		bar:    bar,
		stage:  "starting",
		events: make(chan tea.Msg, 64),
	}
}

// SetSize sets the start-up screen's area.
func (l *loadingModel) SetSize(w, h int) {
	l.width, l.height = w, h
	l.bar.Width = max(min(w-4, 60), 10)
}

// start returns the Cmds that load and analyse in the background and
// report progress through the events channel.
func (l loadingModel) start(ctx context.Context, opts Options) tea.Cmd {
	ch := l.events
	report := func(stage string, done, total int) {
		select {
		case ch <- progressMsg{stage, done, total}:
		default: // never block the work on a slow UI
		}
	}
	return tea.Batch(l.spin.Tick, l.wait(), func() tea.Msg {
		ch <- l.work(ctx, opts, report)
		return nil
	})
}

// work loads and analyses the corpus and returns a loadedMsg. It runs in a
// tea.Cmd and touches no model state.
func (l loadingModel) work(ctx context.Context, opts Options, report Progress) tea.Msg {
	c := opts.Corpus
	var lib *libState
	if c == nil && opts.Library != nil && len(opts.Paths) == 0 {
		// The stories the library stored first, drawn while the rest is
		// read and analysed (storedstories.go). An error is the next
		// step's to report.
		if s, err := opts.Library.StoredStories(ctx); err == nil && s != nil {
			select {
			case l.events <- storedMsg{s}:
			case <-ctx.Done():
			}
		}
		var err error
		c, lib, err = loadLibrary(ctx, opts.Library, report)
		if err != nil {
			return loadedMsg{err: err}
		}
	}
	if c == nil {
		load := opts.Load
		if load == nil {
			load = func(ctx context.Context, paths []string, progress Progress) (*corpus.Corpus, error) {
				return pipeline.Load(ctx, paths, pipeline.Options{ConfigDir: opts.ConfigDir, Progress: progress})
			}
		}
		var err error
		c, err = load(ctx, opts.Paths, report)
		if err != nil {
			return loadedMsg{err: err} // it names the paths: "load X: …"
		}
		settleIDs(c, opts)
	}
	find := opts.Findings
	if find == nil {
		// The story corrections saved in the notes file shape the
		// grouping from the start.
		po := pipelineOptions(opts, nil)
		po.NotesPath = notesPathFor(opts, c)
		find = func(ctx context.Context, c *corpus.Corpus, progress Progress) (*Findings, error) {
			po.Progress = progress
			return runPipeline(ctx, c, po)
		}
	}
	a, err := find(ctx, c, report)
	if err != nil {
		a = &Findings{Warnings: []string{"analysis failed: " + err.Error()}}
	}
	report("indexing", 0, 0)
	if lib != nil {
		a.Warnings = append(a.Warnings, lib.warnings...)
	}
	return loadedMsg{data: NewData(c, a), lib: lib}
}

// wait returns the next event from the background work.
func (l loadingModel) wait() tea.Cmd {
	ch := l.events
	return func() tea.Msg { return <-ch }
}

// Update follows the background work.
func (l loadingModel) Update(msg tea.Msg) (loadingModel, tea.Cmd) {
	switch msg := msg.(type) {
	case progressMsg:
		l.stage, l.done, l.total = msg.stage, msg.done, msg.total
		var cmd tea.Cmd
		if msg.total > 0 {
			cmd = l.bar.SetPercent(float64(msg.done) / float64(msg.total))
		}
		return l, tea.Batch(cmd, l.wait())
	case spinner.TickMsg:
		var cmd tea.Cmd
		l.spin, cmd = l.spin.Update(msg)
		return l, cmd
	case progress.FrameMsg:
		m, cmd := l.bar.Update(msg)
		l.bar = m.(progress.Model)
		return l, cmd
	}
	return l, nil
}

// View shows the stage, the spinner and the progress bar, or the error.
func (l loadingModel) View() string {
	st := l.ctx.Styles
	var lines []string
	if l.err != nil {
		lines = append(lines, st.Error.Render("parallax could not start"), "")
		lines = append(lines, l.errLines(max(l.width-4, 10), max(l.height-len(lines), 1))...)
	} else {
		lines = append(lines, st.Bold.Render("parallax"), "")
		count := ""
		if l.total > 0 {
			count = fmt.Sprintf(" %d/%d", l.done, l.total)
		}
		lines = append(lines, l.spin.View()+" "+l.stage+count)
		lines = append(lines, "", l.bar.View())
	}
	for i := range lines {
		lines[i] = "  " + lines[i]
	}
	top := max((l.height-len(lines))/3, 0)
	return fitBlock(strings.Repeat("\n", top)+strings.Join(lines, "\n"), l.width, l.height)
}

// errLines lays out the start-up error in w cells and at most h lines.
// When nothing could be read, every failing file is on its own lines, in
// the order of the arguments, as many as fit, then "and N more".
func (l loadingModel) errLines(w, h int) []string {
	var nr *corpus.NothingReadError
	if !errors.As(l.err, &nr) {
		return wrapText(l.err.Error(), w)
	}
	lines := wrapText(nr.Heading()+":", w)
	for i, e := range nr.Errors {
		item := wrapText(oneLine(e.Path)+": "+oneLine(e.Message), max(w-4, 10))
		for j := range item {
			if j == 0 {
				item[j] = "- " + item[j]
			} else {
				item[j] = "  " + item[j]
			}
		}
		if rest := len(nr.Errors) - i - 1; rest > 0 && len(lines)+len(item)+1 > h ||
			rest == 0 && len(lines)+len(item) > h {
			// No room for this one and a line counting the rest.
			lines = append(lines, wrapText(fmt.Sprintf("and %d more ('parallax list PATH...' lists them all)", len(nr.Errors)-i), w)...)
			break
		}
		lines = append(lines, item...)
	}
	return lines
}

// ShortHelp is the start-up screen's footer help: only quitting works.
func (l loadingModel) ShortHelp() []key.Binding { return []key.Binding{l.ctx.Keys.Quit} }

// FullHelp is the start-up screen's full help.
func (l loadingModel) FullHelp() [][]key.Binding { return [][]key.Binding{l.ShortHelp()} }

// settleIDs lets the notes file decide which of several files claiming one
// article id keeps it, before anything uses the ids (notes.SettleIDs). A
// notes file that cannot be read leaves the order of the paths to decide;
// opening it for tagging reports why.
func settleIDs(c *corpus.Corpus, opts Options) {
	if len(opts.Paths) == 0 {
		return
	}
	_ = notes.SettleIDs(c, notesPathFor(opts, c))
}

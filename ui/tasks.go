package ui

import (
	"context"
	"fmt"
	"slices"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/corpus/notes"
	"github.com/parallax-reader/parallax/corpus/pipeline"
)

// The reader's background work after start-up: opening a story or a
// thread (the comparison cut down to its articles and the framing
// analysed on them) and grouping the stories again after a story
// correction, both through the analysis pipeline. One task runs at a
// time; a later one cancels it, and its result is dropped. Its progress
// shows in the status line.

// scopeOpenedMsg carries the data of an opened scope. all is set when the
// whole corpus was analysed again (after a story correction).
type scopeOpenedMsg struct {
	seq  int
	sc   scope
	all  *Data
	data *Data
	what string // what was done, for the status line
	err  error
}

// taskProgressMsg reports a stage of the background task seq.
type taskProgressMsg struct {
	seq         int
	stage       string
	done, total int
	events      chan tea.Msg
}

// taskState is the background work under way; seq 0 when there is none.
type taskState struct {
	seq         int
	what        string
	stage       string
	done, total int
	cancel      context.CancelFunc
	// regroup is set when the task groups the stories again, applying
	// corrections.
	regroup     bool
	corrections []compare.Correction
}

// tasks runs the reader's background work.
type tasks struct {
	bg   context.Context // cancelled when the program ends
	opts Options
	task taskState
	seq  int
}

// start runs work in a tea.Cmd, reporting its progress; a task started
// later cancels it.
func (t *tasks) start(what string, work func(ctx context.Context, seq int, report Progress) tea.Msg) tea.Cmd {
	t.cancel()
	t.seq++
	seq := t.seq
	ctx, cancel := context.WithCancel(t.bg)
	t.task = taskState{seq: seq, what: what, cancel: cancel}
	events := make(chan tea.Msg, 16)
	report := func(stage string, done, total int) {
		select {
		case events <- taskProgressMsg{seq: seq, stage: stage, done: done, total: total, events: events}:
		default: // never block the work on a slow UI
		}
	}
	run := func() tea.Msg {
		defer close(events)
		return work(ctx, seq, report)
	}
	return tea.Batch(run, waitTask(events))
}

// cancel stops the task under way, if any.
func (t *tasks) cancel() {
	if t.task.cancel != nil {
		t.task.cancel()
	}
	t.task = taskState{}
}

// waitTask returns the next progress report of a task (nil once it ended).
func waitTask(events chan tea.Msg) tea.Cmd {
	return func() tea.Msg {
		msg, ok := <-events
		if !ok {
			return nil
		}
		return msg
	}
}

// progress records a progress report of the running task.
func (t *tasks) progress(msg taskProgressMsg) tea.Cmd {
	if msg.seq != t.task.seq {
		return nil // a task that ended or was superseded
	}
	t.task.stage, t.task.done, t.task.total = msg.stage, msg.done, msg.total
	return waitTask(msg.events)
}

// finished takes the result of a task: false when the task was
// superseded, and its result is to be dropped.
func (t *tasks) finished(msg scopeOpenedMsg) bool {
	if msg.seq != t.task.seq {
		return false
	}
	t.task = taskState{}
	return true
}

// status describes the running task for the status line ("" when none
// runs).
func (t tasks) status() string {
	task := t.task
	if task.seq == 0 {
		return ""
	}
	s := task.what + "…"
	if task.stage != "" {
		s += " " + task.stage
	}
	if task.total > 0 {
		s += fmt.Sprintf(" %d%%", 100*task.done/task.total)
	}
	return s
}

// open opens a story or thread of all in the background.
func (t *tasks) open(all *Data, sc scope) tea.Cmd {
	opts := t.opts
	return t.start("opening "+scopeTitle(all, sc), func(ctx context.Context, seq int, report Progress) tea.Msg {
		d, err := scopedData(ctx, all, sc, pipelineOptions(opts, report))
		return scopeOpenedMsg{seq: seq, sc: sc, data: d, err: err}
	})
}

// regroup groups the stories of all again with the notes file's
// corrections, when they are not those the analysis applied (nor those a
// regrouping under way applies), and opens again what holds the first
// article of reopen. problemsKey is the key of the Problems page.
func (t *tasks) regroup(all *Data, ns []notes.Correction, reopen scope, problemsKey string) tea.Cmd {
	if all == nil || all.Findings.Comparison == nil {
		return nil
	}
	want := pipeline.CorrectionsOf(ns)
	if t.task.seq != 0 && t.task.regroup {
		if sameCorrections(want, t.task.corrections) {
			return nil
		}
	} else if sameCorrections(want, all.Findings.Corrections) {
		return nil
	}
	c := all.Corpus
	opts := t.opts
	cmd := t.start("regrouping stories", func(ctx context.Context, seq int, report Progress) tea.Msg {
		po := pipelineOptions(opts, report)
		po.Corrections = want
		a, err := runPipeline(ctx, c, po)
		if err != nil {
			return scopeOpenedMsg{seq: seq, err: fmt.Errorf("regroup stories: %w", err)}
		}
		report("indexing", 0, 0)
		newAll := NewData(c, a)
		sc := reopenScope(a.Comparison, reopen)
		var sub *Data
		if !sc.everything(newAll) {
			if sub, err = scopedData(ctx, newAll, sc, po); err != nil {
				return scopeOpenedMsg{seq: seq, err: err}
			}
		} else {
			sc = scope{}
		}
		what := "stories regrouped"
		if n := len(a.Comparison.Problems); n > 0 {
			what = fmt.Sprintf("stories regrouped; %s could not be applied (%s lists them)", plural(n, "correction"), problemsKey)
		}
		return scopeOpenedMsg{seq: seq, sc: sc, all: newAll, data: sub, what: what}
	})
	t.task.regroup, t.task.corrections = true, want
	return cmd
}

// scopedData is the data of a story or thread of all: the comparison
// restricted to its articles and the framing analysed on them, through the
// analysis pipeline.
func scopedData(ctx context.Context, all *Data, sc scope, po pipeline.Options) (*Data, error) {
	res := all.Findings.Comparison
	if res == nil {
		return nil, fmt.Errorf("stories were not computed for this corpus")
	}
	whole := &pipeline.Run{Options: po, All: all.Corpus, Corpus: all.Corpus, Corrections: all.Findings.Corrections, Comparison: res}
	run, err := whole.Within(ctx, sc.id)
	if err != nil {
		return nil, err
	}
	if err := run.Err(pipeline.Scope); err != nil {
		return nil, err
	}
	if po.Progress != nil {
		po.Progress("indexing", 0, 0)
	}
	return NewData(run.Corpus, findingsOf(run, all.Findings)), nil
}

// notesPathFor is the notes file of a corpus: the --notes file, else the
// corpus's default.
func notesPathFor(opts Options, c *corpus.Corpus) string {
	if opts.NotesPath != "" {
		return opts.NotesPath
	}
	if p := libraryNotesPath(c); p != "" && len(opts.Paths) == 0 {
		return p
	}
	return notes.DefaultPath(c, opts.Paths, corpus.DataDir(opts.getenv()))
}

// sameCorrections reports whether two lists of corrections are equal.
func sameCorrections(a, b []compare.Correction) bool {
	return slices.EqualFunc(a, b, func(x, y compare.Correction) bool {
		return x.Kind == y.Kind && x.Article == y.Article && x.Target == y.Target && slices.Equal(x.Articles, y.Articles)
	})
}

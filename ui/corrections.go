package ui

import (
	"context"
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/notes"
	"github.com/parallax-reader/parallax/corpus/pipeline"
)

// The user's story corrections: read from the notes file before the first
// analysis, saved there from the Stories view, and applied by grouping the
// stories again whenever the file's corrections differ from those the
// analysis applied (a new correction, an undo or redo, another window's
// change).

// notesPathFor is the notes file of a corpus: the --notes file, else the
// corpus's default.
func notesPathFor(opts Options, c *corpus.Corpus) string {
	if opts.NotesPath != "" {
		return opts.NotesPath
	}
	return notes.DefaultPath(c, opts.Paths)
}

// regroupIfChanged groups the stories again, in a Cmd, when the notes
// file's corrections are not those the analysis applied (nor those a
// regrouping under way applies).
func (m *Model) regroupIfChanged() tea.Cmd {
	all := m.ctx.All
	if all == nil || all.Findings.Comparison == nil || m.ctx.notes.store == nil {
		return nil
	}
	want := pipeline.CorrectionsOf(m.ctx.notes.snap.corrections)
	if m.task.seq != 0 && m.task.regroup {
		if sameCorrections(want, m.task.corrections) {
			return nil
		}
	} else if sameCorrections(want, all.Findings.Corrections) {
		return nil
	}
	c := all.Corpus
	reopen := m.scope
	opts := m.opts
	cmd := m.startTask("regrouping stories", func(ctx context.Context, seq int, report Progress) tea.Msg {
		po := pipelineOptions(opts, report)
		po.Corrections = want
		a, err := analyse(ctx, c, po)
		if err != nil {
			return scopeOpenedMsg{seq: seq, err: fmt.Errorf("regroup stories: %w", err)}
		}
		report("indexing", 0, 0)
		newAll := NewData(c, a)
		sc := reopenScope(a.Comparison, reopen)
		var sub *Data
		if sc.kind != scopeAll && len(sc.articles) < len(c.Articles) {
			if sub, err = scopedData(ctx, newAll, sc, po); err != nil {
				return scopeOpenedMsg{seq: seq, err: err}
			}
		} else {
			sc = scope{}
		}
		what := "stories regrouped"
		if n := len(a.Comparison.Problems); n > 0 {
			what = fmt.Sprintf("stories regrouped; %s could not be applied (%s lists them)", plural(n, "correction"), m.ctx.Keys.ViewProblems.Help().Key)
		}
		return scopeOpenedMsg{seq: seq, sc: sc, all: newAll, data: sub, what: what}
	})
	m.task.regroup, m.task.corrections = true, want
	return cmd
}

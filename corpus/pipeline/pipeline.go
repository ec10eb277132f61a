// Package pipeline runs parallax's analyses in their one order — load the
// corpus, read the story corrections, find the shared facts, stories and
// threads (compare), restrict them to a story or thread, mark the framing
// (frame) — for the reader and for every command, with one error policy:
//
//   - A step that fails is recorded in the Run, never printed and never
//     fatal by itself; the steps after it go on with what there is
//     (framing without a comparison has no "unique" markers and no
//     omissions).
//   - A caller asks Err for the steps it cannot do without (the facts
//     command needs the shared facts; the reader needs none) and shows
//     Warnings for the rest, worded once here.
//   - Only a cancelled context stops a run: Analyse then returns its error.
//
// Every input is an argument or an Options field: nothing is read from the
// environment here.
package pipeline

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/corpus/frame"
)

// Progress reports a stage of the work; done and total count items within
// the stage (total 0: unknown). It is called from the goroutine running
// the pipeline.
type Progress func(stage string, done, total int)

// Options are a run's inputs.
type Options struct {
	// NotesPath is the notes file whose story corrections apply; ""
	// reads no file and applies Corrections instead.
	NotesPath string
	// NotesRequired says the user named NotesPath (--notes): a file that
	// does not exist is then an error, not a corpus without corrections.
	NotesRequired bool
	// Corrections are the story corrections to apply when NotesPath is
	// "" (the reader's, as its notes store has them now).
	Corrections []compare.Correction

	// ConfigDir is the user's configuration directory, which the caller
	// reads from its environment (corpus.ConfigDir); "" means none: only
	// the data shipped in the binary. Loading reads the user's outlet
	// table in it, compare its alias, spelling and concept tables,
	// framing its lexicons/ folder.
	ConfigDir string
	// NoUserLexicons leaves out the user's lexicons even with a ConfigDir.
	NoUserLexicons bool

	// MinOutlets is the least number of outlets a fact needs; 0 means 2.
	MinOutlets int
	// Facts runs the shared-facts analysis (compare); Framing runs the
	// framing analysis (frame).
	Facts, Framing bool
	// Scope is the id of a story or thread to restrict the run to; ""
	// for everything. It needs Facts.
	Scope string
	// NoMisses leaves out the nearest misses of unlinked sentences,
	// which only the reader shows (compare.Options.NoMisses).
	NoMisses bool
	// NoFacts groups the articles into threads and stories and links no
	// sentence (compare.Options.NoFacts): for `parallax stories`.
	NoFacts bool

	// Progress, when set, reports each stage.
	Progress Progress
}

func (o Options) progress(stage string, done, total int) {
	if o.Progress != nil {
		o.Progress(stage, done, total)
	}
}

// Step names a step of the pipeline, for Err.
type Step int

const (
	// Corrections reads the story corrections from the notes file.
	Corrections Step = iota
	// Facts finds the shared facts, stories and threads.
	Facts
	// Scope restricts the run to a story or thread.
	Scope
	// Framing marks the framing language and profiles the outlets.
	Framing
	numSteps
)

// String names the step as errors and warnings start.
func (s Step) String() string {
	return [...]string{"story corrections", "shared-facts analysis", "scope", "framing analysis"}[s]
}

// Run is what one pass through the pipeline made, step by step. A Run can
// also be put together from a comparison made earlier, to call Within on.
type Run struct {
	// Options are the inputs the run was made with.
	Options Options
	// All is the corpus analysed; Corpus is what the run covers: All, or
	// the articles of the story or thread of Scope.
	All, Corpus *corpus.Corpus
	// Scope is the story or thread the run is restricted to ("" for
	// everything).
	Scope string
	// Corrections are the story corrections the comparison applied.
	Corrections []compare.Correction
	// Comparison is the shared-facts analysis of All, with every thread
	// and story; nil when it was not run or failed.
	Comparison *compare.Result
	// Facts is Comparison within Corpus (Comparison itself without a
	// scope); nil when there is no comparison.
	Facts *compare.Result
	// Framing is the framing analysis of Corpus; nil when it was not run
	// or failed.
	Framing *frame.Result

	errs [numSteps]error
	// problems are the corrections the comparison this run made could
	// not apply.
	problems []string
}

// Analyse runs on c the steps opts asks for, in order: the story
// corrections, the shared facts, the scope, the framing. A failing step is
// recorded (Err, Warnings) and the rest go on; the error is only for a
// cancelled ctx.
func Analyse(ctx context.Context, c *corpus.Corpus, opts Options) (*Run, error) {
	r := &Run{Options: opts, All: c, Corpus: c}
	if opts.Facts {
		r.Corrections, r.errs[Corrections] = readCorrections(opts)
		cmp, err := compare.Analyze(ctx, c, compare.Options{MinOutlets: opts.MinOutlets, Corrections: r.Corrections, ConfigDir: opts.ConfigDir, NoMisses: opts.NoMisses, NoFacts: opts.NoFacts,
			Progress: func(stage string, done, total int) { opts.progress("comparing outlets: "+stage, done, total) }})
		if err != nil {
			if ctx.Err() != nil {
				return nil, err
			}
			r.errs[Facts] = err
		} else {
			r.Comparison, r.Facts, r.problems = cmp, cmp, cmp.Problems
		}
	}
	if opts.Scope != "" {
		if err := r.restrict(opts.Scope); err != nil {
			r.errs[Scope] = err
			return r, nil // framing the whole corpus would answer another question
		}
	}
	if err := r.frame(ctx); err != nil {
		return nil, err
	}
	return r, nil
}

// Within is the run restricted to the story or thread id of its
// comparison: the facts within its articles (compare.Result.Within) and,
// when the run has framing, the framing analysed again on them. The new
// run's Err and Warnings are about its own steps.
func (r *Run) Within(ctx context.Context, id string) (*Run, error) {
	sub := &Run{Options: r.Options, All: r.All, Corpus: r.All, Corrections: r.Corrections, Comparison: r.Comparison}
	sub.Options.Scope = id
	if err := sub.restrict(id); err != nil {
		sub.errs[Scope] = err
		return sub, nil
	}
	if err := sub.frame(ctx); err != nil {
		return nil, err
	}
	return sub, nil
}

// restrict cuts the corpus and the comparison down to story or thread id.
func (r *Run) restrict(id string) error {
	if r.Comparison == nil {
		return fmt.Errorf("%q: a story or thread needs the shared-facts analysis, which failed", id)
	}
	ids, err := r.Comparison.ScopeArticles(id)
	if err != nil {
		return err
	}
	r.Options.progress("restricting the facts", 0, 0)
	r.Scope = id
	r.Corpus = SubCorpus(r.All, ids)
	r.Facts = r.Comparison.Within(r.All, ids, r.Options.MinOutlets)
	return nil
}

// frame runs the framing analysis on the run's corpus when asked for.
func (r *Run) frame(ctx context.Context) error {
	if !r.Options.Framing {
		return nil
	}
	r.Options.progress("marking framing language", 0, 0)
	var cmp frame.Comparison
	if r.Facts != nil {
		cmp = r.Facts
	}
	fr, err := frame.Analyze(ctx, r.Corpus, cmp, frameOptions(r.Options))
	if err != nil {
		if ctx.Err() != nil {
			return err
		}
		r.errs[Framing] = err
		return nil
	}
	r.Framing = fr
	return nil
}

// frameOptions are the framing analysis's options for a run: the user's
// lexicons from the config directory, unless there is none or they are
// left out.
func frameOptions(o Options) frame.Options {
	if o.ConfigDir == "" || o.NoUserLexicons {
		return frame.Options{}
	}
	return frame.Options{LexiconDir: filepath.Join(o.ConfigDir, "lexicons")}
}

// Err returns the failure of the first of steps that failed, worded
// "shared-facts analysis: …", or nil when they all ran.
func (r *Run) Err(steps ...Step) error {
	for _, s := range steps {
		if err := r.errs[s]; err != nil {
			if s == Scope {
				return err // already says which story or thread
			}
			return fmt.Errorf("%s: %w", s, err)
		}
	}
	return nil
}

// Warnings words every step that failed, for the reader's Problems screen
// and a command's standard error, with the story corrections the
// comparison could not apply after the shared-facts step; steps in except
// (those the caller reports as errors itself) are left out.
func (r *Run) Warnings(except ...Step) []string {
	var out []string
	for s := Step(0); s < numSteps; s++ {
		if err := r.errs[s]; err != nil && !slices.Contains(except, s) {
			switch s {
			case Corrections:
				out = append(out, "story corrections not read from the notes file: "+err.Error())
			case Scope:
				out = append(out, err.Error())
			default:
				out = append(out, fmt.Sprintf("%s failed: %v", s, err))
			}
		}
		if s == Facts {
			out = append(out, r.problems...)
		}
	}
	return out
}

// Problems are the story corrections the comparison of this run could not
// apply, and why.
func (r *Run) Problems() []string { return r.problems }

// SubCorpus is the corpus with only the given articles, in corpus order;
// the load errors stay, since they are the folder's.
func SubCorpus(c *corpus.Corpus, ids []string) *corpus.Corpus {
	keep := make(map[string]bool, len(ids))
	for _, id := range ids {
		keep[id] = true
	}
	sub := &corpus.Corpus{Name: c.Name, Errors: c.Errors}
	for _, a := range c.Articles {
		if keep[a.ID] {
			sub.Articles = append(sub.Articles, a)
		}
	}
	return sub
}

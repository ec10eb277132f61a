package ui

import (
	"context"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/corpus/frame"
	"github.com/parallax-reader/parallax/corpus/pipeline"
)

// Findings is what the analyses found that the reader shows over the
// corpus: the shared facts, the framing markers and outlet profiles, and
// the problems worth listing. The analysis pipeline (corpus/pipeline)
// computes it in a tea.Cmd; the views only read it.
type Findings struct {
	// HasFacts is set when shared facts were computed; without it no
	// sentence is called outlet-only.
	HasFacts bool
	Facts    []compare.Fact
	// HasCounterpart, when set, reports whether a sentence has a
	// counterpart in another outlet (a looser link than a fact).
	HasCounterpart func(article string, sentence int) bool
	// Omissions maps an outlet to the ids of facts it leaves out.
	Omissions map[string][]string

	HasFraming bool
	Markers    []frame.Marker
	Profiles   []OutletProfile

	// Warnings are analysis problems worth showing on the problems screen.
	Warnings []string

	// Comparison is the shared-facts analysis of the whole corpus, with
	// its threads and stories, from which a story or thread is opened
	// (scope.go); nil when it was not computed.
	Comparison *compare.Result
	// Corrections are the story corrections the comparison applied.
	Corrections []compare.Correction
}

// OutletProfile is one outlet's profile as the outlets view shows it.
type OutletProfile struct {
	Outlet   string
	Markdown string             // rendered with Glamour
	Rates    map[string]float64 // framing markers per 100 sentences, by kind
	Articles int
}

// Progress reports a stage of the start-up work; done and total count
// items within the stage (total 0: unknown).
type Progress = pipeline.Progress

// FindingsFunc computes the Findings of a corpus in place of the analysis
// pipeline (tests). It runs in a tea.Cmd.
type FindingsFunc func(ctx context.Context, c *corpus.Corpus, progress Progress) (*Findings, error)

// Loader loads the corpus named by paths (none: the embedded corpus) in
// place of pipeline.Load (tests). It runs in a tea.Cmd.
type Loader func(ctx context.Context, paths []string, progress Progress) (*corpus.Corpus, error)

// pipelineOptions are the analysis pipeline's options for the reader: both
// analyses, the user's configuration directory, and progress.
func pipelineOptions(opts Options, progress Progress) pipeline.Options {
	return pipeline.Options{Facts: true, Framing: true, ConfigDir: opts.ConfigDir, Progress: progress}
}

// runPipeline runs the analysis pipeline on c for the reader and returns
// what it found; the error is only for a cancelled ctx.
func runPipeline(ctx context.Context, c *corpus.Corpus, po pipeline.Options) (*Findings, error) {
	run, err := pipeline.Analyse(ctx, c, po)
	if err != nil {
		return nil, err
	}
	return findingsOf(run, nil), nil
}

// findingsOf is a pipeline run as the reader shows it; the warnings of the
// run it was opened within (a story's, of the whole corpus) come first.
func findingsOf(run *pipeline.Run, within *Findings) *Findings {
	f := &Findings{Comparison: run.Comparison, Corrections: run.Corrections}
	if within != nil {
		f.Warnings = append(f.Warnings, within.Warnings...)
	}
	f.Warnings = append(f.Warnings, run.Warnings()...)
	if r := run.Facts; r != nil {
		f.HasFacts = true
		f.Facts = r.Facts
		f.HasCounterpart = r.HasCounterpart
		f.Omissions = map[string][]string{}
		for _, o := range r.Omissions {
			f.Omissions[o.Outlet] = append(f.Omissions[o.Outlet], o.Facts...)
		}
	}
	if fr := run.Framing; fr != nil {
		f.HasFraming = true
		f.Markers = fr.Markers
		for i := range fr.Outlets {
			p := &fr.Outlets[i]
			f.Profiles = append(f.Profiles, OutletProfile{
				Outlet:   p.Outlet,
				Markdown: p.Markdown(),
				Rates:    p.MarkerRates,
				Articles: len(p.Articles),
			})
		}
	}
	return f
}

package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/corpus/frame"
)

// defaultLoad loads the corpus: the embedded one without paths.
func defaultLoad(ctx context.Context, paths []string, progress Progress) (*corpus.Corpus, error) {
	if len(paths) == 0 {
		progress("loading the embedded corpus", 0, 0)
		return corpus.Default(), nil
	}
	return corpus.LoadWith(ctx, corpus.Options{ConfigDir: userConfigDir(), Progress: func(done, total int) {
		progress("loading files", done, total)
	}}, paths...)
}

// userConfigDir is the user's configuration directory, whose outlets,
// matching data and lexicons the reader's analyses read.
func userConfigDir() string { return corpus.ConfigDir(os.Getenv) }

// DefaultAnalyzer runs the shared-facts and framing analyses on a corpus.
func DefaultAnalyzer(ctx context.Context, c *corpus.Corpus, progress Progress) (*Analysis, error) {
	return analyzeWith(ctx, c, nil, progress)
}

// analyzeWith is DefaultAnalyzer with the user's story corrections
// applied to the grouping.
func analyzeWith(ctx context.Context, c *corpus.Corpus, corrections []compare.Correction, progress Progress) (*Analysis, error) {
	a := &Analysis{Corrections: corrections}
	cmp, err := compare.Analyze(ctx, c, compare.Options{Corrections: corrections, ConfigDir: userConfigDir(), Progress: func(stage string, done, total int) {
		progress("comparing outlets: "+stage, done, total)
	}})
	var fc frame.Comparison
	if err != nil {
		if ctx.Err() != nil {
			return nil, err
		}
		a.Warnings = append(a.Warnings, fmt.Sprintf("shared-facts analysis failed: %v", err))
	} else {
		addFacts(a, cmp)
		a.Comparison = cmp
		a.Warnings = append(a.Warnings, cmp.Problems...)
		fc = cmp
	}
	progress("marking framing language", 0, 0)
	fr, err := frame.Analyze(ctx, c, fc, frame.Options{LexiconDir: filepath.Join(userConfigDir(), "lexicons")})
	if err != nil {
		if ctx.Err() != nil {
			return nil, err
		}
		a.Warnings = append(a.Warnings, fmt.Sprintf("framing analysis failed: %v", err))
		return a, nil
	}
	addFraming(a, fr)
	return a, nil
}

// addFacts copies the shared-facts result into the analysis.
func addFacts(a *Analysis, r *compare.Result) {
	a.HasFacts = true
	a.Facts = r.Facts
	a.HasCounterpart = r.HasCounterpart
	a.Omissions = map[string][]string{}
	for _, o := range r.Omissions {
		a.Omissions[o.Outlet] = append(a.Omissions[o.Outlet], o.Facts...)
	}
}

// addFraming copies the framing result into the analysis.
func addFraming(a *Analysis, fr *frame.Result) {
	a.HasFraming = true
	a.Markers = fr.Markers
	for i := range fr.Outlets {
		p := &fr.Outlets[i]
		a.Profiles = append(a.Profiles, OutletProfile{
			Outlet:   p.Outlet,
			Markdown: p.Markdown(),
			Rates:    p.MarkerRates,
			Articles: len(p.Articles),
		})
	}
}

package cli

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/parallax-reader/parallax/corpus/compare"
)

// runPairs scores sentence pairs from a TSV file: one "score<TAB>decision"
// line per pair, or with --eval the accuracy, precision, recall and F1
// against the file's labels.
func runPairs(env *Env, args []string) int {
	fs := newFlagSet(env, "pairs", "parallax pairs [--scorer link|paraphrase] [--eval] [--cv K] [--threshold T] FILE",
		"parallax pairs pairs.tsv                  # text<TAB>text per line → score<TAB>decision (the reader's fact links)",
		"parallax pairs --scorer paraphrase --cv 10 msrp-train.tsv   # the paraphrase model, refitted per fold",
		"parallax pairs --eval msrp-train.tsv      # MSRP layout (label, id1, id2, text1, text2): accuracy, precision, recall, F1",
		"parallax pairs --cv 10 msrp-train.tsv     # 10-fold cross-validation of weights and threshold",
		"parallax pairs - < pairs.tsv              # read standard input")
	eval := fs.Bool("eval", false, "compare the decisions with the file's labels and print accuracy, precision, recall and F1")
	cv := fs.Int("cv", 0, "run K-fold cross-validation (refit weights and threshold per fold) on a labelled file")
	scorer := fs.String("scorer", "link", "link: the score that links sentences into facts in the reader (threshold 0.12);\nparaphrase: a logistic model of paraphrase fitted on MSRP (threshold 0.51)")
	threshold := fs.Float64("threshold", compare.DefaultFactThreshold, "decision threshold on the score (default: the scorer's, 0.12 for link, 0.51 for paraphrase)")
	paths, err := parseArgs(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(paths) != 1 {
		return errorf(env, "pairs needs exactly one FILE (or - for standard input); see 'parallax pairs --help'")
	}
	if *scorer != "link" && *scorer != "paraphrase" {
		return errorf(env, "--scorer must be link or paraphrase, got %q", *scorer)
	}
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == "threshold" })
	if !set && *scorer == "paraphrase" {
		*threshold = compare.DefaultThreshold
	}
	// Scores run from 0 (nothing shared) to 1 (the same sentence).
	if !(*threshold >= 0 && *threshold <= 1) {
		return errorf(env, "--threshold must be between 0 and 1 (a pair whose score reaches it is a match), got %v", *threshold)
	}
	if *cv < 0 || *cv == 1 {
		return errorf(env, "--cv needs 2 or more folds, got %d", *cv)
	}
	name := paths[0]
	if name == "-" {
		name = "standard input"
	}
	var r io.Reader = env.Stdin
	if paths[0] != "-" {
		f, err := os.Open(paths[0])
		if err != nil {
			return errorf(env, "open pairs file: %v", err)
		}
		defer f.Close()
		r = f
	}
	pairs, err := compare.ReadPairs(r)
	if err != nil {
		return errorf(env, "%s: %v", name, err)
	}
	var sents []string
	labelled := 0
	for _, p := range pairs {
		sents = append(sents, p.A, p.B)
		if p.Label >= 0 {
			labelled++
		}
	}
	var score func(a, b string) float64
	var features func(a, b string) []float64
	if *scorer == "link" {
		ps, err := compare.NewPairScorer(sents, configDir(env))
		if err != nil {
			return errorf(env, "%v", err)
		}
		score = ps.Score
	} else {
		m, err := compare.NewMatcher(sents, configDir(env))
		if err != nil {
			return errorf(env, "%v", err)
		}
		score = func(a, b string) float64 { s, _ := m.Score(a, b); return s }
		features = m.Features
	}
	if (*eval || *cv > 0) && labelled == 0 {
		return errorf(env, "%s has no labels: --eval and --cv need the MSRP layout or label<TAB>text<TAB>text", name)
	}
	if *cv > 0 {
		// Each fold needs at least one labelled pair to test on.
		if labelled < 2 {
			return errorf(env, "--cv %d: %s has only 1 labelled pair; cross-validation needs at least 2", *cv, name)
		}
		if *cv > labelled {
			return errorf(env, "--cv %d: %s has only %d labelled pairs, so at most %d folds (each fold tests at least one pair)", *cv, name, labelled, labelled)
		}
		var xs [][]float64
		var ss []float64
		var ys []int
		for _, p := range pairs {
			if p.Label >= 0 {
				if features != nil {
					xs = append(xs, features(p.A, p.B))
				} else {
					ss = append(ss, score(p.A, p.B))
				}
				ys = append(ys, p.Label)
			}
		}
		var res compare.CVResult
		if features != nil {
			res = compare.CrossValidate(xs, ys, *cv) // weights and threshold refitted per fold
		} else {
			res = compare.CrossValidateThreshold(ss, ys, *cv)
		}
		mt := 0.0
		for _, t := range res.Thresholds {
			mt += t
		}
		mt /= float64(len(res.Thresholds))
		fmt.Fprintf(env.Stdout, "%d-fold cross-validation of the %s scorer on %d pairs\n", *cv, *scorer, res.Metrics.N)
		printMetrics(env, res.Metrics)
		fmt.Fprintf(env.Stdout, "mean threshold\t%.3f\n", mt)
		return 0
	}
	decisions := make([]bool, len(pairs))
	labels := make([]int, len(pairs))
	for i, p := range pairs {
		s := score(p.A, p.B)
		decisions[i] = s >= *threshold
		labels[i] = p.Label
		if !*eval {
			d := 0
			if decisions[i] {
				d = 1
			}
			fmt.Fprintf(env.Stdout, "%.4f\t%d\n", s, d)
		}
	}
	if *eval {
		fmt.Fprintf(env.Stdout, "%d labelled pairs, %s scorer, threshold %.3f\n", labelled, *scorer, *threshold)
		printMetrics(env, compare.Evaluate(decisions, labels))
	}
	return 0
}

func printMetrics(env *Env, m compare.Metrics) {
	fmt.Fprintf(env.Stdout, "accuracy\t%.4f\nprecision\t%.4f\nrecall\t%.4f\nF1\t%.4f\n", m.Accuracy, m.Precision, m.Recall, m.F1)
}

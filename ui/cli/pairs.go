package cli

import (
	"fmt"
	"io"
	"os"

	"github.com/parallax-reader/parallax/corpus/compare"
)

// runPairs scores sentence pairs from a TSV file: one "score<TAB>decision"
// line per pair, or with --eval the accuracy, precision, recall and F1
// against the file's labels.
func runPairs(env *Env, args []string) int {
	fs := newFlagSet(env, "pairs", "parallax pairs [--eval] [--cv K] [--threshold T] FILE",
		"parallax pairs pairs.tsv                  # text<TAB>text per line → score<TAB>decision",
		"parallax pairs --eval msrp-train.tsv      # MSRP layout (label, id1, id2, text1, text2): accuracy, precision, recall, F1",
		"parallax pairs --cv 10 msrp-train.tsv     # 10-fold cross-validation of weights and threshold",
		"parallax pairs - < pairs.tsv              # read standard input")
	eval := fs.Bool("eval", false, "compare the decisions with the file's labels and print accuracy, precision, recall and F1")
	cv := fs.Int("cv", 0, "run K-fold cross-validation (refit weights and threshold per fold) on a labelled file")
	threshold := fs.Float64("threshold", compare.DefaultThreshold, "decision threshold on the score")
	paths, err := parseArgs(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(paths) != 1 {
		return errorf(env, "pairs needs exactly one FILE (or - for standard input); see 'parallax pairs --help'")
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
	m, err := compare.NewMatcher(sents)
	if err != nil {
		return errorf(env, "%v", err)
	}
	m.Threshold = *threshold
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
		var ys []int
		for _, p := range pairs {
			if p.Label >= 0 {
				xs = append(xs, m.Features(p.A, p.B))
				ys = append(ys, p.Label)
			}
		}
		res := compare.CrossValidate(xs, ys, *cv)
		mt := 0.0
		for _, t := range res.Thresholds {
			mt += t
		}
		mt /= float64(len(res.Thresholds))
		fmt.Fprintf(env.Stdout, "%d-fold cross-validation on %d pairs\n", *cv, res.Metrics.N)
		printMetrics(env, res.Metrics)
		fmt.Fprintf(env.Stdout, "mean threshold\t%.3f\n", mt)
		return 0
	}
	decisions := make([]bool, len(pairs))
	labels := make([]int, len(pairs))
	for i, p := range pairs {
		s, _ := m.Score(p.A, p.B)
		decisions[i] = s >= m.Threshold
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
		fmt.Fprintf(env.Stdout, "%d labelled pairs, threshold %.3f\n", labelled, m.Threshold)
		printMetrics(env, compare.Evaluate(decisions, labels))
	}
	return 0
}

func printMetrics(env *Env, m compare.Metrics) {
	fmt.Fprintf(env.Stdout, "accuracy\t%.4f\nprecision\t%.4f\nrecall\t%.4f\nF1\t%.4f\n", m.Accuracy, m.Precision, m.Recall, m.F1)
}

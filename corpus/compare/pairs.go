package compare

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Pair is one sentence pair of a pairs file, with its gold label when the
// file gives one (Label is -1 otherwise).
type Pair struct {
	A, B  string
	Label int
	Line  int
}

// ReadPairs reads sentence pairs: either "text<TAB>text" per line, or the
// five-column layout of the Microsoft Research Paraphrase Corpus (label,
// id1, id2, text1, text2) with a header line. A UTF-8 byte order mark and
// CRLF line ends are accepted.
func ReadPairs(r io.Reader) ([]Pair, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 4<<20)
	var out []Pair
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if n == 1 {
			line = strings.TrimPrefix(line, "\ufeff")
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		if !utf8.ValidString(line) || strings.ContainsRune(line, 0) {
			return nil, fmt.Errorf("line %d is not text (binary data, or an encoding other than UTF-8): pairs reads a UTF-8 TSV file", n)
		}
		f := strings.Split(line, "\t")
		switch len(f) {
		case 2:
			out = append(out, Pair{A: f[0], B: f[1], Label: -1, Line: n})
		case 3:
			// label<TAB>text<TAB>text
			l, err := strconv.Atoi(strings.TrimSpace(f[0]))
			if err != nil || (l != 0 && l != 1) {
				return nil, fmt.Errorf("line %d: first of 3 fields must be a 0/1 label, got %q", n, trimTo(f[0], 40))
			}
			out = append(out, Pair{A: f[1], B: f[2], Label: l, Line: n})
		case 5:
			l, err := strconv.Atoi(strings.TrimSpace(f[0]))
			if err != nil || (l != 0 && l != 1) {
				if n == 1 {
					continue // the MSRP header: Quality, #1 ID, #2 ID, #1 String, #2 String
				}
				return nil, fmt.Errorf("line %d: label must be 0 or 1, got %q", n, trimTo(f[0], 40))
			}
			out = append(out, Pair{A: f[3], B: f[4], Label: l, Line: n})
		default:
			return nil, fmt.Errorf("line %d: want 2 tab-separated texts or the 5-column MSRP layout, got %d fields", n, len(f))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read pairs: %w", err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no sentence pairs in it: want text<TAB>text lines, label<TAB>text<TAB>text, or the 5-column MSRP layout")
	}
	return out, nil
}

// Metrics are the usual binary classification figures.
type Metrics struct {
	N                               int
	Accuracy, Precision, Recall, F1 float64
}

// Evaluate compares decisions with gold labels (pairs without a label are
// skipped).
func Evaluate(decisions []bool, labels []int) Metrics {
	var tp, fp, fn, tn int
	for i, d := range decisions {
		switch {
		case labels[i] < 0:
			continue
		case d && labels[i] == 1:
			tp++
		case d:
			fp++
		case labels[i] == 1:
			fn++
		default:
			tn++
		}
	}
	m := Metrics{N: tp + fp + fn + tn}
	if m.N > 0 {
		m.Accuracy = float64(tp+tn) / float64(m.N)
	}
	if tp+fp > 0 {
		m.Precision = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		m.Recall = float64(tp) / float64(tp+fn)
	}
	if m.Precision+m.Recall > 0 {
		m.F1 = 2 * m.Precision * m.Recall / (m.Precision + m.Recall)
	}
	return m
}

// FitWeights fits the pair-feature weights by L2-regularised logistic
// regression (Newton's method) on labelled feature vectors from
// Matcher.Features.
func FitWeights(xs [][]float64, labels []int) []float64 {
	return fitLogistic(xs, labels, 1e-2)
}

// fitLogistic fits logistic-regression weights with L2 penalty l2 (not on
// the bias, the first feature) by Newton's method.
func fitLogistic(xs [][]float64, labels []int, l2 float64) []float64 {
	const iters = 25
	if len(xs) == 0 {
		return nil
	}
	d := len(xs[0])
	w := make([]float64, d)
	for it := 0; it < iters; it++ {
		g := make([]float64, d)
		h := make([][]float64, d)
		for k := range h {
			h[k] = make([]float64, d+1)
		}
		for i, x := range xs {
			p := sigmoid(dot(w, x))
			r := p - float64(labels[i])
			s := p * (1 - p)
			for a := 0; a < d; a++ {
				g[a] += r * x[a]
				if x[a] == 0 {
					continue
				}
				for b := 0; b < d; b++ {
					h[a][b] += s * x[a] * x[b]
				}
			}
		}
		for a := 1; a < d; a++ {
			g[a] += l2 * w[a]
			h[a][a] += l2
		}
		h[0][0] += 1e-9
		for a := 0; a < d; a++ {
			h[a][d] = g[a]
		}
		step := solve(h)
		done := true
		for a := range w {
			w[a] -= step[a]
			if math.Abs(step[a]) > 1e-7 {
				done = false
			}
		}
		if done {
			break
		}
	}
	return w
}

// solve solves the linear system given as an augmented matrix by Gaussian
// elimination with partial pivoting.
func solve(m [][]float64) []float64 {
	n := len(m)
	for c := 0; c < n; c++ {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(m[r][c]) > math.Abs(m[p][c]) {
				p = r
			}
		}
		m[c], m[p] = m[p], m[c]
		if math.Abs(m[c][c]) < 1e-12 {
			continue
		}
		for r := c + 1; r < n; r++ {
			f := m[r][c] / m[c][c]
			for k := c; k <= n; k++ {
				m[r][k] -= f * m[c][k]
			}
		}
	}
	x := make([]float64, n)
	for r := n - 1; r >= 0; r-- {
		if math.Abs(m[r][r]) < 1e-12 {
			continue
		}
		s := m[r][n]
		for k := r + 1; k < n; k++ {
			s -= m[r][k] * x[k]
		}
		x[r] = s / m[r][r]
	}
	return x
}

// BestThreshold returns the threshold on scores that maximises accuracy
// on the labelled scores.
func BestThreshold(scores []float64, labels []int) float64 {
	idx := make([]int, len(scores))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return scores[idx[a]] < scores[idx[b]] })
	pos := 0
	for _, l := range labels {
		if l == 1 {
			pos++
		}
	}
	// Threshold below everything: all positive.
	best, bestT := pos, 0.0
	correct := pos
	for k, i := range idx {
		if labels[i] == 1 {
			correct--
		} else {
			correct++
		}
		t := scores[i] + 1e-9
		if k+1 < len(idx) {
			t = (scores[i] + scores[idx[k+1]]) / 2
		}
		if correct > best {
			best, bestT = correct, t
		}
	}
	return bestT
}

// CVResult is the outcome of k-fold cross-validation of the matcher.
type CVResult struct {
	Folds      int
	Metrics    Metrics   // pooled over the held-out folds
	Thresholds []float64 // chosen per fold
}

// CrossValidate runs k-fold cross-validation on labelled feature vectors:
// on each fold it fits the weights and picks the threshold on the other
// folds, then scores the held-out fold. Folds are interleaved (pair i is in
// fold i mod k), so the result is deterministic.
func CrossValidate(xs [][]float64, labels []int, k int) CVResult {
	res := CVResult{Folds: k}
	decisions := make([]bool, len(xs))
	for f := 0; f < k; f++ {
		var trX [][]float64
		var trY []int
		for i := range xs {
			if i%k != f {
				trX = append(trX, xs[i])
				trY = append(trY, labels[i])
			}
		}
		w := FitWeights(trX, trY)
		sc := make([]float64, len(trX))
		for i, x := range trX {
			sc[i] = sigmoid(dot(w, x))
		}
		t := BestThreshold(sc, trY)
		res.Thresholds = append(res.Thresholds, t)
		for i := range xs {
			if i%k == f {
				decisions[i] = sigmoid(dot(w, xs[i])) >= t
			}
		}
	}
	res.Metrics = Evaluate(decisions, labels)
	return res
}

// meanStd returns the mean and standard deviation of v.
func meanStd(v []float64) (float64, float64) {
	if len(v) == 0 {
		return 0, 0
	}
	s := 0.0
	for _, x := range v {
		s += x
	}
	m := s / float64(len(v))
	d := 0.0
	for _, x := range v {
		d += (x - m) * (x - m)
	}
	return m, math.Sqrt(d / float64(len(v)))
}

package compare

import (
	"fmt"
	"github.com/parallax-reader/parallax/corpus/textdist"
	"math"
	"sort"
	"strings"
	"unicode/utf8"
)

// DefaultThreshold is the Matcher's decision threshold for "same claim"
// on a sentence pair: a Score at or above it is a paraphrase. It was
// chosen by 10-fold cross-validation on the MSRP training split (see
// README and TestMSRPCrossValidation; the mean fold threshold is 0.508);
// rerun `parallax pairs --cv 10` to reproduce it.
const DefaultThreshold = 0.51

// featureNames names the first entries of a pair's feature vector, in
// order; alignFeatureNames name the rest.
var featureNames = [...]string{
	"bias", "cosine", "containment", "length ratio", "shared numbers", "number conflict",
	"shared dates", "date conflict", "shared quote", "negation mismatch", "shared names", "unshared names",
	"cover of longer", "term dice", "bigram dice", "trigram dice", "length difference",
	"unshared weight (more)", "unshared weight (less)", "word LCS ratio", "character trigram dice",
	"cover of longer squared", "fourgram dice", "unshared name weight",
}

// nBase is the number of the original pair features; the alignment
// features follow them.
const nBase = len(featureNames)

const nFeatures = nBase + len(alignFeatureNames)

// defaultWeights are the logistic-regression weights of the pair features,
// fitted on the whole MSRP training split (FitWeights; see README for the
// command). The cross-validated figures come from refitting on each fold.
var defaultWeights = [nFeatures]float64{
	2.9156, -2.7684, 0.5581, -1.4174, -0.0679, 0.0766, -0.0875, -0.6918, 0.6827, -1.0787, -0.5769, -0.1325,
	0.2776, -4.1322, 0.6909, -0.2586, 2.4733, -1.7313, -2.5934, 6.0563, 3.2694, 2.6253, 0.3418, -0.0548,
	5.4014, -1.0236, 2.8338, 1.5071, 2.1269, 2.1780, -0.9452, -0.5378, 0.5626, 0.3141, -0.0942, 9.4693,
	-15.1134, -0.1679, -2.1807, -0.7974, 1.5585, -0.8520, 7.7514, -6.4778, -0.0242, 0.6866, -2.5340, -1.8334,
	-1.1213, -0.2672, -5.2674,
}

// Matcher scores whether two sentences state the same claim. Term weights
// blend a shipped background frequency list (so a small corpus still has
// sensible weights) with document frequencies of a reference collection
// of sentences. A Matcher is safe for concurrent use by Score.
type Matcher struct {
	lx      *lexicon
	df      map[string]int
	n       int
	weights [nFeatures]float64
}

// NewMatcher returns a matcher whose term weights come from the background
// list blended with the document frequencies of sentences (nil: background
// only). configDir is as Options.ConfigDir. It fails only when the shipped
// or user data files are unreadable.
func NewMatcher(sentences []string, configDir string) (*Matcher, error) {
	lx, err := lexiconFor(configDir)
	if err != nil {
		return nil, fmt.Errorf("load matching lexicon: %w", err)
	}
	m := &Matcher{lx: lx, df: map[string]int{}, weights: defaultWeights}
	if len(sentences) > 0 {
		acr := map[string][]acronym{}
		for _, s := range sentences {
			findAcronyms(s, acr)
		}
		an := newAnalyzer(lx, acr)
		for _, s := range sentences {
			ft := an.analyze(s)
			for _, t := range ft.terms {
				m.df[t]++
			}
		}
		m.n = len(sentences)
	}
	return m, nil
}

// Score returns the probability-like score in [0, 1] that sentences a and b
// state the same claim, and the evidence shared by them.
func (m *Matcher) Score(a, b string) (float64, Evidence) {
	acr := map[string][]acronym{}
	findAcronyms(a, acr)
	findAcronyms(b, acr)
	an := newAnalyzer(m.lx, acr)
	fa, fb := an.analyze(a), an.analyze(b)
	x, ev := m.pairFeatures(&fa, &fb, m.weight)
	return m.prob(x), ev
}

// Features returns the feature vector of a pair, for fitting weights.
func (m *Matcher) Features(a, b string) []float64 {
	acr := map[string][]acronym{}
	findAcronyms(a, acr)
	findAcronyms(b, acr)
	an := newAnalyzer(m.lx, acr)
	fa, fb := an.analyze(a), an.analyze(b)
	x, _ := m.pairFeatures(&fa, &fb, m.weight)
	return x[:]
}

func (m *Matcher) prob(x [nFeatures]float64) float64 {
	return sigmoid(dot(m.weights[:], x[:]))
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

func dot(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

// backgroundK is how many sentences of corpus evidence weigh as much as the
// background list when blending the two IDFs.
const backgroundK = 400

// weight is a term's blended inverse document frequency in [0, 1].
func (m *Matcher) weight(t string) float64 {
	lx := m.lx
	bg := lx.bg[t]
	bgIDF := math.Log((lx.bgTotal+1)/(bg+1)) / math.Log(lx.bgTotal+1)
	if m.n == 0 {
		return bgIDF
	}
	df := float64(m.df[t])
	n := float64(m.n)
	cIDF := math.Log((n+1)/(df+0.5)) / math.Log(n+1)
	cIDF = math.Max(0, math.Min(1, cIDF))
	alpha := backgroundK / (backgroundK + n)
	return alpha*bgIDF + (1-alpha)*cIDF
}

// pairFeatures computes the feature vector of a sentence pair and the
// evidence that supports it.
func (m *Matcher) pairFeatures(a, b *features, w func(string) float64) ([nFeatures]float64, Evidence) {
	var x [nFeatures]float64
	var ev Evidence
	x[0] = 1
	wa, wb, shared := 0.0, 0.0, 0.0
	nameA, nameB, nameShared := 0.0, 0.0, 0.0
	type st struct {
		surf string
		w    float64
		name bool
	}
	var sharedTerms []st
	var onlyA, onlyB []int
	i, j := 0, 0
	for i < len(a.terms) || j < len(b.terms) {
		switch {
		case j >= len(b.terms) || (i < len(a.terms) && a.terms[i] < b.terms[j]):
			tw := w(a.terms[i])
			wa += tw
			if a.names[i] {
				nameA += tw
				onlyA = append(onlyA, i)
			}
			i++
		case i >= len(a.terms) || b.terms[j] < a.terms[i]:
			tw := w(b.terms[j])
			wb += tw
			if b.names[j] {
				nameB += tw
				onlyB = append(onlyB, j)
			}
			j++
		default:
			tw := w(a.terms[i])
			wa += tw
			wb += tw
			shared += tw
			nm := a.names[i] || b.names[j]
			if nm {
				nameA += tw
				nameB += tw
				nameShared += tw
			}
			sharedTerms = append(sharedTerms, st{a.surf[i], tw, nm})
			i++
			j++
		}
	}
	// Names spelt differently ("Lavrov"/"Lavorv"): character similarity.
	for _, ia := range onlyA {
		ta := a.terms[ia]
		if strings.HasPrefix(ta, "@") || len(ta) < 5 {
			continue
		}
		for _, jb := range onlyB {
			tb := b.terms[jb]
			if strings.HasPrefix(tb, "@") || len(tb) < 5 {
				continue
			}
			if sim := jaroWinkler(ta, tb); sim >= 0.88 {
				tw := math.Min(w(ta), w(tb)) * sim
				shared += tw
				nameShared += tw
				sharedTerms = append(sharedTerms, st{a.surf[ia] + "/" + b.surf[jb], tw, true})
				break
			}
		}
	}
	if wa > 0 && wb > 0 {
		x[1] = shared / math.Sqrt(wa*wb)
		x[2] = math.Min(1, shared/math.Min(wa, wb))
		x[3] = math.Min(wa, wb) / math.Max(wa, wb)
	}
	// Numbers and quantities.
	if len(a.nums) > 0 || len(b.nums) > 0 {
		sn := 0
		for _, qa := range a.nums {
			for _, qb := range b.nums {
				if sameQuantity(qa, qb) {
					sn++
					ev.Numbers = appendUnique(ev.Numbers, qa.String())
					break
				}
			}
		}
		x[4] = math.Min(float64(sn), 3) / 3
		if len(a.nums) > 0 && len(b.nums) > 0 && sn < min(len(a.nums), len(b.nums)) {
			x[5] = 1
		}
	}
	if len(a.dates) > 0 || len(b.dates) > 0 {
		sd, compat := 0, false
		for _, da := range a.dates {
			for _, db := range b.dates {
				if da.Compatible(db) {
					compat = true
				}
				if da.Shared(db) {
					sd++
					ev.Dates = appendUnique(ev.Dates, da.String())
					break
				}
			}
		}
		x[6] = math.Min(float64(sd), 2) / 2
		if len(a.dates) > 0 && len(b.dates) > 0 && !compat {
			x[7] = 1
		}
	}
	for _, qa := range a.quotes {
		for _, qb := range b.quotes {
			l := textdist.LCSLength(qa.stems, qb.stems)
			short := min(len(qa.stems), len(qb.stems))
			if l >= 4 && float64(l) >= 0.7*float64(short) {
				f := float64(l) / float64(max(len(qa.stems), len(qb.stems)))
				if f > x[8] {
					x[8] = f
					ev.Quote = qa.text
					if len(qb.text) < len(qa.text) {
						ev.Quote = qb.text
					}
				}
			}
		}
	}
	if a.neg != b.neg {
		x[9] = 1
	}
	if wa > 0 && wb > 0 {
		x[12] = shared / math.Max(wa, wb)
	}
	if n := len(a.terms) + len(b.terms); n > 0 {
		x[13] = 2 * float64(len(sharedTerms)) / float64(n)
	}
	x[14] = diceHashes(a.bigrams, b.bigrams)
	x[15] = diceHashes(a.trigrams, b.trigrams)
	if mx := max(a.words, b.words); mx > 0 {
		x[16] = math.Abs(float64(a.words-b.words)) / float64(mx)
	}
	ua, ub := math.Max(0, wa-shared), math.Max(0, wb-shared)
	x[17] = math.Min(math.Max(ua, ub), 10) / 10
	x[18] = math.Min(math.Min(ua, ub), 10) / 10
	if mx := max(len(a.seq), len(b.seq)); mx > 0 {
		x[19] = float64(textdist.LCSLength(a.seq, b.seq)) / float64(mx)
	}
	x[20] = diceHashes(a.chars, b.chars)
	x[21] = x[12] * x[12]
	x[22] = diceHashes(a.fourgrams, b.fourgrams)
	x[23] = math.Min(nameA+nameB-2*nameShared, 6) / 6
	alignFeatures(a, b, w, x[nBase:])
	if mx := math.Max(nameA, nameB); mx > 0 {
		x[10] = nameShared / mx
		x[11] = (nameA + nameB - 2*nameShared) / (nameA + nameB)
	}
	sort.SliceStable(sharedTerms, func(i, j int) bool { return sharedTerms[i].w > sharedTerms[j].w })
	for _, t := range sharedTerms {
		if t.name {
			ev.Names = append(ev.Names, t.surf)
		} else if len(ev.Terms) < 8 {
			ev.Terms = append(ev.Terms, t.surf)
		}
	}
	return x, ev
}

// diceHashes is the Dice coefficient of two sorted hash sets.
func diceHashes(a, b []uint32) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	return 2 * float64(common(a, b)) / float64(len(a)+len(b))
}

// sameQuantity reports whether two quantities state the same amount: equal
// values and the same unit (or one of them gives none).
func sameQuantity(a, b Quantity) bool {
	if a.Unit != "" && b.Unit != "" && a.Unit != b.Unit {
		return false
	}
	return approx(a.Lo, b.Lo) && approx(a.Hi, b.Hi)
}

func approx(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(a)) }

func appendUnique(s []string, v string) []string {
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}

// jaroWinkler is the Jaro–Winkler similarity of two strings in [0, 1].
func jaroWinkler(s1, s2 string) float64 {
	// Short ASCII strings (most names) are compared as bytes on the
	// stack; their bytes are their runes.
	if len(s1) <= 64 && len(s2) <= 64 && isASCII(s1) && isASCII(s2) {
		var ba, bb [64]byte
		return jaroWinklerOf(ba[:copy(ba[:], s1)], bb[:copy(bb[:], s2)])
	}
	return jaroWinklerOf([]rune(s1), []rune(s2))
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// jaroWinklerOf is jaroWinkler of two strings as their runes (or bytes,
// for ASCII).
func jaroWinklerOf[T byte | rune](a, b []T) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	win := max(len(a), len(b))/2 - 1
	if win < 0 {
		win = 0
	}
	var maBuf, mbBuf [64]bool
	var ma, mb []bool
	if len(a) <= len(maBuf) && len(b) <= len(mbBuf) {
		ma, mb = maBuf[:len(a)], mbBuf[:len(b)]
	} else {
		ma, mb = make([]bool, len(a)), make([]bool, len(b))
	}
	matches := 0
	for i := range a {
		lo, hi := max(0, i-win), min(len(b), i+win+1)
		for j := lo; j < hi; j++ {
			if !mb[j] && a[i] == b[j] {
				ma[i], mb[j] = true, true
				matches++
				break
			}
		}
	}
	if matches == 0 {
		return 0
	}
	t, k := 0, 0
	for i := range a {
		if !ma[i] {
			continue
		}
		for !mb[k] {
			k++
		}
		if a[i] != b[k] {
			t++
		}
		k++
	}
	mf := float64(matches)
	jaro := (mf/float64(len(a)) + mf/float64(len(b)) + (mf-float64(t)/2)/mf) / 3
	p := 0
	for p < min(4, len(a), len(b)) && a[p] == b[p] {
		p++
	}
	return jaro + float64(p)*0.1*(1-jaro)
}

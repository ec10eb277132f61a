package corpus

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"gopkg.in/neurosnap/sentences.v1"
)

// punktTable is the English punkt model the segmenter uses, as the
// sentences package ships it (data/english.json, gzipped in Go source)
// plus the abbreviations prose adds: a "[set count]" line opens each of
// the four sets, then one "key TAB value" line an entry. Reading it takes
// a few milliseconds; decompressing and decoding the JSON took 24 ms of
// every start. TestPunktTable keeps it equal to the package's model (go
// test ./corpus -run PunktTable -update-punkt writes it again after an
// upgrade).
//
//go:embed data/punkt-english.tsv
var punktTable string

// proseAbbrevs are the abbreviations prose's segment.New adds to the
// model ("Sgt.", "Gov.", "No.", "Mt.").
var proseAbbrevs = []string{"sgt", "gov", "no", "mt"}

// punktModel parses punktTable once.
var punktModel = sync.OnceValues(func() (*sentences.Storage, error) {
	return parsePunkt(punktTable)
})

func parsePunkt(table string) (*sentences.Storage, error) {
	st := sentences.NewStorage()
	sets := map[string]*sentences.SetString{
		"AbbrevTypes": &st.AbbrevTypes, "Collocations": &st.Collocations,
		"SentStarters": &st.SentStarters, "OrthoContext": &st.OrthoContext,
	}
	var set sentences.SetString
	for n := 1; table != ""; n++ {
		line := table
		if i := strings.IndexByte(table, '\n'); i >= 0 {
			line, table = table[:i], table[i+1:]
		} else {
			table = ""
		}
		if set == nil && (line == "" || line[0] == '#') {
			continue // comments come before the first set; keys may start with #
		}
		if p, c, ok := punktSet(line, sets); ok {
			set = make(sentences.SetString, c)
			*p = set
			continue
		}
		key, val, ok := strings.Cut(line, "\t")
		v, err := strconv.Atoi(val)
		if !ok || err != nil || set == nil {
			return nil, fmt.Errorf("punkt table line %d: want a key and a number separated by a tab, after a [set count] line, got %q", n, line)
		}
		set[key] = v
	}
	return st, nil
}

// punktSet reads a "[set count]" line.
func punktSet(line string, sets map[string]*sentences.SetString) (*sentences.SetString, int, bool) {
	inner, ok := strings.CutPrefix(line, "[")
	if inner, ok = strings.CutSuffix(inner, "]"); !ok {
		return nil, 0, false
	}
	name, count, _ := strings.Cut(inner, " ")
	c, err := strconv.Atoi(count)
	p := sets[name]
	return p, c, err == nil && p != nil && c >= 0
}

// newSegmenter returns prose's segmenter on the precompiled model, with
// the faster word tests of punktSegmenter.
func newSegmenter() (*punktSegmenter, error) {
	st, err := punktModel()
	if err != nil {
		return nil, err
	}
	return newPunktSegmenter(st), nil
}

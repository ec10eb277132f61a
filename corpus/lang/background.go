package lang

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

// backgroundTSV is the SUBTLEX-US list; data/README.md says where it is
// from.
//
//go:embed data/background.tsv
var backgroundTSV string

// Count is a word of the background list and how often it occurs.
type Count struct {
	Word string  // lower case
	N    float64 // occurrences in the 51 million words of SUBTLEX-US
}

// Background returns English word frequencies: the SUBTLEX-US list
// (Brysbaert & New 2009), alphabetic words in lower case, most frequent
// first (ties in alphabetical order). The slice is shared: do not change
// it.
func Background() ([]Count, error) { return background() }

var background = sync.OnceValues(func() ([]Count, error) {
	return parseBackground(backgroundTSV)
})

// parseBackground reads word<TAB>count lines; lines starting with '#' are
// comments.
func parseBackground(data string) ([]Count, error) {
	out := make([]Count, 0, strings.Count(data, "\n")+1)
	for i, line := range strings.Split(data, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		w, n, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, fmt.Errorf("background.tsv line %d: want word<TAB>count, got %q", i+1, line)
		}
		c, err := strconv.ParseFloat(strings.TrimSpace(n), 64)
		if err != nil {
			return nil, fmt.Errorf("background.tsv line %d: bad count %q for %q", i+1, n, w)
		}
		out = append(out, Count{Word: w, N: c})
	}
	return out, nil
}

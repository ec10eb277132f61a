// Package textdist measures how far apart two sequences are, for the
// places that forgive small differences: re-anchoring a tagged passage in
// an edited article, aligning the words of two sentences, and suggesting
// the command a typo meant.
package textdist

// Levenshtein is the edit distance of two sequences: the least number of
// insertions, deletions and substitutions that turn a into b. Strings are
// compared as bytes ([]byte(s)) or runes ([]rune(s)) as the caller needs.
func Levenshtein[T comparable](a, b []T) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c = 1 + min(prev[j-1], prev[j], cur[j-1])
			}
			cur[j] = c
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

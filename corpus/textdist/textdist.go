// Package textdist measures how far apart two sequences are, for the
// places that forgive small differences: re-anchoring a tagged passage in
// an edited article, aligning the words of two sentences, comparing two
// quotes, and suggesting the command a typo meant.
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

// LCSLength is the length of a longest common subsequence of two
// sequences: the most of a's items that appear in b in the same order.
func LCSLength[T comparable](a, b []T) int {
	// A common prefix and suffix belong to every longest common
	// subsequence: count them and run the table on the rest only (two
	// wordings of one sentence mostly differ by a word or two).
	same := 0
	for len(a) > 0 && len(b) > 0 && a[0] == b[0] {
		a, b = a[1:], b[1:]
		same++
	}
	for len(a) > 0 && len(b) > 0 && a[len(a)-1] == b[len(b)-1] {
		a, b = a[:len(a)-1], b[:len(b)-1]
		same++
	}
	if len(a) == 0 || len(b) == 0 {
		return same
	}
	var pb, cb [64]int
	prev, cur := pb[:0], cb[:0]
	if len(b)+1 > len(pb) {
		prev, cur = make([]int, 0, len(b)+1), make([]int, 0, len(b)+1)
	}
	prev, cur = prev[:len(b)+1], cur[:len(b)+1]
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			switch {
			case a[i-1] == b[j-1]:
				cur[j] = prev[j-1] + 1
			case prev[j] >= cur[j-1]:
				cur[j] = prev[j]
			default:
				cur[j] = cur[j-1]
			}
		}
		prev, cur = cur, prev
	}
	return same + prev[len(b)]
}

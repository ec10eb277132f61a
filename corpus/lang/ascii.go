package lang

// ASCIILower lower-cases the ASCII letters of s only, as SQLite's NOCASE
// collation folds names, keeping every byte offset; it returns s itself
// when s has no capital.
func ASCIILower(s string) string {
	i := 0
	for i < len(s) && !('A' <= s[i] && s[i] <= 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	for ; i < len(b); i++ {
		if 'A' <= b[i] && b[i] <= 'Z' {
			b[i] += 'a' - 'A'
		}
	}
	return string(b)
}

package textdist

import "testing"

func TestLevenshtein(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"", "abc", 3},
		{"abc", "", 3},
		{"facts", "facts", 0},
		{"fatcs", "facts", 2}, // a swap is two edits
		{"kitten", "sitting", 3},
		{"flaw", "lawn", 2},
	} {
		if got := Levenshtein([]byte(c.a), []byte(c.b)); got != c.want {
			t.Errorf("Levenshtein(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
		if got := Levenshtein([]byte(c.b), []byte(c.a)); got != c.want {
			t.Errorf("Levenshtein(%q, %q) = %d, want %d (not symmetric)", c.b, c.a, got, c.want)
		}
	}
	if got := Levenshtein([]uint32{1, 2, 3}, []uint32{1, 3}); got != 1 {
		t.Errorf("word-level distance = %d, want 1", got)
	}
	if got := Levenshtein([]rune("Пётр"), []rune("Петр")); got != 1 {
		t.Errorf("rune distance = %d, want 1", got)
	}
}

func TestLCSLength(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "", 0}, {"abc", "abc", 3}, {"abcd", "axbxcxd", 4},
		{"kitten", "sitting", 4}, {"abc", "cba", 1}, {"xaby", "zabw", 2},
	} {
		if got := LCSLength([]byte(c.a), []byte(c.b)); got != c.want {
			t.Errorf("LCSLength(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
		if got := LCSLength([]byte(c.b), []byte(c.a)); got != c.want {
			t.Errorf("LCSLength(%q, %q) = %d, want %d (not symmetric)", c.b, c.a, got, c.want)
		}
	}
	long := []string{}
	for i := range 100 {
		long = append(long, string(rune('a'+i%26)))
	}
	if got := LCSLength(long, long[1:]); got != 99 {
		t.Errorf("a long list against itself less its first item: %d, want 99", got)
	}
}

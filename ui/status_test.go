package ui

import "testing"

func TestDropSegments(t *testing.T) {
	for _, c := range []struct {
		in    string
		width int
		want  string
	}{
		{"TASS 2/13 · fact 1 in 5 outlets", 40, "TASS 2/13 · fact 1 in 5 outlets"},
		{"TASS 2/13 · fact 1 in 5 outlets · cols 1-3/5", 40, "TASS 2/13 · fact 1 in 5 outlets"},
		{"TASS 2/13 · fact 1 in 5 outlets ! differ", 36, "TASS 2/13 · fact 1 in 5 outlets !…"},
		{"TASS 2/13 · fact 1 in 5 outlets ! differ", 33, "TASS 2/13 · fact 1 in 5 outlets…"},
		{"5 articles · 22 facts · 86 markers", 30, "5 articles · 22 facts"},
		{"Anadolu Agency 12/25", 10, "Anadolu Agency 12/25"}, // cut by the caller
	} {
		if got := dropSegments(c.in, c.width); got != c.want {
			t.Errorf("dropSegments(%q, %d) = %q, want %q", c.in, c.width, got, c.want)
		}
	}
}

package corpus

import "testing"

func TestCount(t *testing.T) {
	for _, c := range []struct {
		n    int
		noun string
		want string
	}{
		{1, "article", "1 article"},
		{0, "article", "0 articles"},
		{3, "story", "3 stories"},
		{2, "day", "2 days"},
		{4, "match", "4 matches"},
		{2, "tagged passage", "2 tagged passages"},
		{5, "box", "5 boxes"},
		{2, "escape sequence", "2 escape sequences"},
		{3, "control character", "3 control characters"},
	} {
		if got := Count(c.n, c.noun); got != c.want {
			t.Errorf("Count(%d, %q) = %q, want %q", c.n, c.noun, got, c.want)
		}
	}
}

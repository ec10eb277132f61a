package corpus

import "testing"

func TestShareLevelScalesWithTheCorpus(t *testing.T) {
	cases := []struct {
		outlets, total, want int
	}{
		{1, 5, 0}, {0, 5, 0},
		{2, 5, 1}, {3, 5, 2}, {4, 5, 3}, {5, 5, 3},
		{2, 2, 3}, {2, 3, 2}, {3, 3, 3},
		{2, 4, 2}, {3, 4, 3},
		// On a large corpus four outlets are few, not "4+".
		{4, 30, 1}, {14, 30, 1}, {15, 30, 2}, {22, 30, 2}, {23, 30, 3}, {30, 30, 3},
		// More carriers than outlets counted (a stale total) is the top.
		{6, 5, 3},
	}
	for _, c := range cases {
		if got := ShareLevel(c.outlets, c.total); got != c.want {
			t.Errorf("ShareLevel(%d, %d) = %d, want %d", c.outlets, c.total, got, c.want)
		}
	}
	for _, c := range []struct {
		total int
		want  [3]string
	}{
		{5, [3]string{"2", "3", "4–5"}},
		{2, [3]string{"", "", "2"}},
		{3, [3]string{"", "2", "3"}},
		{30, [3]string{"2–14", "15–22", "23–30"}},
	} {
		for l := 1; l <= ShareLevels; l++ {
			if got := ShareRange(l, c.total); got != c.want[l-1] {
				t.Errorf("ShareRange(%d, %d) = %q, want %q", l, c.total, got, c.want[l-1])
			}
		}
	}
}

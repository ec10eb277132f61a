package ui

import "testing"

func TestMoveList(t *testing.T) {
	k := DefaultKeyMap()
	for _, c := range []struct {
		key          string
		cur, n, page int
		want         int
		wantHandled  bool
	}{
		{"j", 0, 5, 4, 1, true},
		{"k", 0, 5, 4, 0, true},
		{"G", 1, 5, 4, 4, true},
		{"end", 1, 5, 4, 4, true},
		{"g", 3, 5, 4, 0, true},
		{"home", 3, 5, 4, 0, true},
		{"pgdown", 0, 10, 6, 3, true},
		{"ctrl+d", 8, 10, 6, 9, true},
		{"pgup", 2, 10, 6, 0, true},
		{"G", 0, 0, 4, 0, true}, // an empty list stays at 0
		{"x", 2, 5, 4, 2, false},
	} {
		km := keyMsg(c.key)
		got, ok := moveList(k, km, c.cur, c.n, c.page)
		if got != c.want || ok != c.wantHandled {
			t.Errorf("moveList(%s, cursor %d of %d, page %d) = %d, %v; want %d, %v", c.key, c.cur, c.n, c.page, got, ok, c.want, c.wantHandled)
		}
	}
}

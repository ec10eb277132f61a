package corpus

import "strconv"

// ShareLevels is how many levels ShareLevel tells apart.
const ShareLevels = 3

// ShareLevel says how widely a fact is shared, as the reader's tint and the
// HTML report's colour show it: by the part of the corpus's outlets that
// carry it, so that on a corpus of thirty outlets a fact in four of them
// is not drawn like one in all of them. 0 is not shared (fewer than two
// outlets); 1 is under half of the outlets, 2 under three quarters, 3 the
// rest. With five outlets that is 2, 3 and 4–5 outlets.
func ShareLevel(outlets, total int) int {
	if outlets < 2 {
		return 0
	}
	total = max(total, outlets)
	switch {
	case 2*outlets < total:
		return 1
	case 4*outlets < 3*total:
		return 2
	}
	return 3
}

// ShareRange is the range of outlet counts drawn at level (1 to
// ShareLevels) in a corpus of total outlets: "2", "13–18"; "" when no
// count falls in it (a corpus of two outlets has only level 3).
func ShareRange(level, total int) string {
	lo, hi := 0, 0
	for n := 2; n <= total; n++ {
		if ShareLevel(n, total) != level {
			continue
		}
		if lo == 0 {
			lo = n
		}
		hi = n
	}
	switch {
	case lo == 0:
		return ""
	case lo == hi:
		return strconv.Itoa(lo)
	}
	return strconv.Itoa(lo) + "–" + strconv.Itoa(hi)
}

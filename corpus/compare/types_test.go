package compare

import "testing"

func TestHumanDates(t *testing.T) {
	for in, want := range map[string]string{
		"1987-12-08":             "8 Dec 1987",
		"1987-12":                "Dec 1987",
		"--08-02":                "2 Aug",
		"--08":                   "Aug",
		"1987":                   "1987",
		"--08-02; 2019-02-02":    "2 Aug; 2 Feb 2019",
		"500–5,500 km":           "500–5,500 km",
		"1,000–5,000 km; 500 km": "1,000–5,000 km; 500 km",
		"2019-13-01":             "2019-13-01",
		"-5-3":                   "-5-3",
	} {
		if got := humanDates(in); got != want {
			t.Errorf("humanDates(%q) = %q, want %q", in, got, want)
		}
	}
}

package lang

import (
	"testing"
	"time"
)

func TestMonth(t *testing.T) {
	for w, want := range map[string]time.Month{
		"March": time.March, "mar": time.March, "Sept.": time.September, "SEP": time.September,
		"december": time.December, "May": time.May, "Marc": 0, "": 0, "monday": 0, "jan..": 0,
	} {
		if got := Month(w); got != want {
			t.Errorf("Month(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestASCIILower(t *testing.T) {
	for in, want := range map[string]string{
		"": "", "already": "already", "Blame/US": "blame/us", "ÉCOLE Élan": "École Élan", "\xffAB": "\xffab",
	} {
		got := ASCIILower(in)
		if got != want || len(got) != len(in) {
			t.Errorf("ASCIILower(%q) = %q, want %q (same length)", in, got, want)
		}
	}
}

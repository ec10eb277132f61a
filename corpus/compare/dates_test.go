package compare

import (
	"slices"
	"testing"
)

func TestExtractDates(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"signed on December 8, 1987, took effect on June 1, 1988", []string{"1987-12-08", "1988-06-01"}},
		{"on 8 December 1987", []string{"1987-12-08"}},
		{"from February 2.", []string{"--02-02"}},
		{"On Aug. 2 the US withdrew", []string{"--08-02"}},
		{"in February 2019, claiming", []string{"2019-02"}},
		{"signed in 1987 by", []string{"1987"}},
		{"back in the 1980s", []string{"1980"}},
		{"on 2019-08-02", []string{"2019-08-02"}},
		{"Russia may lift restrictions", nil},
		{"May 9 parade", []string{"--05-09"}},
		{"1987 missiles", nil}, // a count, not a year
	}
	for _, tt := range tests {
		var got []string
		for _, d := range ExtractDates(tt.in) {
			got = append(got, d.String())
		}
		slices.Sort(got)
		want := slices.Clone(tt.want)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("ExtractDates(%q) = %q, want %q", tt.in, got, want)
		}
	}
	a := Date{Y: 1987, M: 12, D: 8}
	if !a.Shared(Date{Y: 1987}) || !a.Compatible(Date{M: 12, D: 8}) || a.Compatible(Date{Y: 1987, M: 6}) {
		t.Error("date compatibility is wrong")
	}
}

// TestMayMatchTimeWhereThePatternMatches checks that mayMatchTime holds
// for every text the time pattern matches, so ExtractTimes finds what it
// found before the test.
func TestMayMatchTimeWhereThePatternMatches(t *testing.T) {
	texts := []string{"10:15", "22:15:30", "10:15 p.m.", "10.15am", "10 p.m.", "7 AM", "10.15", "3:1", "10\tam", "10\na.m.",
		"Rate 2.x at 10\tam", "in 2019.", "5.55 pm", "5.5 pm", "at 10.15\tP.M.", "1.05a", "12.60 am", "9.9.9"}
	texts = append(texts, seedTexts(true)...)
	for _, s := range texts {
		if len(timePattern().FindAllStringIndex(s, -1)) > 0 && !mayMatchTime(s) {
			t.Errorf("the time pattern matches %q, mayMatchTime says it may not", s)
		}
	}
}

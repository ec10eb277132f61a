package compare

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/parallax-reader/parallax/corpus/lang"
)

// Date is a calendar date as precise as the text gives it; zero fields are
// unknown ("Aug. 2" has no year, "1987" only a year).
type Date struct {
	Y, M, D int
	Text    string
	Start   int
	End     int
}

// String formats the date as ISO 8601 with unknown parts left out:
// "1987-12-08", "2019-02", "--08-02", "1987".
func (d Date) String() string {
	switch {
	case d.Y != 0 && d.M != 0 && d.D != 0:
		return fmt.Sprintf("%04d-%02d-%02d", d.Y, d.M, d.D)
	case d.Y != 0 && d.M != 0:
		return fmt.Sprintf("%04d-%02d", d.Y, d.M)
	case d.Y != 0:
		return fmt.Sprintf("%04d", d.Y)
	case d.M != 0 && d.D != 0:
		return fmt.Sprintf("--%02d-%02d", d.M, d.D)
	default:
		return fmt.Sprintf("--%02d", d.M)
	}
}

// Compatible reports whether two dates can be the same day: no known field
// differs.
func (d Date) Compatible(o Date) bool {
	return (d.Y == 0 || o.Y == 0 || d.Y == o.Y) && (d.M == 0 || o.M == 0 || d.M == o.M) && (d.D == 0 || o.D == 0 || d.D == o.D)
}

// Shared reports whether d and o are compatible and both give the same year,
// or the same month and day.
func (d Date) Shared(o Date) bool {
	if !d.Compatible(o) {
		return false
	}
	return (d.Y != 0 && d.Y == o.Y) || (d.M != 0 && d.M == o.M && d.D != 0 && d.D == o.D)
}

// mentionsMonth reports whether s may name a month.
func mentionsMonth(s string) bool {
	for _, m := range [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"} {
		if strings.Contains(s, m) {
			return true
		}
	}
	return false
}

// ExtractDates finds calendar dates in s: "December 8, 1987", "8 December
// 1987", "Aug. 2", "February 2019", "2019-08-02" and bare years.
func ExtractDates(s string) []Date {
	if !hasDigit(s) {
		return nil
	}
	four, months := hasFourDigits(s), mentionsMonth(s)
	if !four && !months {
		return nil
	}
	// A pattern that cannot match is not run: the ISO and year patterns
	// need four digits in a row (ISO a hyphen too), the others a month,
	// which opens with one of mentionsMonth's abbreviations.
	iso, named, monthYear, year := four && strings.IndexByte(s, '-') >= 0, months, months && four, four
	p := patterns()
	// Every date pattern holds digits: run them only around the digits.
	wins := digitWindows(s, 14, 16, 12)
	var out []Date
	taken := func(a, b int) bool {
		for _, d := range out {
			if a < d.End && d.Start < b {
				return true
			}
		}
		return false
	}
	add := func(d Date) {
		if d.M < 0 || d.M > 12 || d.D < 0 || d.D > 31 || taken(d.Start, d.End) {
			return
		}
		d.Text = s[d.Start:d.End]
		out = append(out, d)
	}
	atoi := func(x string) int { v, _ := strconv.Atoi(x); return v }
	month := func(x string) int { return int(lang.Month(x)) }
	for _, m := range anchoredMatchesIf(iso, p.isoAt, opensDigit, s, wins) {
		add(Date{Y: atoi(s[m[2]:m[3]]), M: atoi(s[m[4]:m[5]]), D: atoi(s[m[6]:m[7]]), Start: m[0], End: m[1]})
	}
	for _, m := range anchoredMatchesIf(named, p.dateAt, opensMonth, s, wins) {
		d := Date{M: month(s[m[2]:m[3]]), D: atoi(s[m[4]:m[5]]), Start: m[0], End: m[1]}
		if m[6] >= 0 {
			d.Y = atoi(s[m[6]:m[7]])
		}
		if s[m[2]:m[3]] == "May" && m[6] < 0 && d.D == 0 {
			continue
		}
		add(d)
	}
	for _, m := range anchoredMatchesIf(named, p.dateDMAt, opensDigit, s, wins) {
		d := Date{D: atoi(s[m[2]:m[3]]), M: month(s[m[4]:m[5]]), Start: m[0], End: m[1]}
		if m[6] >= 0 {
			d.Y = atoi(s[m[6]:m[7]])
		}
		add(d)
	}
	for _, m := range anchoredMatchesIf(monthYear, p.monthYearAt, opensMonth, s, wins) {
		add(Date{M: month(s[m[2]:m[3]]), Y: atoi(s[m[4]:m[5]]), Start: m[0], End: m[1]})
	}
	for _, m := range anchoredMatchesIf(year, p.yearAt, opensYear, s, wins) {
		// A year directly followed by a unit is a quantity ("1987 missiles").
		if rest := strings.TrimSpace(s[m[1]:]); rest != "" {
			f := strings.ToLower(strings.Fields(rest)[0])
			if _, ok := units[strings.Trim(f, ".,;:")]; ok {
				continue
			}
		}
		if m[0] > 0 && (s[m[0]-1] == '$' || s[m[0]-1] == ',' || s[m[0]-1] == '.') {
			continue
		}
		add(Date{Y: atoi(s[m[2]:m[3]]), Start: m[0], End: m[1]})
	}
	return out
}

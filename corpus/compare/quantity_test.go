package compare

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus/lang"
)

func TestExtractQuantities(t *testing.T) {
	tests := []struct {
		in   string
		want []string // Quantity.String() of each, in order
	}{
		{"ranges between 500 and 5,500 kilometres", []string{"500–5,500 km"}},
		{"intermediate range (1,000-5,000 kilometers) and shorter range (500-1,000 kilometers)", []string{"1,000–5,000 km", "500–1,000 km"}},
		{"a range of between 500 and 5,500 kilometers", []string{"500–5,500 km"}},
		{"it travelled over 500 km", []string{"500 km"}},
		{"sold for $2.5 billion in 1998", []string{"$2,500,000,000"}},
		{"5.5 thousand soldiers", []string{"5,500 soldiers"}},
		{"five hundred missiles", []string{"500 missiles"}},
		{"twenty-five countries", []string{"25 countries"}},
		{"within 60 days", []string{"60 days"}},
		{"rose 3.5 percent", []string{"3.5 percent"}},
		{"rose 3.5%", []string{"3.5 percent"}},
		{"from 10 to 20 miles", []string{"10–20 mi"}},
		{"Between 500 And 5,500 Kilometres", []string{"500–5,500 km"}}, // capitals, as in headlines
		{"FIVE HUNDRED MISSILES", []string{"500 missiles"}},
		{"signed on December 8, 1987", nil},    // a date, not a quantity
		{"the F-16 fighter jets", nil},         // part of a name
		{"its new 9M729 cruise missiles", nil}, // a code
		{"one of the best", nil},               // a word number alone is no claim
		{"the 12th meeting", nil},
		{"8 of the 44 countries", []string{"8", "44 countries"}},
		{"a 6.9-magnitude earthquake", []string{"magnitude 6.9"}},
		{"nearly two dozen countries had applied", []string{"24 countries"}},
		{"a dozen countries", []string{"12 countries"}},
		{"three dozen soldiers and a dozen missiles", []string{"36 soldiers", "12 missiles"}},
		{"the magnitude 6.8 quake", []string{"magnitude 6.8"}},
		{"a quake of magnitude 7.0 struck", []string{"magnitude 7"}},
		{"had a magnitude of 5.2", []string{"magnitude 5.2"}},
		{"6.8 on the scale, 300 magnitudes", []string{"6.8", "300"}},
		{"at 10:15 p.m. 6 people were hurt", []string{"6 people"}},             // a time of day is no number
		{"the blast at 22:15, then 7 am, then 5 PM", nil},                      // nor its hour alone
		{"hurt at 10 p.m. on December 19, 2025", nil},                          // nor the day of a date read past a time
		{"the vote of 2025-12-19 gave 52.5 percent", []string{"52.5 percent"}}, // nor part of an ISO date
		{"rose 10.15 percent", []string{"10.15 percent"}},                      // a decimal is no time
	}
	for _, tt := range tests {
		var got []string
		for _, q := range ExtractQuantities(tt.in) {
			got = append(got, q.String())
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("ExtractQuantities(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestNumMatchesAsFindAll keeps numMatchesIn, which tries the anchored
// number pattern where a match may start, equal to FindAll with the
// unanchored pattern, on the embedded corpus and on awkward text.
func TestNumMatchesAsFindAll(t *testing.T) {
	texts := []string{"", "5", "a", "am", "a dozen eggs", "x5", "_5", "5_", "US$5", "us$5 million", "€5bn", "£3 million and €2",
		"between 5 and 10 km", "from 3 to 4", "twenty-five people", "fifty", "£", "€", "é5", "\xe25", "\xc2", "5\xe2",
		"one of them", "two-thirds", "at 10:15 p.m.", "f-16", "6.9-magnitude", "seventy-seven", "a hundred", "nine-nine",
		"1,000,000 people 2.5 billion dollars", "$5-$10", "5–10%", "5 — 10 per cent", "between5and6", "b5", "the 5th",
		"amillion", "ak", "abn", "atn people", "adozen", "an", "a-one", "tension", "ninety-nine", "nineteen", "thirteen",
		"fifteen", "forty", "fourteen", "eleven", "twelve", "dozens", "onek", "twentymn", "and a half", "between them", "from 5"}
	texts = append(texts, seedTexts(true)...)
	p, plain := patterns(), plainPatterns()
	for _, s := range texts {
		low := lang.ASCIILower(s)
		got, want := numMatchesIn(p.numAt, low, 0, nil), plain.num.FindAllStringSubmatchIndex(low, -1)
		if len(got) != len(want) {
			t.Fatalf("%q: %v, want %v", low, got, want)
		}
		for k := range got {
			if !slices.Equal(got[k], want[k]) {
				t.Fatalf("%q: %v, want %v", low, got, want)
			}
		}
	}
}

// TestMentionsScaleAsLowerCase checks mentionsScale, which lower-cases on
// the stack, against strings.ToLower and a search for each word.
func TestMentionsScaleAsLowerCase(t *testing.T) {
	texts := []string{"", "Five hundred", "FIFTY", "“Twenty” — said", "MİLLİON", "mİllion people", "BİLLİON",
		"hündred", "\u212Aen", "mil\xffion", "mil\xe2\x80lion", "about a dozen — “fifty”", "naïve thirty",
		strings.Repeat("é", 300) + " thirty", strings.Repeat("x", 600) + " million"}
	texts = append(texts, seedTexts(false)...)
	for _, s := range texts {
		low, want := strings.ToLower(s), false
		for _, w := range scaleWords {
			want = want || strings.Contains(low, w)
		}
		if got := mentionsScale(s); got != want {
			t.Errorf("mentionsScale(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestPlainNumberAsPattern checks plainNumber, wherever it answers,
// against the anchored number pattern, on text made at random of digits,
// separators, spaces and the words that may follow a number.
func TestPlainNumberAsPattern(t *testing.T) {
	toks := []string{"0", "1", "5", "12", "123", "2019", "12345", ",", ".", ",000", ",5", ".5", " ", "  ", "\t", "\n",
		"-", "–", "—", "%", "$", "€", "£", "(", ")", ";", ":", "/", "_", "'", "\"", "x", "th", "s", "é",
		"km", "kms", "k", "m", "mi", "mile", "miles", "bn", "mln", "mn", "tn", "to", "and", "a", "the", "tomorrow",
		"per cent", "per  cent", "percent", "pct", "per", "people", "person", "dozen", "hundred", "thousand",
		"million", "billion", "trillion", "dollars", "usd", "euros", "eur", "pounds", "roubles", "rubles", "days",
		"weeks", "months", "years", "hours", "minutes", "soldiers", "troops", "missiles", "countries", "country",
		"states", "members", "shares", "points", "cents", "cent", "tons", "tonnes", "kg", "kilometres", "metres",
		"homes", "houses", "between", "from", "one", "two", "twenty", "ago", "an", "in", "on", "at", "of"}
	p := patterns()
	rng := uint64(1)
	next := func(n int) int {
		rng ^= rng << 13
		rng ^= rng >> 7
		rng ^= rng << 17
		return int(rng % uint64(n))
	}
	answered := 0
	for range 200000 {
		// Mostly a number, then what may follow it.
		var b strings.Builder
		for range next(2) {
			b.WriteString(toks[next(len(toks))])
		}
		for range 1 + next(4) {
			b.WriteString(toks[next(12)])
		}
		for range next(5) {
			b.WriteString(toks[next(len(toks))])
		}
		s := b.String()
		for i := 0; i < len(s); i++ {
			if !isDigitByte(s[i]) || !mayStartNumber(s, i) {
				continue
			}
			end, ok := plainNumber(s, i)
			if !ok {
				continue
			}
			answered++
			want := p.numAt.FindStringSubmatchIndex(s[i:])
			got := []int{0, end - i, -1, -1, -1, -1, 0, end - i, -1, -1, -1, -1, end - i, end - i}
			if !slices.Equal(got, want) {
				t.Fatalf("%q at %d: plainNumber %v, pattern %v", s, i, got, want)
			}
		}
	}
	t.Logf("answered %d", answered)
	if answered < 100000 {
		t.Errorf("plainNumber answered only %d times", answered)
	}
}

// TestAnchoredMatchesAsWindowMatches keeps the date patterns, tried
// anchored where a match may open, equal to the patterns searched through
// each window, on the embedded corpus and on made-up dates.
func TestAnchoredMatchesAsWindowMatches(t *testing.T) {
	texts := []string{"", "5", "May 5", "May5", "xMay 5", "May 5, 2019", "5 May 2019", "5th of May, 2019", "in May 2019",
		"2019-05-05", "2019-05-05x", "12019-05-05", "the 1990s", "1990s-era", "2019 and 2020", "_2019", "May  15th, 2019",
		"Sept. 3", "Sep 3", "Septs 3", "Dec.", "Jan. 2, 2000 and 3 Feb 2001", "Mayday 5", "MAY 5", "March of 2019",
		"10 March", "10March", "on 1 and 2 June", "1999-2000", "20200", "2020s", "Junk 5", "Ju1y 5"}
	texts = append(texts, seedTexts(true)...)
	toks := []string{"May", "March", "Mar.", "Sept.", "Sep", "Dec", "December", "Jun", "June", "Mayday", "of", " ", "  ",
		",", ".", "-", "x", "_", "st", "th", "s", "1", "5", "12", "31", "05", "19", "1987", "2019", "2020s", "12345", "é", "-05", "-12", "-1", "2019-05-05", "May 5", "5 May", " of "}
	texts = append(texts, randomTexts(toks, 3, 9, 100000)...)
	p, plain := patterns(), plainPatterns()
	cases := []struct {
		re, at *regexp.Regexp
		opens  func(string, int) bool
	}{{plain.iso, p.isoAt, opensDigit}, {plain.date, p.dateAt, opensMonth}, {plain.dateDM, p.dateDMAt, opensDigit},
		{plain.monthYear, p.monthYearAt, opensMonth}, {plain.year, p.yearAt, opensYear}}
	for _, s := range texts {
		wins := digitWindows(s, 14, 16, 12)
		for k, c := range cases {
			got, want := anchoredMatches(c.at, c.opens, s, wins), windowMatches(c.re, s, wins)
			if len(got) != len(want) {
				t.Fatalf("pattern %d, %q: %v, want %v", k, s, got, want)
			}
			for j := range got {
				if !slices.Equal(got[j], want[j]) {
					t.Fatalf("pattern %d, %q: %v, want %v", k, s, got, want)
				}
			}
		}
	}
}

// TestExtractTimesAsPattern keeps ExtractTimes, which tries the anchored
// time pattern at digits, equal to the pattern's FindAll.
func TestExtractTimesAsPattern(t *testing.T) {
	toks := []string{"10", "1", "7", "22", "23", "24", "09", ":", ".", ":15", ":30", ".15", ":5", " ", "a", "p", "A",
		"P", "m", "M", ".", "am", "pm", "a.m.", "p.m.", " a.m.", "AM", "x", "_", "-", "é", "at", "on"}
	texts := []string{"", "10:15 p.m.", "22:15:30", "10.15am", "7 AM", "3:1", "10.15", "x10:15", "_10:15", "10:15x"}
	texts = append(texts, seedTexts(false)...)
	texts = append(texts, randomTexts(toks, 5, 7, 100000)...)
	n := 0
	for _, s := range texts {
		got := ExtractTimes(s)
		var want [][]int
		if mayHoldTime(s) && mayMatchTime(s) {
			want = timePattern().FindAllStringIndex(s, -1)
		}
		if len(got) != len(want) {
			t.Fatalf("%q: %v, want %v", s, got, want)
		}
		for k := range got {
			if got[k].Start != want[k][0] || got[k].End != want[k][1] {
				t.Fatalf("%q: %v, want %v", s, got, want)
			}
		}
		n += len(got)
	}
	if n < 1000 {
		t.Errorf("only %d times", n)
	}
}

// randomTexts returns n strings of 1 to most-1 tokens each, drawn by a
// xorshift generator from seed: the same strings on every run.
func randomTexts(toks []string, seed uint64, most, n int) []string {
	out := make([]string, 0, n)
	rng := seed
	for range n {
		var b strings.Builder
		for range 1 + int(rng%uint64(most)) {
			rng ^= rng << 13
			rng ^= rng >> 7
			rng ^= rng << 17
			b.WriteString(toks[rng%uint64(len(toks))])
		}
		out = append(out, b.String())
	}
	return out
}

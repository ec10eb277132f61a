package compare

import (
	"slices"
	"strings"
	"testing"
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

// terms returns the terms a fresh analyzer gives a sentence.
func terms(t *testing.T, s string, acrText ...string) []string {
	t.Helper()
	lx, err := defaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	acr := map[string][]acronym{}
	for _, a := range acrText {
		findAcronyms(a, acr)
	}
	return newAnalyzer(lx, acr).analyze(s).terms
}

func TestAliases(t *testing.T) {
	tests := []struct {
		in   string
		want string // a term the sentence must have
	}{
		{"The United States withdrew.", "@us"},
		{"The U.S. withdrew.", "@us"},
		{"The US withdrew.", "@us"},
		{"Washington withdrew.", "@us"},
		{"American officials spoke.", "@us"},
		{"Russia denied it.", "@russia"},
		{"Moscow denied it.", "@russia"},
		{"Russian diplomats denied it.", "@russia"},
		{"Moscow's position", "@russia"},
		{"the Soviet Union and", "@ussr"},
		{"Foreign Minister Sergey Lavrov", "@sergei"},
		{"Foreign Minister Sergei Lavrov", "@sergei"},
		{"in the Asia-Pacific region", "@asia-pacific"},
		{"Japan and South Korea were mentioned", "@south-korea"},
		{"the North Atlantic Alliance has not", "@nato"},
	}
	for _, tt := range tests {
		if got := terms(t, tt.in); !slices.Contains(got, tt.want) {
			t.Errorf("terms(%q) = %q, want %q among them", tt.in, got, tt.want)
		}
	}
	// "us" the pronoun is not the United States.
	if got := terms(t, "They told us about it."); slices.Contains(got, "@us") {
		t.Errorf("the pronoun 'us' was read as the United States: %q", got)
	}
	table, err := Aliases("")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, a := range table {
		if a.ID == "russia" && a.Country == "RU" && slices.Contains(a.Names, "Moscow") {
			found = true
		}
	}
	if !found {
		t.Error("Aliases() lacks russia → RU with Moscow")
	}
}

func TestReadAliasesMerge(t *testing.T) {
	base, err := ReadAliases(strings.NewReader("us\tcountry\tUS\tUnited States|US\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	got, err := ReadAliases(strings.NewReader("# user\nus\t\t\tUncle Sam\nkr\tcountry\tKR\tSeoul\n"), base)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || !slices.Contains(got[0].Names, "Uncle Sam") || got[0].Country != "US" {
		t.Errorf("merged aliases = %+v", got)
	}
	if _, err := ReadAliases(strings.NewReader("bad line\n"), nil); err == nil {
		t.Error("a line without tabs was accepted")
	}
}

func TestSpelling(t *testing.T) {
	lx, err := defaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string]string{
		"kilometres": "kilometers", "defence": "defense", "centre": "center", "programme": "program",
		"organisation": "organization", "millimetres": "millimeters", "colour": "color", "kilometers": "kilometers",
	}
	for in, want := range tests {
		if got := lx.spell(in); got != want {
			t.Errorf("spell(%q) = %q, want %q", in, got, want)
		}
	}
	// British and American spellings give the same terms.
	a := terms(t, "Defence ministers met at the centre, 500 kilometres away.")
	b := terms(t, "Defense ministers met at the center, 500 kilometers away.")
	if !slices.Equal(a, b) {
		t.Errorf("terms differ: %q vs %q", a, b)
	}
}

func TestAcronymsDefinedInText(t *testing.T) {
	def := "Washington's withdrawal from the Intermediate-Range Nuclear Forces (INF) Treaty."
	a := terms(t, "Lavrov referred to the Intermediate-Range Nuclear Forces Treaty.", def)
	b := terms(t, "Lavrov referred to the INF treaty.", def)
	if !slices.Contains(a, "inf") || !slices.Contains(b, "inf") {
		t.Errorf("the acronym was not applied: %q / %q", a, b)
	}
	acr := map[string][]acronym{}
	findAcronyms("the Organization for Security and Co-operation in Europe (OSCE) met", acr)
	if len(acr["organization"]) != 1 || acr["organization"][0].term != "osce" {
		t.Errorf("OSCE expansion not found: %+v", acr)
	}
	acr = map[string][]acronym{}
	findAcronyms("shorter-range missiles (IRBMs) and", acr)
	if len(acr) != 0 {
		t.Errorf("initials that do not spell the acronym were accepted: %+v", acr)
	}
}

func TestStemmingAndStopWords(t *testing.T) {
	a := terms(t, "The missiles were deployed in Europe.")
	b := terms(t, "Deploying a missile in Europe.")
	if !slices.Equal(a, b) {
		t.Errorf("inflections differ: %q vs %q", a, b)
	}
	if got := terms(t, "It was the one that they had."); len(got) != 0 {
		t.Errorf("stop words kept: %q", got)
	}
}

func TestNameSimilarity(t *testing.T) {
	if s := jaroWinkler("lavrov", "lavorv"); s < 0.88 {
		t.Errorf("jaroWinkler(lavrov, lavorv) = %.3f, want ≥ 0.88", s)
	}
	if s := jaroWinkler("lavrov", "shoigu"); s > 0.6 {
		t.Errorf("jaroWinkler(lavrov, shoigu) = %.3f, want low", s)
	}
}

func TestMatcherScore(t *testing.T) {
	m, err := NewMatcher(nil, "")
	if err != nil {
		t.Fatal(err)
	}
	same, ev := m.Score("The INF treaty was signed in 1987 by the US and the Soviet Union.",
		"The INF accord, signed by the Soviet Union and the United States on December 8, 1987, took effect on June 1, 1988.")
	other, _ := m.Score("The INF treaty was signed in 1987 by the US and the Soviet Union.",
		"Farmers said more than 5,000 farms had been flooded.")
	if same <= other {
		t.Errorf("paraphrase scored %.3f, unrelated %.3f", same, other)
	}
	if !slices.Contains(ev.Dates, "1987") || len(ev.Terms) == 0 {
		t.Errorf("evidence lacks the shared year or terms: %+v", ev)
	}
	q, ev := m.Score(`He said "we will not deploy such systems in a region first" on Monday.`,
		`Lavrov repeated: "We will not deploy such systems in any region first."`)
	if ev.Quote == "" {
		t.Errorf("shared quotation not found (score %.3f): %+v", q, ev)
	}
}

func TestReadPairs(t *testing.T) {
	in := "\ufeffQuality\t#1 ID\t#2 ID\t#1 String\t#2 String\r\n1\t1\t2\tA b.\tA c.\r\n0\t3\t4\tX.\tY.\n"
	ps, err := ReadPairs(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 2 || ps[0].Label != 1 || ps[0].A != "A b." || ps[1].B != "Y." {
		t.Errorf("ReadPairs = %+v", ps)
	}
	ps, err = ReadPairs(strings.NewReader("one\ttwo\n"))
	if err != nil || len(ps) != 1 || ps[0].Label != -1 {
		t.Errorf("plain pairs = %+v, %v", ps, err)
	}
	if _, err := ReadPairs(strings.NewReader("a\tb\tc\td\n")); err == nil {
		t.Error("four fields accepted")
	}
}

func TestEvaluateAndThreshold(t *testing.T) {
	m := Evaluate([]bool{true, true, false, false}, []int{1, 0, 1, 0})
	if m.Accuracy != 0.5 || m.Precision != 0.5 || m.Recall != 0.5 {
		t.Errorf("Evaluate = %+v", m)
	}
	th := BestThreshold([]float64{0.1, 0.2, 0.8, 0.9}, []int{0, 0, 1, 1})
	if th <= 0.2 || th >= 0.8 {
		t.Errorf("BestThreshold = %.3f, want between 0.2 and 0.8", th)
	}
}

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

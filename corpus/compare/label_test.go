package compare

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"github.com/parallax-reader/parallax/corpus/lang"

	"github.com/parallax-reader/parallax/corpus"
)

func TestDropReporting(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"The minister said on Monday that the talks would resume in March", "the talks would resume in March"},
		{"According to the ministry, the plant was closed last week", "According to the ministry, the plant was closed last week"},
		{"Officials told reporters that prices had risen sharply", "prices had risen sharply"},
		{"He said that it was over", "He said that it was over"}, // too short a rest
		{"Prices rose by 5% in June", "Prices rose by 5% in June"},
		{"said he felt certain shifts in how they see it", "he felt certain shifts in how they see it"},
	} {
		if got := dropReporting(c.in); got != c.want {
			t.Errorf("dropReporting(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSplitClauses(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Japan, South Korea and some islands are the likeliest hosts, the report said; the range is 5,500 km.",
			"Japan, South Korea and some islands are the likeliest hosts|the report said; the range is 5,500 km."},
		// A time of day is not two clauses.
		{"Four cruise missiles struck the Zarichny district at about 5:40 a.m. on Tuesday, hitting the depot.",
			"Four cruise missiles struck the Zarichny district at about 5:40 a.m. on Tuesday, hitting the depot."},
		// A short parenthesis is a gloss, not a clause.
		{"Late Friday, a strong earthquake hit the country 77 kilometers (48 miles) southwest of the capital.",
			"Late Friday, a strong earthquake hit the country 77 kilometers (48 miles) southwest of the capital."},
		// A long one is a clause of its own.
		{"The Intermediate-Range Nuclear Forces (INF) treaty was signed in 1987 (by the United States and the Soviet Union) and lapsed in 2019.",
			"The Intermediate-Range Nuclear Forces (INF) treaty was signed in 1987|by the United States and the Soviet Union) and lapsed in 2019."},
	} {
		if got := strings.Join(splitClauses(c.in), "|"); got != c.want {
			t.Errorf("splitClauses(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestOpensClause(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"The talks resumed in Geneva on Monday", true},
		{"27, who is considered armed and dangerous", false}, // an age and a relative clause: the name's
		{"27 people were hurt in the blast", true},
		{"which would violate the old treaty", false},
		{"Fla., where the plan to break in was made", false},
	} {
		if got := opensClause(c.in); got != c.want {
			t.Errorf("opensClause(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestCutAfterReporting(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"Governor Ilse Marant said inflation", true},
		{"Larry Kroon of the Wasilla Bible Church said Saturday", true},
		{"Last night, Rosenthal reported that", true},
		{"The minister said the talks would resume in March", false},
		{"Prices rose by 5% in June", false},
	} {
		if got := cutAfterReporting(c.in); got != c.want {
			t.Errorf("cutAfterReporting(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestDropTrailingAttribution(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`and which violate the parameters that were in the INF Treaty," Lavrov said.`, "and which violate the parameters that were in the INF Treaty"},
		{"the talks will resume in May, the foreign ministry said", "the talks will resume in May"},
		{"The top diplomat went on to say:", "The top diplomat went on to say:"},
		{"Talks resumed, officials from both of the countries at the table finally said", "Talks resumed, officials from both of the countries at the table finally said"},
	} {
		if got := dropTrailingAttribution(c.in); got != c.want {
			t.Errorf("dropTrailingAttribution(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestLabels checks that fact labels of the seed and held-out corpora read
// as a claim: short, capitalised, not a bag of words or a bare attribution,
// not opening inside a clause, and different for every fact of a story.
func TestLabels(t *testing.T) {
	r, err := Analyze(context.Background(), corpus.Default(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	facts := r.Facts
	for _, st := range heldOutStories {
		held, err := corpus.Load("../../testdata/" + st.dir + "/articles")
		if err != nil {
			t.Fatal(err)
		}
		rh, err := Analyze(context.Background(), held, Options{})
		if err != nil {
			t.Fatal(err)
		}
		facts = append(facts, rh.Facts...)
	}
	seen := map[string]string{}
	for _, f := range facts {
		if other, ok := seen[f.Story+"\n"+f.Label]; ok {
			t.Errorf("facts %s and %s have the same label %q", other, f.ID, f.Label)
		}
		seen[f.Story+"\n"+f.Label] = f.ID
		n := utf8.RuneCountInString(f.Label)
		if n == 0 || n > labelLen+1 || strings.Contains(f.Label, " · ") {
			t.Errorf("label %q: want a clause of at most %d characters", f.Label, labelLen)
		}
		if w, _, _ := strings.Cut(f.Label, " "); clauseJoiners[strings.ToLower(w)] || isReporting(strings.ToLower(w)) {
			t.Errorf("label %q opens with the word that joined its clause", f.Label)
		}
		if strings.Count(f.Label, "(") != strings.Count(f.Label, ")") && !strings.HasSuffix(f.Label, "…") {
			t.Errorf("label %q opens or closes a bracket it does not hold", f.Label)
		}
		for _, v := range reportingVerbs() {
			if strings.HasSuffix(strings.ToLower(strings.TrimRight(f.Label, "…")), " "+v) {
				t.Errorf("label %q is an attribution, not a claim", f.Label)
			}
		}
	}
}

// FuzzLabelText checks that the label text helpers never panic and keep
// their output within the input.
func FuzzLabelText(f *testing.F) {
	f.Add("Lavrov said on Monday that the talks, which began in 1987, would resume.")
	f.Add("Also, ,,; — (x) said that")
	f.Add(`and which violate the parameters," Lavrov said.`)
	f.Fuzz(func(t *testing.T, s string) {
		for _, c := range splitClauses(s) {
			if !strings.Contains(s, c) {
				t.Fatalf("clause %q not in %q", c, s)
			}
			if d := dropReporting(c); !strings.HasSuffix(c, d) {
				t.Fatalf("dropReporting(%q) = %q, not a suffix", c, d)
			}
			if d := dropTrailingAttribution(c); !strings.HasPrefix(c, d) {
				t.Fatalf("dropTrailingAttribution(%q) = %q, not a prefix", c, d)
			}
		}
		_ = trimTo(s, labelLen)
	})
}

func TestDiscrepancyDistinct(t *testing.T) {
	d := Discrepancy{What: "people", Values: []Value{
		{Article: "a", Outlet: "Sputnik", Value: "1,300 people", Text: "one"},
		{Article: "a", Outlet: "Sputnik", Value: "1,300 people", Text: "two"},
		{Article: "b", Outlet: "TRT World", Value: "2,012 people", Text: "three"},
		{Article: "a", Outlet: "Sputnik", Value: "1,800 people", Text: "four"},
	}}
	var got []string
	for _, v := range d.Distinct() {
		got = append(got, v.Outlet+" "+v.Value+" "+v.Text)
	}
	want := []string{"Sputnik 1,300 people one", "TRT World 2,012 people three", "Sputnik 1,800 people four"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Distinct = %q, want %q", got, want)
	}
}

// TestEvidenceNamesAreNames checks that the evidence lists months,
// weekdays and concept words ("Treaty" in "INF Treaty") as terms, not
// names, however the sentences capitalise them.
func TestEvidenceNamesAreNames(t *testing.T) {
	r, err := Analyze(context.Background(), corpus.Default(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	lx, err := defaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range r.Facts {
		for _, m := range f.Members {
			for _, n := range m.Evidence.Names {
				if calendarWord(strings.ToLower(n)) {
					t.Errorf("fact %s: %q listed as a name", f.ID, n)
				}
				if w, ok := lx.concepts[english.Stem(strings.ToLower(n), false)]; ok {
					t.Errorf("fact %s: %q (concept %s) listed as a name", f.ID, n, w)
				}
			}
		}
	}
}

// TestEvidenceNamesAsWritten checks that each name a member's evidence
// gives is written in that member's sentence ("MOSCOW", not the "Russia"
// of another sentence), on the embedded corpus and the held-out stories.
func TestEvidenceNamesAsWritten(t *testing.T) {
	cs := []*corpus.Corpus{corpus.Default()}
	for _, st := range heldOutStories {
		c, err := corpus.Load("../../testdata/" + st.dir + "/articles")
		if err != nil {
			t.Fatal(err)
		}
		cs = append(cs, c)
	}
	for _, c := range cs {
		r, err := Analyze(context.Background(), c, Options{})
		if err != nil {
			t.Fatal(err)
		}
		bad, all := 0, 0
		for _, f := range r.Facts {
			for _, m := range f.Members {
				for _, n := range m.Evidence.Names {
					all++
					if !strings.Contains(strings.ToLower(m.Text), strings.ToLower(n)) {
						bad++
						if bad <= 5 {
							t.Logf("fact %s: name %q not in %q", f.ID, n, m.Text)
						}
					}
				}
			}
		}
		// A name spelt another way in this sentence ("Sergey" for
		// "Sergei" by transliteration, not through the alias table) may
		// still show the other spelling: allow a few.
		if bad*20 > all {
			t.Errorf("%s: %d of %d evidence names are not written in their sentence", c.Name, bad, all)
		}
	}
}

// writeArticles writes Markdown articles (outlet, title, body) into a new
// folder and loads it.
func writeArticles(t *testing.T, arts ...[3]string) *corpus.Corpus {
	t.Helper()
	dir := t.TempDir()
	for i, a := range arts {
		text := fmt.Sprintf("---\noutlet: %s\ntitle: %s\n---\n\n%s\n", a[0], a[1], a[2])
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%d.md", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c, err := corpus.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestOneSharedWordIsNoFact checks that two short sentences sharing one
// word ("Some story" / "Another story") are not a fact, while the body
// sentences stating the same claim are.
func TestOneSharedWordIsNoFact(t *testing.T) {
	// Pasted text: the first line is the headline, a sentence of its own.
	dir := t.TempDir()
	for name, text := range map[string]string{
		"one.txt": "Some story\n\nThe INF Treaty banned ground-launched missiles with a range of 500 to 5,500 km, officials said on Monday.\n",
		"two.txt": "Another story\n\nThe INF Treaty banned ground-launched missiles with a range of 500 to 5,500 kilometres, officials said Monday.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c, err := corpus.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Analyze(context.Background(), c, Options{})
	if err != nil {
		t.Fatal(err)
	}
	body := false
	for _, f := range r.Facts {
		for _, m := range f.Members {
			if strings.Contains(m.Text, "story") {
				t.Errorf("fact %q links the headlines: %+v", f.Label, f.Members)
			}
			body = body || strings.Contains(m.Text, "banned")
		}
	}
	if !body {
		t.Errorf("the body sentences stating one claim are in no fact: %+v", r.Facts)
	}
}

// TestEvidenceTermsAsRunningText checks that the evidence lists a concept
// by its own name ("treaty", whichever of accord, pact or treaty the
// sentences use) and a word as running text writes it ("missile", not the
// "Missiles" of the first headline that used it).
func TestEvidenceTermsAsRunningText(t *testing.T) {
	c := writeArticles(t,
		[3]string{"Outlet One", "Missiles Banned By The Pact", "The pact bans intermediate-range missiles from Europe, officials in Vienna said."},
		[3]string{"Outlet Two", "Accord On Missiles", "The accord bans intermediate-range missiles from Europe, officials in Vienna said on Monday."},
	)
	r, err := Analyze(context.Background(), c, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var terms []string
	for _, f := range r.Facts {
		for _, m := range f.Members {
			if strings.Contains(m.Text, "bans") {
				terms = append(terms, m.Evidence.Terms...)
			}
		}
	}
	if !slices.Contains(terms, "treaty") || !slices.Contains(terms, "missile") {
		t.Errorf("evidence terms of the two body sentences = %q, want the concepts treaty and missile by name", terms)
	}
	for _, w := range terms {
		if w == "pact" || w == "accord" || w == "Missiles" {
			t.Errorf("evidence term %q: want the concept's name", w)
		}
	}
}

// TestLabelSkipsTheDateline checks that a fact's label does not open with
// the dateline of its sentence ("DERNA, Libya —").
func TestLabelSkipsTheDateline(t *testing.T) {
	c := writeArticles(t,
		[3]string{"Wire A", "Dam bursts", "DERNA, Libya — At least 42 people were killed when a dam burst above Derna on Monday, officials said."},
		[3]string{"Wire B", "Dam collapse", "DERNA (AFP) - At least 42 people were killed after a dam burst above the city of Derna on Monday."},
	)
	r, err := Analyze(context.Background(), c, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Facts) != 1 {
		t.Fatalf("%d facts, want 1", len(r.Facts))
	}
	if l := r.Facts[0].Label; !strings.HasPrefix(l, "At least 42") {
		t.Errorf("label %q, want it to open with the claim", l)
	}
}

// TestLabelsAreClaims checks every fact label of the embedded and
// held-out corpora: taken from a body sentence when the fact has one (a
// headline or sub-heading is a fragment), and not a scrap of a clause
// (five words at least, unless the whole sentence is shorter).
func TestLabelsAreClaims(t *testing.T) {
	corpora := []*corpus.Corpus{corpus.Default()}
	for _, dir := range []string{"../../testdata/heldout/articles", "../../testdata/heldout2/articles", "../../testdata/lookalike2/articles"} {
		c, err := corpus.Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		corpora = append(corpora, c)
	}
	for _, c := range corpora {
		r, err := Analyze(context.Background(), c, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range r.Facts {
			core := strings.ToLower(strings.TrimSuffix(f.Label, "…"))
			inBody, hasBody, shortest := false, false, 1000
			for _, m := range f.Members {
				a := c.Article(m.Article)
				if a.Sentences[m.Sentence].Role != corpus.RoleBody {
					continue
				}
				hasBody = true
				inBody = inBody || strings.Contains(strings.ToLower(m.Text), core)
				shortest = min(shortest, len(strings.Fields(m.Text)))
			}
			if hasBody && !inBody {
				t.Errorf("%s: label %q is not from a body sentence", f.ID, f.Label)
			}
			if n := len(strings.Fields(f.Label)); n < 5 && n < shortest {
				t.Errorf("%s: label %q is a scrap of a clause", f.ID, f.Label)
			}
			if !strings.HasSuffix(f.Label, "…") && (cutAfterReporting(f.Label) || endsInReporting(f.Label)) {
				t.Errorf("%s: label %q ends in its attribution, or stops just after its verb of saying", f.ID, f.Label)
			}
		}
	}
}

func TestWithPredicates(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		// A subject set off by commas gets its predicate.
		{"Teixeira, who turns 29 on April 11, has averaged more than 30 home runs in his six seasons.",
			"Teixeira, who turns 29 on April 11, has averaged more than 30 home runs in his six seasons."},
		{"Ortiz, a gang enforcement officer for the department, was searching for the suspect at the time.",
			"Ortiz, a gang enforcement officer for the department, was searching for the suspect at the time."},
		// An apposition the splitter left before the predicate.
		{"Police Chief Scott Russell, 46, was injured and was in stable but critical condition.",
			"Police Chief Scott Russell, 46, was injured and was in stable but critical condition."},
		// An attribution, a relative clause after a whole one, a
		// participle: not predicates.
		{"Ortiz was shot in the head near the door, said Larry Waldie of the coroner's office.",
			"Ortiz was shot in the head near the door|said Larry Waldie of the coroner's office."},
		{"The United States will deploy the missiles in Europe, which would violate the old treaty.",
			"The United States will deploy the missiles in Europe|which would violate the old treaty."},
	} {
		if got := strings.Join(withPredicates(c.in, splitClauses(c.in)), "|"); got != c.want {
			t.Errorf("withPredicates(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// On ECB+'s 2,000 facts no label is a relative clause cut from its
// subject ("Who turns 29 on April 11", "Whose family amassed…") or ends
// in its attribution ("God approves of nudity," she said).
func TestLabelsKeepTheirSubject(t *testing.T) {
	c, err := ecb()
	if err != nil {
		t.Fatal(err)
	}
	r, err := Analyze(context.Background(), c, Options{NoMisses: true})
	if err != nil {
		t.Fatal(err)
	}
	bad := 0
	for _, f := range r.Facts {
		w, _, _ := strings.Cut(f.Label, " ")
		switch strings.ToLower(strings.TrimRight(w, ",")) {
		case "who", "whom", "whose", "which":
			bad++
			t.Errorf("%s: label %q is a relative clause without its subject", f.ID, f.Label)
		}
		if ws := strings.Fields(f.Label); !strings.HasSuffix(f.Label, "…") && endsInReporting(f.Label) &&
			(len(ws) < 2 || !slices.Contains([]string{"was", "were", "is", "are", "been", "be"}, ws[len(ws)-2])) { // not "No injuries were reported"
			bad++
			t.Errorf("%s: label %q ends in its attribution", f.ID, f.Label)
		}
	}
	t.Logf("%d facts, %d labels without their subject", len(r.Facts), bad)
}

// TestDropReportingAsSearch checks dropReporting's one pass over the
// words against the search it replaced, a strings.Index per verb.
func TestDropReportingAsSearch(t *testing.T) {
	// dropReporting marks the verbs it met in the bits of one uint64.
	if n := len(reportingVerbs()); n > 64 {
		t.Fatalf("%d verbs of attribution: dropReporting's set of verbs met holds 64", n)
	}
	search := func(s string) string {
		low := lang.ASCIILower(s)
		cut := -1
		for _, v := range reportingVerbs() {
			i := strings.Index(low, v+" ")
			for i > 0 && low[i-1] != ' ' {
				j := strings.Index(low[i+1:], v+" ")
				if j < 0 {
					i = -1
					break
				}
				i += 1 + j
			}
			if i < 0 {
				continue
			}
			end := i + len(v) + 1
			if k := strings.Index(low[end:], "that "); k >= 0 && k <= 30 {
				end += k + len("that ")
			} else if i > 0 {
				continue
			}
			if cut < 0 || end < cut {
				cut = end
			}
		}
		if cut < 0 || len(s)-cut < 20 {
			return s
		}
		return s[cut:]
	}
	cases := []string{
		"Lavrov said on Monday that Russia would not deploy the missiles.",
		"said he felt the talks had failed and would not resume soon",
		"The ministry unsaid that; officials resaid that says nothing at all here.",
		"Officials pointed out that the  bridge, which said  nothing, had been closed for weeks.",
		"pointed out that the bridge had been closed for weeks by the city",
		"Experts pointed outward, saying that the figures warned of worse to come.",
		"He told reporters in Kyiv that the ceasefire, he says, told nobody anything.",
		"noting  that the army had stressed that the town was safe, she added that it was not",
		"",
		"said",
	}
	for _, c := range cases {
		if got, want := dropReporting(c), search(c); got != want {
			t.Errorf("dropReporting(%q) = %q, the search gives %q", c, got, want)
		}
	}
}

// TestTrimToAsRunes checks trimTo against cutting the runes of the text.
func TestTrimToAsRunes(t *testing.T) {
	old := func(s string, n int) string {
		r := []rune(s)
		if len(r) <= n {
			return s
		}
		cut := string(r[:n])
		if i := strings.LastIndex(cut, " "); i > n/2 {
			cut = cut[:i]
		}
		return strings.TrimRight(cut, " ,;:") + "…"
	}
	texts := []string{"", "short", strings.Repeat("ab ", 40), strings.Repeat("é ü", 30), "x\xff" + strings.Repeat("word ", 20),
		strings.Repeat("word ", 11) + "\xffend of it all", strings.Repeat("“quoted”, ", 10)}
	for _, s := range texts {
		for _, n := range []int{0, 1, 10, 60} {
			if got, want := trimTo(s, n), old(s, n); got != want {
				t.Errorf("trimTo(%q, %d) = %q, want %q", s, n, got, want)
			}
		}
	}
}

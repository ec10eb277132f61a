package library

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestDiffVersions(t *testing.T) {
	ctx := context.Background()
	l := openTemp(t)
	p := filepath.Join(t.TempDir(), "a.txt")
	v1 := "Talks end without a deal\n\n" +
		"The minister said 12 soldiers were wounded in the clash on Friday near the border crossing.\n\n" +
		"The delegation of 40 people left the capital on Saturday morning after the meeting ended.\n\n" +
		"Officials described the atmosphere as tense but businesslike throughout the long session.\n\n" +
		"\"We will not accept these terms,\" the spokesman said after the vote in parliament.\n\n" +
		"Observers from three countries monitored the crossing during the whole week of talks.\n"
	v2 := "Talks end without a deal\n\n" +
		"The minister said 15 soldiers were wounded in the clash on Sunday near the border crossing.\n\n" +
		"Officials described the atmosphere as tense but businesslike throughout the long session.\n\n" +
		"The delegation of 40 people left the capital on Saturday morning after the meeting ended.\n\n" +
		"\"We may accept some of these terms,\" Ivan Petrov said after the vote in parliament.\n\n" +
		"A second round is planned for March in a neutral country chosen by both sides.\n"
	for _, text := range []string{v1, v2} {
		os.WriteFile(p, []byte(text), 0o644)
		if _, err := l.AddFiles(ctx, []string{p}); err != nil {
			t.Fatal(err)
		}
	}
	infos, _ := l.infos(ctx, "")
	id := infos[0].ID
	vs, err := l.Versions(ctx, id)
	if err != nil || len(vs) != 2 {
		t.Fatalf("versions: %v %+v", err, vs)
	}
	d, err := l.Diff(ctx, id, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string][]Change{}
	for _, c := range d.Changes {
		kinds[c.Kind] = append(kinds[c.Kind], c)
	}
	if len(kinds[ChangeEdited]) != 2 || len(kinds[ChangeAdded]) != 1 || len(kinds[ChangeDeleted]) != 1 || len(kinds[ChangeMoved]) != 1 {
		for _, c := range d.Changes {
			t.Logf("%s %+v %+v", c.Kind, c.Old, c.New)
		}
		t.Fatalf("changes by kind: %d edited, %d added, %d deleted, %d moved; want 2, 1, 1, 1",
			len(kinds[ChangeEdited]), len(kinds[ChangeAdded]), len(kinds[ChangeDeleted]), len(kinds[ChangeMoved]))
	}
	flags := map[string]Flag{}
	for _, c := range kinds[ChangeEdited] {
		for _, f := range c.Flags {
			flags[f.What] = f
		}
	}
	if f := flags["number"]; !strings.HasPrefix(f.Old, "12") || !strings.HasPrefix(f.New, "15") {
		t.Errorf("number flag %+v, want 12 → 15", f)
	}
	if f := flags["date"]; !strings.Contains(f.Old, "Friday") || !strings.Contains(f.New, "Sunday") {
		t.Errorf("date flag %+v, want Friday → Sunday", f)
	}
	if _, ok := flags["quote"]; !ok {
		t.Error("the changed quote is not flagged")
	}
	if f := flags["attribution"]; !strings.Contains(f.New, "Ivan Petrov") {
		t.Errorf("attribution flag %+v, want Ivan Petrov", f)
	}
	var words string
	for _, w := range kinds[ChangeEdited][0].Words {
		switch w.Op {
		case "delete":
			words += "[-" + w.Text + "-]"
		case "insert":
			words += "{+" + w.Text + "+}"
		default:
			words += w.Text
		}
	}
	if !strings.Contains(words, "[-12-]{+15+}") {
		t.Errorf("word diff %q lacks [-12-]{+15+}", words)
	}
}

// TestNumberFlagsPairInPlace: a toll written out in words and edited to
// digits is a changed number, and as many numbers as went came, so each
// is paired with the one in its place.
func TestNumberFlagsPairInPlace(t *testing.T) {
	got := flagChanges("At least eight people were killed and 25 wounded on Tuesday.",
		"At least 11 people were killed and 31 wounded on Tuesday.")
	var nums []string
	for _, f := range got {
		if f.What == "number" {
			nums = append(nums, f.Old+" → "+f.New)
		}
	}
	if want := []string{"8 people → 11 people", "25 → 31"}; !slices.Equal(nums, want) {
		t.Errorf("number flags %q, want %q (all flags %+v)", nums, want, got)
	}
}

// TestTimesOfDayAreDatesNotNumbers: a time of day is part of when, never
// its hour and minutes as numbers; a year, day or month inside a date is
// not a number either.
func TestTimesOfDayAreDatesNotNumbers(t *testing.T) {
	flags := func(a, b string) []string {
		var out []string
		for _, f := range flagChanges(a, b) {
			out = append(out, f.What+": "+f.Old+" → "+f.New)
		}
		return out
	}
	for _, tc := range []struct {
		a, b string
		want []string
	}{
		{"At 10:15 p.m. on Friday, 6 people were hurt on December 19.", "",
			[]string{"number: 6 people → ", "date: 10:15 p.m.; Friday; December 19 → "}},
		{"The blast came at 22:15 and 6 people were hurt.", "The blast came at 23:40 and 6 people were hurt.",
			[]string{"date: 22:15 → 23:40"}},
		{"Police said the blast came at 10:15 p.m.", "Police said the blast came at 10:15 p.m. local time.", nil},
		{"6 people were hurt at 10 p.m. on December 19, 2025, police said.", "6 people were hurt at 7 a.m. on December 19, 2025, police said.",
			[]string{"date: 10 p.m. → 7 a.m."}},
		{"The vote on 2025-12-19 at 10.15am gave 52.5 percent.", "",
			[]string{"number: 52.5 percent → ", "date: 2025-12-19; 10.15am → "}},
		{"On 19 December 2025, 12 soldiers were wounded.", "On 20 December 2025, 12 soldiers were wounded.",
			[]string{"date: 19 December 2025 → 20 December 2025"}},
		{"The fund grew 10.15 percent.", "The fund grew 10.25 percent.",
			[]string{"number: 10.15 percent → 10.25 percent"}},
	} {
		if got := flags(tc.a, tc.b); !slices.Equal(got, tc.want) {
			t.Errorf("flagChanges(%q, %q)\n got %q\nwant %q", tc.a, tc.b, got, tc.want)
		}
	}
}

package cli

import (
	"database/sql"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// The two-coder session of docs/agreement.md, on the embedded corpus:
// anna codes the TASS and Tasnim articles, ben the TASS article only.
const tass = "003_901c7662e3582013"

var annaTags = [][]string{
	{tass, "The United States has presented no satellite images", "blame/us"},
	{tass, "our American colleagues were only busy searching for pretexts", "blame/us"},
	{tass, "were rejected rather arrogantly", "blame/us"},
	{tass, "Moscow firmly dismissed all accusations", "denial"},
	{tass, "Russia rejected these demands", "denial"},
	{tass, "particularly destructive is the stance of the United States", "blame/us"},
	{"000_d4373ea2e64dc0f0", "US Openly Paves Way", "blame/us"},
}

var benTags = [][]string{
	{tass, "has presented no satellite images to back up its allegations", "blame/us"},
	{tass, "our American colleagues were only busy searching for pretexts", "blame/us"},
	{tass, "Moscow firmly dismissed all accusations", "denial"},
	{tass, "Russia rejected these demands", "denial"},
	{tass, "Seoul said it had never heard such speculations", "denial"},
	{tass, "particularly destructive is the stance of the United States", "blame/us", "loaded language"},
}

// sharedCodebook is the codebook.csv of docs/agreement.md that anna and
// ben start from.
const sharedCodebook = `name,colour,description,parent
blame,#e15759,Who is held responsible,
blame/us,#f28e2b,The United States is blamed,blame
denial,#76b7b2,An accusation is denied,
loaded language,#59a14f,"Words chosen for their charge, not their content",
`

// codingSession does what anna and ben do in docs/agreement.md: each adds
// the shared codebook to a notes file of their own, then tags with
// --coder. It returns their notes files.
func codingSession(t *testing.T) (string, string) {
	t.Helper()
	t.Setenv("PARALLAX_CONFIG_DIR", t.TempDir())
	dir := t.TempDir()
	anna, ben := filepath.Join(dir, "anna.db"), filepath.Join(dir, "ben.db")
	csv := filepath.Join(dir, "codebook.csv")
	if err := os.WriteFile(csv, []byte(sharedCodebook), 0o644); err != nil {
		t.Fatal(err)
	}
	for file, tags := range map[string][][]string{anna: annaTags, ben: benTags} {
		coder := strings.TrimSuffix(filepath.Base(file), ".db")
		if out, errOut, code := runCLI(t, "notes", "--coder", coder, "--notes", file, "--import-codebook", csv); code != 0 {
			t.Fatalf("import the codebook: exit %d\n%s%s", code, out, errOut)
		}
		for _, tg := range tags {
			args := []string{"tag", "--coder", coder, "--notes", file, "--article", tg[0], "--quote", tg[1]}
			for _, code := range tg[2:] {
				args = append(args, "--tag", code)
			}
			if out, errOut, code := runCLI(t, args...); code != 0 {
				t.Fatalf("%v: exit %d\n%s%s", args, code, out, errOut)
			}
		}
	}
	return anna, ben
}

type coefJSON struct {
	Value     *float64 `json:"value"`
	Units     int      `json:"units"`
	Undefined string   `json:"undefined"`
}

type agreementRowJSON struct {
	Code     string    `json:"code"`
	Units    int       `json:"units"`
	Coders   int       `json:"coders"`
	Applied  []int     `json:"applied"`
	Percent  *coefJSON `json:"percent_agreement"`
	Cohen    *coefJSON `json:"cohen_kappa"`
	Fleiss   *coefJSON `json:"fleiss_kappa"`
	Alpha    *coefJSON `json:"krippendorff_alpha"`
	Unitized *struct {
		Value    *float64 `json:"value"`
		Observed float64  `json:"observed_disagreement"`
		Expected float64  `json:"expected_disagreement"`
	} `json:"unitized_alpha"`
}

type agreementOut struct {
	Unit   string `json:"unit"`
	Coded  string `json:"coded"`
	Coders []struct {
		Name     string `json:"name"`
		Source   string `json:"source"`
		Articles int    `json:"articles"`
		Notes    int    `json:"notes"`
	} `json:"coders"`
	Articles   int                `json:"articles"`
	Sentences  int                `json:"sentences"`
	Characters int                `json:"characters"`
	LeftOut    []string           `json:"left_out"`
	Codes      []agreementRowJSON `json:"codes"`
	Overall    agreementRowJSON   `json:"overall"`
	Errors     []struct {
		Path    string `json:"path"`
		Message string `json:"message"`
	} `json:"errors"`
}

func agreementJSONOf(t *testing.T, args ...string) agreementOut {
	t.Helper()
	out, errOut, code := runCLI(t, append([]string{"agreement", "--json"}, args...)...)
	if code != 0 {
		t.Fatalf("agreement %v: exit %d\n%s", args, code, errOut)
	}
	var got agreementOut
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("agreement --json: %v\n%s", err, out)
	}
	return got
}

// cohen2x2 is Cohen's κ of two coders on n units who applied a code to a
// and b of them, agreeing on every unit but d.
func cohen2x2(n, a, b, d float64) float64 {
	po := (n - d) / n
	pe := (a*b + (n-a)*(n-b)) / (n * n)
	return (po - pe) / (1 - pe)
}

// TestAgreementTwoCoderSession checks the sentence report against values
// worked out by hand: on the 35 sentences of the TASS article (the only
// one both coded), anna marked blame/us on sentences 3, 18, 19 and 33, ben
// on 3, 18 and 33; denial anna on 24 and 27, ben on 8, 24 and 27.
func TestAgreementTwoCoderSession(t *testing.T) {
	anna, ben := codingSession(t)
	got := agreementJSONOf(t, "--notes", anna, "--notes", ben)
	if got.Unit != "sentence" || got.Coded != "tagged" || len(got.Coders) != 2 || got.Coders[0].Name != "anna" || got.Coders[1].Name != "ben" ||
		got.Coders[0].Articles != 2 || got.Coders[1].Articles != 1 || got.Coders[0].Source != anna || got.Errors == nil {
		t.Fatalf("report head: %+v", got)
	}
	rows := map[string]agreementRowJSON{}
	var codes []string
	for _, r := range got.Codes {
		rows[r.Code] = r
		codes = append(codes, r.Code)
	}
	if strings.Join(codes, "|") != "blame|blame/us|denial|loaded language" {
		t.Errorf("codes %q: want anna's codebook, then ben's new code", codes)
	}
	check := func(code string, c *coefJSON, want float64) {
		t.Helper()
		if c == nil || c.Value == nil || math.Abs(*c.Value-want) > 1e-9 || c.Units != 35 {
			t.Errorf("%s: %+v, want %.6f on 35 units", code, c, want)
		}
	}
	us := rows["blame/us"]
	if us.Units != 35 || us.Coders != 2 || len(us.Applied) != 2 || us.Applied[0] != 4 || us.Applied[1] != 3 {
		t.Errorf("blame/us: %d units, %d coders, applied %v; want 35, 2, [4 3]", us.Units, us.Coders, us.Applied)
	}
	check("blame/us percent", us.Percent, 100*34.0/35)
	check("blame/us Cohen", us.Cohen, cohen2x2(35, 4, 3, 1))
	check("denial Cohen", rows["denial"].Cohen, 128.0/163)
	// Nobody applied the parent code "blame" itself: no variation.
	if b := rows["blame"]; b.Alpha.Value != nil || !strings.Contains(b.Alpha.Undefined, "no variation") || *b.Percent.Value != 100 {
		t.Errorf("blame: α %+v, percent %+v; want α undefined for want of variation, 100%%", b.Alpha, b.Percent)
	}
	if got.Overall.Units != 4*35 || got.Overall.Code != "" {
		t.Errorf("overall pools %d units, want 140", got.Overall.Units)
	}

	out, errOut, code := runCLI(t, "agreement", "--notes", anna, "--notes", ben)
	for _, want := range []string{
		"Agreement of 2 coders on 48 sentences of 2 articles in embedded INF corpus",
		"APPLIED (anna/ben)", "COHEN κ", "KRIPPENDORFF α",
		"blame/us         35     2       4/3", "97.1%      0.842",
		"blame — Cohen's κ, Fleiss' κ, Krippendorff's α: every value is \"not applied\"",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("agreement output lacks %q:\n%s%s", want, out, errOut)
		}
	}
	if code != 0 {
		t.Errorf("exit %d", code)
	}

	// Every article counts as coded by both: ben's silence on Tasnim and
	// the other three articles is "not applied".
	all := agreementJSONOf(t, "--coded", "all", "--notes", anna, "--notes", ben)
	if all.Coded != "all" || all.Sentences != 110 || all.Codes[1].Units != 110 {
		t.Errorf("--coded all: %d sentences, blame/us on %d units; want 110, 110", all.Sentences, all.Codes[1].Units)
	}
}

func TestAgreementSpans(t *testing.T) {
	anna, ben := codingSession(t)
	got := agreementJSONOf(t, "--unit", "span", "--notes", anna, "--notes", ben)
	if got.Unit != "span" || got.Articles != 1 || got.Characters == 0 || len(got.LeftOut) != 1 || got.LeftOut[0] != "000_d4373ea2e64dc0f0" {
		t.Fatalf("span report: %+v", got)
	}
	for _, r := range append(got.Codes, got.Overall) {
		if r.Unitized == nil || r.Percent != nil || r.Cohen != nil {
			t.Errorf("%q: span rows carry αu only: %+v", r.Code, r)
		}
	}
	if u := got.Codes[1].Unitized; u.Value == nil || *u.Value <= 0.5 || *u.Value >= 1 || u.Observed <= 0 {
		t.Errorf("blame/us αu %+v: the coders mostly agree, not perfectly", u)
	}
	out, _, _ := runCLI(t, "agreement", "--unit", "span", "--notes", anna, "--notes", ben)
	for _, want := range []string{"αu", "characters of 1 article", "Left out, coded by some coders but not all", "blame — Krippendorff's αu: no coder marked any passage with it"} {
		if !strings.Contains(out, want) {
			t.Errorf("span output lacks %q:\n%s", want, out)
		}
	}
}

func TestAgreementUsageErrors(t *testing.T) {
	anna, ben := codingSession(t)
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{nil, 2, "needs the coders' notes files"},
		{[]string{"--notes", anna}, 1, "agreement needs two coders or more; 1 notes file with 1 coder could be read"},
		{[]string{"--notes", anna, "--notes", anna}, 2, "are the same file"},
		{[]string{"--unit", "word", "--notes", anna, "--notes", ben}, 2, `use "sentence" or "span"`},
		{[]string{"--coded", "some", "--notes", anna, "--notes", ben}, 2, `"some" is not a coverage`},
		{[]string{"--notes", anna, "--notes", filepath.Join(t.TempDir(), "nobody.db")}, 1, "agreement needs two coders or more; 1 notes file with 1 coder could be read"},
	} {
		out, errOut, code := runCLI(t, append([]string{"agreement"}, c.args...)...)
		if code != c.code || !strings.Contains(errOut, c.want) {
			t.Errorf("agreement %v: exit %d, stderr %q; want exit %d saying %q (stdout %q)", c.args, code, errOut, c.code, c.want, out)
		}
	}
	// A third coder's file that cannot be read is named and left out; the
	// other two are reported, and the exit code says the report is not
	// whole.
	missing := filepath.Join(t.TempDir(), "carla.db")
	out, errOut, code := runCLI(t, "agreement", "--json", "--notes", anna, "--notes", ben, "--notes", missing)
	var got agreementOut
	if err := json.Unmarshal([]byte(out), &got); err != nil || code != 1 || len(got.Coders) != 2 || len(got.Errors) != 1 ||
		got.Errors[0].Path != missing || !strings.Contains(errOut, "carla.db") || !strings.Contains(errOut, "this coder is left out") {
		t.Errorf("an unreadable third file: exit %d, %d coders, errors %+v, stderr %q", code, len(got.Coders), got.Errors, errOut)
	}
	// --notes before the command counts as the command's.
	if _, errOut, code := runCLI(t, "--notes", anna, "agreement", "--notes", ben); code != 0 {
		t.Errorf("parallax --notes A agreement --notes B: exit %d\n%s", code, errOut)
	}
	// The files are only read.
	before, _ := os.Stat(anna)
	runCLI(t, "agreement", "--notes", anna, "--notes", ben, t.TempDir())
	if after, _ := os.Stat(anna); !after.ModTime().Equal(before.ModTime()) || after.Size() != before.Size() {
		t.Errorf("agreement wrote to a coder's notes file")
	}
	if out, _, code := runCLI(t, "agreement", "--help"); code != 0 || !strings.Contains(out, "Usage: parallax agreement") || !strings.Contains(out, "--unit") {
		t.Errorf("agreement --help: exit %d\n%s", code, out)
	}
}

// TestAgreementHostileCoderNames: the coders of files that record none
// are named after their notes files, which someone else may have named;
// no control reaches the terminal, and two files of one base name are
// told apart by path.
func TestAgreementHostileCoderNames(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("these names are not valid Windows file names")
	}
	anna, ben := codingSession(t)
	forgetCoders(t, anna)
	forgetCoders(t, ben)
	dir := t.TempDir()
	evil := filepath.Join(dir, "x-\x1b]2;PWNED\x07\u202e.db")
	copyFile(t, anna, evil)
	twin := filepath.Join(t.TempDir(), "anna.db")
	copyFile(t, ben, twin)
	out, errOut, code := runCLI(t, "agreement", "--notes", evil, "--notes", ben, "--notes", anna, "--notes", twin)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	if bad := terminalControls(out + errOut); len(bad) > 0 {
		t.Errorf("terminal controls in the output: %q", bad)
	}
	if !strings.Contains(out, "Cohen's κ is left out: it is for two coders, and there are 4") {
		t.Errorf("four coders: \n%s", out)
	}
	got := agreementJSONOf(t, "--notes", anna, "--notes", twin)
	a, b := got.Coders[0].Name, got.Coders[1].Name
	if a == b || a != filepath.Base(filepath.Dir(anna))+"/anna" || b != filepath.Base(filepath.Dir(twin))+"/anna" {
		t.Errorf("two files named anna.db are coders %q and %q; want each told apart by its folder", a, b)
	}
}

// forgetCoders makes a notes file's notes record no coder, as those made
// before coders were recorded.
func forgetCoders(t *testing.T, path string) {
	t.Helper()
	db := openSQL(t, path)
	defer db.Close()
	if _, err := db.Exec("UPDATE notes SET coder = '', modified_by = ''"); err != nil {
		t.Fatal(err)
	}
}

// openSQL opens a notes file as a plain SQLite database, to change what
// parallax would not.
func openSQL(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestAgreementDocsSessionIsReal runs the session of docs/agreement.md and
// checks that the outputs the page shows are what parallax prints.
func TestAgreementDocsSessionIsReal(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("..", "..", "docs", "agreement.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), "```csv\n"+sharedCodebook+"```") {
		t.Errorf("docs/agreement.md does not show the shared codebook.csv of the test")
	}
	anna, _ := codingSession(t)
	t.Chdir(filepath.Dir(anna))
	for _, cmd := range []string{
		"parallax agreement --notes anna.db --notes ben.db",
		"parallax agreement --unit span --notes anna.db --notes ben.db",
		"parallax merge-notes -o team.db anna.db ben.db",
		"parallax agreement --notes team.db",
	} {
		_, block, ok := strings.Cut(string(page), "$ "+cmd+"\n")
		if !ok {
			t.Errorf("docs/agreement.md does not show %q", cmd)
			continue
		}
		block, _, _ = strings.Cut(block, "```")
		out, errOut, code := runCLI(t, strings.Fields(cmd)[1:]...)
		if code != 0 || out != block {
			t.Errorf("%s: exit %d; the page shows\n%s\nparallax prints\n%s%s", cmd, code, block, out, errOut)
		}
	}
}

// TestAgreementCSVAndExports: the table as CSV, and at the end of the
// Markdown and HTML exports of the first coder's notes.
func TestAgreementCSVAndExports(t *testing.T) {
	anna, ben := codingSession(t)
	out, errOut, code := runCLI(t, "agreement", "--csv", "--notes", anna, "--notes", ben)
	if code != 0 || !strings.HasPrefix(out, "unit,code,units,coders,applied_anna,applied_ben,percent_agreement,cohen_kappa,") ||
		!strings.Contains(out, "sentence,blame/us,35,2,4,3,97.14285714285714,0.8416289592760181,") {
		t.Errorf("agreement --csv: exit %d\n%s%s", code, out, errOut)
	}
	if _, errOut, code := runCLI(t, "agreement", "--csv", "--json", "--notes", anna, "--notes", ben); code != 2 || !strings.Contains(errOut, "choose one") {
		t.Errorf("--csv --json: exit %d, %q", code, errOut)
	}
	out, errOut, code = runCLI(t, "export", "--format", "md", "--notes", anna, "--agreement", ben)
	if code != 0 || !strings.Contains(out, "## Inter-coder agreement") || !strings.Contains(out, "| blame/us | 35 | 2 | 4 / 3 | 97.1% | 0.842 | 0.841 | 0.844 |") {
		t.Errorf("export --format md --agreement: exit %d\n%s%s", code, out, errOut)
	}
	out, errOut, code = runCLI(t, "export", "--format", "html", "--notes", anna, "--agreement", ben)
	if code != 0 || !strings.Contains(out, `<h2 id="agreement">Inter-coder agreement</h2>`) || !strings.Contains(out, "<td class=\"num\">0.842</td>") {
		t.Errorf("export --format html --agreement: exit %d\n%s", code, errOut)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"export", "--format", "csv", "--notes", anna, "--agreement", ben}, "use 'parallax agreement --csv'"},
		{[]string{"export", "--format", "md", "--notes", anna, "--agreement", filepath.Join(t.TempDir(), "nobody.db")}, "nobody.db could not be read"},
		{[]string{"export", "--format", "md", "--notes", anna, "--agreement", anna}, "are the same file"},
	} {
		if out, errOut, code := runCLI(t, c.args...); code != 1 || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d, stderr %q (stdout %d bytes); want exit 1 saying %q", c.args, code, errOut, len(out), c.want)
		}
	}
}

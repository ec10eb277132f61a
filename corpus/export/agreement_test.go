package export

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/agreement"
	"github.com/parallax-reader/parallax/corpus/notes"
)

// agreementReport is two coders on the TASS article of the embedded
// corpus: both tag its first two body sentences "blame"; only the first
// coder tags the third, also with a hostile code name; nobody applies
// "unused".
func agreementReport(t *testing.T, unit string) (*corpus.Corpus, *agreement.Report) {
	t.Helper()
	c := corpus.Default()
	a := c.Article("003_901c7662e3582013")
	if a == nil {
		t.Fatal("no TASS article in the embedded corpus")
	}
	body := a.Body()
	tag := func(s corpus.Sentence, tags ...string) notes.Note {
		return notes.Note{ID: s.Text[:8], Anchor: notes.NewAnchor(a, s.Start, s.End), Tags: tags}
	}
	coders := []agreement.Coder{
		{Name: "anna", Source: "anna.db", Notes: []notes.Note{tag(body[0], "blame"), tag(body[1], "blame"), tag(body[2], "blame", "=HYPERLINK(\"x\") <script>")}},
		{Name: "ben", Source: "ben.db", Notes: []notes.Note{tag(body[0], "blame"), tag(body[1], "blame")}},
	}
	opt := agreement.Options{Codes: []string{"blame", "unused"}}
	if unit == agreement.UnitSpan {
		return c, agreement.Spans(c, coders, opt)
	}
	return c, agreement.Sentences(c, coders, opt)
}

func TestAgreementInMarkdown(t *testing.T) {
	c, rep := agreementReport(t, agreement.UnitSentence)
	var buf bytes.Buffer
	if err := Write(&buf, Markdown, Input{Corpus: c, Agreement: rep}, Options{}); err != nil {
		t.Fatal(err)
	}
	md := buf.String()
	blame := rep.Codes[0]
	row := "| blame | " + strconv.Itoa(blame.Units) + " | 2 | 3 / 2 | " +
		strconv.FormatFloat(*blame.PercentAgreement.Value, 'f', 1, 64) + "% | " +
		strconv.FormatFloat(*blame.CohenKappa.Value, 'f', 3, 64) + " |"
	for _, want := range []string{
		"\n## Inter-coder agreement\n",
		"2 coders (anna, ben) on the sentences",
		"| Code | Units | Coders | Applied (anna / ben) | Agreement | Cohen's κ | Fleiss' κ | Krippendorff's α |",
		row,
		"| unused | ", "| all codes | ",
		"- unused — Cohen's κ, Fleiss' κ, Krippendorff's α: every value is \"not applied\"",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md)
		}
	}
	if strings.Contains(md, "<script>") {
		t.Errorf("a code name reached the Markdown as HTML:\n%s", md)
	}
	buf.Reset()
	if err := Write(&buf, Markdown, Input{Corpus: c}, Options{}); err != nil || strings.Contains(buf.String(), "agreement") {
		t.Errorf("an export without agreement has the section (err %v)", err)
	}
}

func TestAgreementInHTML(t *testing.T) {
	c, rep := agreementReport(t, agreement.UnitSpan)
	var buf bytes.Buffer
	if err := Write(&buf, HTML, Input{Corpus: c, Agreement: rep}, Options{}); err != nil {
		t.Fatal(err)
	}
	html := buf.String()
	for _, want := range []string{`<h2 id="agreement">Inter-coder agreement</h2>`, "Krippendorff&#39;s αu", "<td dir=\"auto\">blame</td>", "&lt;script&gt;", "unused — Krippendorff&#39;s αu: no coder marked any passage with it"} {
		if !strings.Contains(html, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
	if strings.Contains(html, "<script>") {
		t.Errorf("a code name reached the HTML unescaped")
	}
}

func TestAgreementCSV(t *testing.T) {
	_, rep := agreementReport(t, agreement.UnitSentence)
	var buf bytes.Buffer
	if err := WriteAgreementCSV(&buf, rep, false); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	head := strings.Join(recs[0], ",")
	if head != "unit,code,units,coders,applied_anna,applied_ben,percent_agreement,cohen_kappa,fleiss_kappa,krippendorff_alpha,undefined" {
		t.Errorf("header %s", head)
	}
	if len(recs) != 1+len(rep.Codes)+1 || recs[len(recs)-1][1] != "all codes" {
		t.Fatalf("%d records, want a header, %d codes and all codes", len(recs), len(rep.Codes))
	}
	blame := recs[1]
	alpha, err := strconv.ParseFloat(blame[9], 64)
	if blame[1] != "blame" || blame[4] != "3" || blame[5] != "2" || err != nil || alpha != *rep.Codes[0].KrippendorffAlpha.Value {
		t.Errorf("blame row %q, want applied 3, 2 and α %v unrounded", blame, *rep.Codes[0].KrippendorffAlpha.Value)
	}
	for _, r := range recs[1:] {
		if strings.HasPrefix(r[1], "=") {
			t.Errorf("a code name starting with = is not guarded: %q", r[1])
		}
		if r[1] == "unused" && (r[7] != "" || !strings.Contains(r[10], "cohen_kappa: every value is")) {
			t.Errorf("unused: %q; want empty κ with the reason", r)
		}
	}
	buf.Reset()
	if err := WriteAgreementCSV(&buf, rep, true); err != nil || !strings.HasPrefix(buf.String(), "\uFEFFunit,") {
		t.Errorf("--bom: %q", buf.String()[:10])
	}
}

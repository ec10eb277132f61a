package export

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/parallax-reader/parallax/corpus/agreement"
)

// The agreement table of several coders (Input.Agreement) goes into the
// Markdown and HTML exports after the notes, and on its own as CSV
// (WriteAgreementCSV). Every format shows the same columns as 'parallax
// agreement': per code and over all codes the units, coders, what each
// coder applied, and the coefficients, "n/a" with the reason where one is
// undefined.

// agreementColumn is one coefficient of the table.
type agreementColumn struct {
	name string // as a heading
	key  string // as a CSV column
	get  func(agreement.Row) (value *float64, undefined string)
	pct  bool // a percentage
}

func coefficientOf(pick func(agreement.Row) *agreement.Coefficient) func(agreement.Row) (*float64, string) {
	return func(r agreement.Row) (*float64, string) {
		c := pick(r)
		if c == nil {
			return nil, "not computed"
		}
		return c.Value, c.Undefined
	}
}

// agreementColumns are the coefficients a report shows: Cohen's κ only
// with two coders, αu only for spans.
func agreementColumns(rep *agreement.Report) []agreementColumn {
	if rep.Unit == agreement.UnitSpan {
		return []agreementColumn{{"Krippendorff's αu", "unitized_alpha", func(r agreement.Row) (*float64, string) {
			if r.UnitizedAlpha == nil {
				return nil, "not computed"
			}
			return r.UnitizedAlpha.Value, r.UnitizedAlpha.Undefined
		}, false}}
	}
	cols := []agreementColumn{{"Agreement", "percent_agreement", coefficientOf(func(r agreement.Row) *agreement.Coefficient { return r.PercentAgreement }), true}}
	if len(rep.Coders) == 2 {
		cols = append(cols, agreementColumn{"Cohen's κ", "cohen_kappa", coefficientOf(func(r agreement.Row) *agreement.Coefficient { return r.CohenKappa }), false})
	}
	return append(cols,
		agreementColumn{"Fleiss' κ", "fleiss_kappa", coefficientOf(func(r agreement.Row) *agreement.Coefficient { return r.FleissKappa }), false},
		agreementColumn{"Krippendorff's α", "krippendorff_alpha", coefficientOf(func(r agreement.Row) *agreement.Coefficient { return r.KrippendorffAlpha }), false})
}

// agreementRows are the report's rows, the codes then all codes; the last
// one's code is "all codes".
func agreementRows(rep *agreement.Report) []agreement.Row {
	rows := append(append([]agreement.Row(nil), rep.Codes...), rep.Overall)
	rows[len(rows)-1].Code = "all codes"
	return rows
}

// agreementLine is one row of the table as text: its cells after the
// code, and why each n/a is n/a.
type agreementLine struct {
	Code    string
	Cells   []string
	Reasons []string // "Cohen's κ, Fleiss' κ: why"
}

// agreementTable lays out the report for Markdown and HTML: the headings
// and a line per row, values to three decimals, percentages to one.
func agreementTable(rep *agreement.Report) ([]string, []agreementLine) {
	cols := agreementColumns(rep)
	names := make([]string, len(rep.Coders))
	for i, c := range rep.Coders {
		names[i] = c.Name
	}
	head := []string{"Code", "Units", "Coders", "Applied (" + strings.Join(names, " / ") + ")"}
	for _, c := range cols {
		head = append(head, c.name)
	}
	var lines []agreementLine
	for _, r := range agreementRows(rep) {
		applied := make([]string, len(r.Applied))
		for i, n := range r.Applied {
			applied[i] = strconv.Itoa(n)
		}
		l := agreementLine{Code: r.Code, Cells: []string{strconv.Itoa(r.Units), strconv.Itoa(r.Coders), strings.Join(applied, " / ")}}
		var order []string
		who := map[string][]string{}
		for _, c := range cols {
			v, why := c.get(r)
			switch {
			case v == nil:
				l.Cells = append(l.Cells, "n/a")
				if _, ok := who[why]; !ok {
					order = append(order, why)
				}
				who[why] = append(who[why], c.name)
			case c.pct:
				l.Cells = append(l.Cells, fmt.Sprintf("%.1f%%", *v))
			default:
				l.Cells = append(l.Cells, fmt.Sprintf("%.3f", *v))
			}
		}
		for _, why := range order {
			l.Reasons = append(l.Reasons, strings.Join(who[why], ", ")+": "+why)
		}
		lines = append(lines, l)
	}
	return head, lines
}

// agreementAbout describes the report in a sentence.
func agreementAbout(rep *agreement.Report) string {
	names := make([]string, len(rep.Coders))
	for i, c := range rep.Coders {
		names[i] = c.Name
	}
	on := fmt.Sprintf("the sentences (%d) of %d articles", rep.Sentences, rep.Articles)
	if rep.Unit == agreement.UnitSpan {
		on = fmt.Sprintf("the passages tagged in %d characters of %d articles (Krippendorff's αu)", rep.Characters, rep.Articles)
	}
	coded := "a coder counts as having coded the articles they tagged"
	if rep.Coded == agreement.CodedAll {
		coded = "every coder counts as having coded every article"
	}
	return fmt.Sprintf("%d coders (%s) on %s; %s.", len(rep.Coders), strings.Join(names, ", "), on, coded)
}

// writeAgreementMarkdown writes the agreement section of the Markdown
// export.
func writeAgreementMarkdown(w io.Writer, rep *agreement.Report) error {
	bw := bufio.NewWriter(w)
	head, lines := agreementTable(rep)
	fmt.Fprintf(bw, "\n## Inter-coder agreement\n\n%s\n\n", mdEscape(agreementAbout(rep)))
	cells := make([]string, len(head))
	for i, h := range head {
		cells[i] = mdCell(h)
	}
	fmt.Fprintf(bw, "| %s |\n|%s\n", strings.Join(cells, " | "), strings.Repeat(" --- |", len(head)))
	var why []string
	for _, l := range lines {
		row := []string{mdCell(l.Code)}
		for _, c := range l.Cells {
			row = append(row, mdCell(c))
		}
		fmt.Fprintf(bw, "| %s |\n", strings.Join(row, " | "))
		for _, r := range l.Reasons {
			why = append(why, "- "+mdEscape(l.Code+" — "+r))
		}
	}
	if len(why) > 0 {
		fmt.Fprintf(bw, "\nn/a:\n\n%s\n", strings.Join(why, "\n"))
	}
	return bw.Flush()
}

// htmlAgreement is the agreement section of the HTML report.
type htmlAgreement struct {
	About string
	Head  []string
	Lines []agreementLine
	Why   []string // "code — coefficients: reason"
}

func agreementHTML(rep *agreement.Report) *htmlAgreement {
	if rep == nil {
		return nil
	}
	head, lines := agreementTable(rep)
	a := &htmlAgreement{About: agreementAbout(rep), Head: head, Lines: lines}
	for _, l := range lines {
		for _, r := range l.Reasons {
			a.Why = append(a.Why, l.Code+" — "+r)
		}
	}
	return a
}

// WriteAgreementCSV writes the agreement table as CSV: a row per code and
// one for all codes, a column of applied units per coder, each
// coefficient unrounded (empty when undefined), and the reasons for the
// empty ones. bom starts it with a UTF-8 byte order mark, for older Excel.
func WriteAgreementCSV(w io.Writer, rep *agreement.Report, bom bool) error {
	if bom {
		if _, err := io.WriteString(w, "\uFEFF"); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	cols := agreementColumns(rep)
	head := []string{"unit", "code", "units", "coders"}
	for _, c := range rep.Coders {
		head = append(head, cellText("applied_"+c.Name))
	}
	for _, c := range cols {
		head = append(head, c.key)
	}
	head = append(head, "undefined")
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, r := range agreementRows(rep) {
		rec := []string{rep.Unit, cellText(r.Code), strconv.Itoa(r.Units), strconv.Itoa(r.Coders)}
		for _, n := range r.Applied {
			rec = append(rec, strconv.Itoa(n))
		}
		var why []string
		for _, c := range cols {
			v, u := c.get(r)
			if v == nil {
				rec = append(rec, "")
				why = append(why, c.key+": "+u)
				continue
			}
			rec = append(rec, strconv.FormatFloat(*v, 'f', -1, 64))
		}
		rec = append(rec, cellText(strings.Join(why, "; ")))
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

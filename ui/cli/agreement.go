package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/agreement"
	"github.com/parallax-reader/parallax/corpus/export"
	"github.com/parallax-reader/parallax/corpus/notes"
)

// fileList collects a repeatable file flag.
type fileList []string

func (f *fileList) String() string { return strings.Join(*f, ", ") }

func (f *fileList) Set(v string) error {
	if v == "" {
		return fmt.Errorf("empty file name")
	}
	*f = append(*f, v)
	return nil
}

// agreementJSON is the JSON contract of 'parallax agreement': the report,
// and the notes files that could not be read and are left out.
type agreementJSON struct {
	*agreement.Report
	Errors []corpus.LoadError `json:"errors"`
}

// runAgreement prints how far several coders, one notes file each, agree
// on the codes they applied to the loaded articles. The notes files are
// only read: re-anchoring places their notes for this run and saves
// nothing.
func runAgreement(env *Env, args []string) int {
	fset := newFlagSet(env, "agreement", "parallax agreement [--json | --csv [--bom]] [--unit sentence|span] [--coded tagged|all] --notes A.db --notes B.db [--notes C.db...] [PATH...]",
		"parallax agreement --notes anna.db --notes ben.db                 # two coders on the embedded corpus",
		"parallax agreement --notes team.db                                # the coders of a merged file",
		"parallax agreement --embedded --notes anna.db --notes ben.db      # the built-in corpus though a library has articles",
		"parallax agreement --unit span --notes anna.db --notes ben.db ~/articles",
		"parallax agreement --notes a.db --notes b.db --notes c.db --coded all ~/articles",
		"parallax agreement --json --notes a.db --notes b.db | jq '.codes[] | {code, alpha: .krippendorff_alpha.value}'",
		"parallax agreement --csv --notes a.db --notes b.db > agreement.csv",
		"parallax export --format html -o report.html --notes a.db --agreement b.db   # the report ends with the table")
	asJSON := fset.Bool("json", false, "print JSON: {\"unit\", \"coders\": [...], \"codes\": [...], \"overall\": {...}, \"errors\": [...]} (see docs/agreement.md)")
	unit := fset.String("unit", agreement.UnitSentence, "the units: \"sentence\" (percent agreement, Cohen's κ, Fleiss' κ, Krippendorff's α per sentence) or \"span\" (Krippendorff's αu on the characters tagged)")
	coded := fset.String("coded", string(agreement.CodedTagged), "which articles count as coded by a coder: \"tagged\" (those they made a note on; elsewhere their silence is missing data) or \"all\" (every loaded article)")
	asCSV := fset.Bool("csv", false, "print the table as CSV: a row per code and for all codes, unrounded values")
	bom := fset.Bool("bom", false, "start the CSV with a UTF-8 byte order mark (for older Excel)")
	var files fileList
	fset.Var(&files, "notes", "a notes `FILE` (repeatable): one coder's, or several coders' merged (parallax merge-notes); each coder recorded in it is one coder; it is only read")
	addReadFlags(fset, env)
	paths, err := parseArgs(fset, args)
	if err != nil {
		return flagExit(err)
	}
	if *asJSON && *asCSV {
		fmt.Fprintln(env.Stderr, "parallax: --json and --csv: choose one")
		return 2
	}
	if *unit != agreement.UnitSentence && *unit != agreement.UnitSpan {
		fmt.Fprintf(env.Stderr, "parallax: --unit %s: use \"sentence\" or \"span\"; see 'parallax agreement --help'\n", clean(*unit))
		return 2
	}
	cov, err := agreement.ParseCoverage(*coded)
	if err != nil {
		fmt.Fprintf(env.Stderr, "parallax: --coded: %s\n", clean(err.Error()))
		return 2
	}
	if len(files) == 0 {
		fmt.Fprintln(env.Stderr, "parallax: agreement needs the coders' notes files: --notes A.db --notes B.db (one per coder), or --notes team.db (several coders' notes merged with 'parallax merge-notes'); see 'parallax agreement --help'")
		return 2
	}
	if a, b, same := sameFile(files); same {
		fmt.Fprintf(env.Stderr, "parallax: --notes %s and --notes %s are the same file: give each coder's notes file once\n", clean(a), clean(b))
		return 2
	}

	c, err := loadCorpus(env, paths)
	if err != nil {
		return loadFailed(env, err)
	}
	settleIDs(env, c, files[0])
	coders, codes, failed := readCoders(env, c, files)
	if len(coders) < 2 {
		return errorf(env, "agreement needs two coders or more; %s with %s could be read", plural(len(files)-len(failed), "notes file"), plural(len(coders), "coder"))
	}

	opt := agreement.Options{Coded: cov, Codes: codes}
	var rep *agreement.Report
	if *unit == agreement.UnitSpan {
		rep = agreement.Spans(c, coders, opt)
	} else {
		rep = agreement.Sentences(c, coders, opt)
	}
	// Notes made on another corpus (the built-in one, while a library is
	// read): say so, rather than a report of nothing.
	if lines, all := notesElsewhere(c, paths, coders, rep); all {
		return errorf(env, "agreement: no notes to compare: %s", joinLines(lines))
	} else if len(lines) > 0 {
		fmt.Fprintf(env.Stderr, "parallax: %s\n  a coder with no note on the articles read counts as having coded none of them\n", corpus.PrintableLines(joinLines(lines)))
	}
	switch {
	case *asCSV:
		var buf bytes.Buffer
		if err := export.WriteAgreementCSV(&buf, rep, *bom); err != nil {
			return errorf(env, "write CSV: %v", err)
		}
		if _, err := jsonOut(env.Stdout).Write(buf.Bytes()); err != nil {
			return errorf(env, "write CSV: %v", err)
		}
		printLoadErrors(env.Stderr, c.Errors)
	case *asJSON:
		out := agreementJSON{Report: rep, Errors: errorsJSON(failed)}
		enc := json.NewEncoder(jsonOut(env.Stdout))
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return errorf(env, "write JSON: %v", err)
		}
		printLoadErrors(env.Stderr, c.Errors)
	default:
		printAgreement(env.Stdout, c, rep)
		printLoadErrors(env.Stdout, c.Errors)
	}
	if len(failed) > 0 {
		return 1 // the report leaves a coder out: a script must not take it for the whole
	}
	return 0
}

// readCoders reads the coders of the notes files, naming each file that
// cannot be read on standard error and in the errors returned.
func readCoders(env *Env, c *corpus.Corpus, files []string) ([]agreement.Coder, []string, []corpus.LoadError) {
	var coders []agreement.Coder
	var codes []string
	var failed []corpus.LoadError
	for _, path := range files {
		cs, cb, err := readCoder(env, c, path)
		if err != nil {
			fmt.Fprintf(env.Stderr, "parallax: %s; this coder is left out\n", clean(err.Error()))
			failed = append(failed, corpus.LoadError{Path: path, Message: err.Error()})
			continue
		}
		coders = append(coders, cs...)
		codes = append(codes, cb...)
	}
	nameCoders(coders)
	return coders, codes, failed
}

// exportAgreement is the agreement table 'parallax export --agreement'
// ends the export with: the coders of the files, on the sentences of c.
// Every file must be read: an export has no exit code to say a coder is
// missing.
func exportAgreement(env *Env, c *corpus.Corpus, files []string) (*agreement.Report, error) {
	if a, b, same := sameFile(files); same {
		return nil, fmt.Errorf("%s and %s are the same file: give each other coder's notes file once", a, b)
	}
	coders, codes, failed := readCoders(env, c, files)
	if len(failed) > 0 {
		return nil, fmt.Errorf("%s could not be read: %s", failed[0].Path, failed[0].Message)
	}
	return agreement.Sentences(c, coders, agreement.Options{Codes: codes}), nil
}

// sameFile reports two of the files that are one file.
func sameFile(files []string) (string, string, bool) {
	seen := map[string]string{}
	for _, f := range files {
		abs, err := filepath.Abs(f)
		if err != nil {
			abs = f
		}
		if prev, ok := seen[abs]; ok {
			return prev, f, true
		}
		seen[abs] = f
	}
	return "", "", false
}

// readCoder opens a notes file read-only, places its notes on the loaded
// articles (for this run only) and returns its coders and codebook.
func readCoder(env *Env, c *corpus.Corpus, path string) ([]agreement.Coder, []string, error) {
	s, err := notes.OpenReadOnly(path)
	if err != nil {
		return nil, nil, err
	}
	defer s.Close()
	if bad := s.Problems(); len(bad) > 0 {
		fmt.Fprintf(env.Stderr, "parallax: %s: %s cannot be read and %s left out of the agreement:\n", clean(path), plural(len(bad), "note"), isAre(len(bad)))
		for _, p := range bad {
			fmt.Fprintf(env.Stderr, "  %s\n", clean(p.String()))
		}
	}
	if _, _, err := s.Reanchor(c); err != nil {
		return nil, nil, err
	}
	cb, err := s.Codebook()
	if err != nil {
		return nil, nil, err
	}
	ns, err := s.Notes()
	if err != nil {
		return nil, nil, err
	}
	names := make([]string, len(cb))
	for i, code := range cb {
		names[i] = code.Name
	}
	coders, owned := codersIn(path, ns)
	if owned > 0 {
		fmt.Fprintf(env.Stderr, "parallax: %s: %s without a recorded coder %s counted as %s's, the file's only coder\n",
			clean(path), plural(owned, "note"), isAre(owned), clean(coders[0].Name))
	}
	return coders, names, nil
}

// codersIn returns the coders whose work a notes file holds: one for each
// coder its notes record, in order of name, each coder's notes forming
// their coding. The notes that record no coder (made before coders were
// recorded) are the file's only recorded coder's when it has one — owned
// counts them — else they form a coder of their own, which nameCoders
// names after the file, as a file of one coder always was.
func codersIn(path string, ns []notes.Note) (coders []agreement.Coder, owned int) {
	owner, byRecorded := notes.OwnerOfUnknown(ns, "")
	byCoder := map[string][]notes.Note{}
	for _, n := range ns {
		c := n.Coder
		if c == "" {
			c = owner
			if byRecorded {
				owned++
			}
		}
		byCoder[c] = append(byCoder[c], n)
	}
	for _, cc := range notes.Coders(ns) {
		if cc.Coder == "" {
			continue
		}
		coders = append(coders, agreement.Coder{Name: cc.Coder, Source: path, Notes: byCoder[cc.Coder]})
	}
	switch unknown := byCoder[""]; {
	case len(coders) == 0:
		coders = append(coders, agreement.Coder{Source: path, Notes: unknown})
	case len(unknown) > 0: // beside several recorded coders
		coders = append(coders, agreement.Coder{Name: notes.UnknownCoder + " in " + fileLabel(path, 1), Source: path, Notes: unknown})
	}
	return coders, owned
}

// fileLabel names a notes file by its last k path elements, the
// extension left out ("a/anna.db", 2: a/anna).
func fileLabel(p string, k int) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		abs = p
	}
	parts := strings.Split(filepath.ToSlash(abs), "/")
	last := parts[len(parts)-1]
	if n := strings.TrimSuffix(last, filepath.Ext(last)); n != "" {
		parts[len(parts)-1] = n
	}
	return strings.Join(parts[max(len(parts)-k, 0):], "/")
}

// nameCoders names the coders that have no recorded name after their
// notes file ("anna.db": anna). Files that share a base name are named by
// as many of their last path elements as tell them apart ("a/anna",
// "b/anna"). A recorded name several files hold (the same coder's work
// kept twice) is followed by its file's label: "anna (a/anna)".
func nameCoders(coders []agreement.Coder) {
	label := func(cds []*agreement.Coder) {
		for k := 1; k <= 64; k++ {
			count := map[string]int{}
			for _, cd := range cds {
				count[fileLabel(cd.Source, k)]++
			}
			clash := false
			for _, n := range count {
				clash = clash || n > 1
			}
			if !clash || k == 64 {
				for _, cd := range cds {
					if cd.Name == "" {
						cd.Name = fileLabel(cd.Source, k)
					} else {
						cd.Name += " (" + fileLabel(cd.Source, k) + ")"
					}
				}
				return
			}
		}
	}
	var unnamed []*agreement.Coder
	byName := map[string][]*agreement.Coder{}
	var names []string
	for i := range coders {
		cd := &coders[i]
		if cd.Name == "" {
			unnamed = append(unnamed, cd)
			continue
		}
		if _, ok := byName[cd.Name]; !ok {
			names = append(names, cd.Name)
		}
		byName[cd.Name] = append(byName[cd.Name], cd)
	}
	label(unnamed)
	for _, n := range names {
		if len(byName[n]) > 1 {
			label(byName[n])
		}
	}
	// A file named like a coder of another file: number what still clashes.
	seen := map[string]int{}
	for i := range coders {
		seen[coders[i].Name]++
		if k := seen[coders[i].Name]; k > 1 {
			coders[i].Name += fmt.Sprintf(" #%d", k)
		}
	}
}

// printAgreement writes the report: the coders, then a table per code and
// over all codes, with each coefficient that is undefined explained below.
func printAgreement(w io.Writer, c *corpus.Corpus, rep *agreement.Report) {
	what := fmt.Sprintf("%s of %s", plural(rep.Sentences, "sentence"), plural(rep.Articles, "article"))
	if rep.Unit == agreement.UnitSpan {
		what = fmt.Sprintf("%s of %s (the passages tagged; Krippendorff's αu)", plural(rep.Characters, "character"), plural(rep.Articles, "article"))
	}
	fmt.Fprintf(w, "Agreement of %s on %s in %s\n", plural(len(rep.Coders), "coder"), what, oneLine(c.Name, 60))
	if rep.Coded == agreement.CodedAll {
		fmt.Fprintln(w, "Every coder counts as having coded every loaded article (--coded all).")
	} else {
		fmt.Fprintln(w, "A coder counts as having coded the articles they tagged; elsewhere their silence is missing data (--coded all: every article).")
	}
	fmt.Fprintln(w)
	var ct table
	ct.add("CODER", "NOTES FILE", "ARTICLES", "NOTES", "NOTES LEFT OUT")
	leftOut := false
	for _, cd := range rep.Coders {
		var out []string
		if cd.Orphaned > 0 {
			out = append(out, fmt.Sprintf("%d orphaned (text no longer there)", cd.Orphaned))
		}
		if cd.NotLoaded > 0 {
			out = append(out, fmt.Sprintf("%d on articles not loaded", cd.NotLoaded))
		}
		leftOut = leftOut || len(out) > 0
		ct.add(oneLine(cd.Name, 24), oneLine(cd.Source, 40), fmt.Sprint(cd.Articles), fmt.Sprint(cd.Notes), strings.Join(out, ", "))
	}
	if !leftOut {
		for i := range ct.rows {
			ct.rows[i] = ct.rows[i][:4]
		}
	}
	ct.write(w, "  ")
	if len(rep.LeftOut) > 0 {
		fmt.Fprintf(w, "\nLeft out, coded by some coders but not all (αu needs every coder on the whole text): %s\n",
			clean(strings.Join(rep.LeftOut, ", ")))
	}
	fmt.Fprintln(w)
	if len(rep.Codes) == 0 {
		fmt.Fprintln(w, "No codes: the notes files have no codebook and no tagged passage.")
		return
	}
	names := make([]string, len(rep.Coders))
	for i, cd := range rep.Coders {
		names[i] = oneLine(cd.Name, 12)
	}
	cols := agreementColumns(rep)
	var t table
	head := []string{"CODE", "UNITS", "CODERS", "APPLIED (" + strings.Join(names, "/") + ")"}
	for _, col := range cols {
		head = append(head, col.head)
	}
	t.add(head...)
	var why []string
	rows := append(append([]agreement.Row(nil), rep.Codes...), rep.Overall)
	for i, r := range rows {
		code := oneLine(r.Code, 40)
		if i == len(rows)-1 {
			code = "all codes"
		}
		applied := make([]string, len(r.Applied))
		for k, n := range r.Applied {
			applied[k] = fmt.Sprint(n)
		}
		cells := []string{code, fmt.Sprint(r.Units), fmt.Sprint(r.Coders), strings.Join(applied, "/")}
		reasons := map[string][]string{}
		var order []string
		for _, col := range cols {
			v, undef := col.get(r)
			if undef == "" {
				cells = append(cells, col.format(v))
				continue
			}
			cells = append(cells, "n/a")
			if _, ok := reasons[undef]; !ok {
				order = append(order, undef)
			}
			reasons[undef] = append(reasons[undef], col.name)
		}
		t.add(cells...)
		for _, u := range order {
			why = append(why, fmt.Sprintf("%s — %s: %s", code, strings.Join(reasons[u], ", "), clean(u)))
		}
	}
	t.write(w, "  ")
	if rep.Unit == agreement.UnitSentence {
		if len(rep.Coders) != 2 {
			fmt.Fprintf(w, "\nCohen's κ is left out: it is for two coders, and there are %d (Fleiss' κ and Krippendorff's α take any number).\n", len(rep.Coders))
		}
		fmt.Fprintln(w, "\n\"all codes\" pools every code: each pair of a sentence and a code is one unit, applied or not.")
	}
	if len(why) > 0 {
		fmt.Fprintln(w, "\nn/a:")
		for _, l := range why {
			fmt.Fprintln(w, "  "+l)
		}
	}
}

// agreementColumn is one coefficient column of the table.
type agreementColumn struct {
	head, name string
	get        func(agreement.Row) (float64, string) // value, or why it is undefined
	format     func(float64) string
}

// agreementColumns are the coefficient columns of a report: Cohen's κ
// only with two coders, αu only for spans.
func agreementColumns(rep *agreement.Report) []agreementColumn {
	three := func(v float64) string { return fmt.Sprintf("%.3f", v) }
	coef := func(pick func(agreement.Row) *agreement.Coefficient) func(agreement.Row) (float64, string) {
		return func(r agreement.Row) (float64, string) {
			c := pick(r)
			if c == nil || c.Value == nil {
				if c == nil {
					return 0, "not computed"
				}
				return 0, c.Undefined
			}
			return *c.Value, ""
		}
	}
	if rep.Unit == agreement.UnitSpan {
		return []agreementColumn{{"αu", "Krippendorff's αu", func(r agreement.Row) (float64, string) {
			u := r.UnitizedAlpha
			if u == nil || u.Value == nil {
				if u == nil {
					return 0, "not computed"
				}
				return 0, u.Undefined
			}
			return *u.Value, ""
		}, three}}
	}
	cols := []agreementColumn{{"AGREEMENT", "percent agreement",
		coef(func(r agreement.Row) *agreement.Coefficient { return r.PercentAgreement }),
		func(v float64) string { return fmt.Sprintf("%.1f%%", v) }}}
	if len(rep.Coders) == 2 {
		cols = append(cols, agreementColumn{"COHEN κ", "Cohen's κ", coef(func(r agreement.Row) *agreement.Coefficient { return r.CohenKappa }), three})
	}
	return append(cols,
		agreementColumn{"FLEISS κ", "Fleiss' κ", coef(func(r agreement.Row) *agreement.Coefficient { return r.FleissKappa }), three},
		agreementColumn{"KRIPPENDORFF α", "Krippendorff's α", coef(func(r agreement.Row) *agreement.Coefficient { return r.KrippendorffAlpha }), three})
}

package corpus

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// prefilterLines are lines to try the prefilters on: every line of the
// embedded articles, every string literal of this package's tests (the
// furniture tests' examples among them), and variants of each — upper
// case, the long s and Kelvin sign the case-insensitive expressions fold
// to s and k, white space around, cut short at the end.
func prefilterLines(t *testing.T) []string {
	t.Helper()
	var base []string
	err := fs.WalkDir(embeddedFS, "embedded", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(embeddedFS, p)
		base = append(base, strings.Split(string(b), "\n")...)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("*_test.go")
	fset := token.NewFileSet()
	for _, f := range files {
		af, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(af, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil {
					base = append(base, s)
					base = append(base, strings.Split(s, "\n")...)
				}
			}
			return true
		})
	}
	base = append(base,
		"All Rights Reserved.", "© 2020 Example News. all rights reserved", "This material may not be republished.",
		"Copyright 2019 Reuters", "(c) Example Ltd", "Flood waters in Derna. Photo: Esam Omran/AFP",
		"Flood waters in Derna. Esam Omran/AFP", "A street in Kyiv (Photo by Jane Doe)", "The port (Reuters photo)",
		"Smoke rises (Jane Doe via Reuters)", "The summit | Photo: pool", "Leaders meet © AFP 2020",
		"A market [Jane Doe/AFP]", "A market. Pictures by Jane Doe", "A market. Image: Jane Doe",
	)
	var out []string
	for _, s := range base {
		for _, v := range []string{s, strings.ToUpper(s), strings.ToLower(s),
			strings.ReplaceAll(s, "s", "ſ"), strings.ReplaceAll(s, "k", "\u212a"), strings.ReplaceAll(strings.ToUpper(s), "S", "ſ"),
			"  " + s, "\t" + s + " "} {
			out = append(out, v, strings.TrimSpace(v))
			if n := len(v); n > 3 {
				out = append(out, v[:n/2], strings.TrimSpace(v[:n-1]))
			}
		}
	}
	return out
}

func TestPrefiltersNeverMissAMatch(t *testing.T) {
	cases := []struct {
		name  string
		re    *regexp.Regexp
		may   func(string) bool
		atEnd bool // the filter takes lines without white space at the end, as line passes them
	}{
		{"legal", legalRE, mayBeLegal, false},
		{"caption credit", captionCreditRE, mayBeCaptionCredit, true},
	}
	lines := prefilterLines(t)
	for _, c := range cases {
		matched, passed := 0, 0
		for _, l := range lines {
			if c.atEnd {
				l = strings.TrimSpace(l)
			}
			may := c.may(l)
			if may {
				passed++
			}
			if c.re.MatchString(l) {
				matched++
				if !may {
					t.Errorf("%s: the expression matches %q, the prefilter says it cannot", c.name, l)
				}
			}
		}
		if matched < 20 {
			t.Errorf("%s: only %d of %d lines match: the test proves little", c.name, matched, len(lines))
		}
		t.Logf("%s: %d lines, %d pass the prefilter, %d match", c.name, len(lines), passed, matched)
	}
}

func TestContainsFoldASCII(t *testing.T) {
	for _, c := range []struct {
		s, sub string
		want   bool
	}{
		{"All Rights RESERVED", "erved", true}, {"may Not Be", "may not be", true}, {"photograph", "photo", true},
		{"PHOT", "photo", false}, {"", "a", false}, {"abc", "", true}, {"xPhOtO", "photo", true}, {"phot o", "photo", false},
	} {
		if got := containsFoldASCII(c.s, c.sub); got != c.want {
			t.Errorf("containsFoldASCII(%q, %q) = %v, want %v", c.s, c.sub, got, c.want)
		}
	}
}

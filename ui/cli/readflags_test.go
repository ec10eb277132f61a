package cli

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCorpusCommandsTakeReadFlags: every command that reads a corpus with
// loadCorpus or loadToAnalyse (with no PATH: the library, else the
// built-in corpus) takes
// --library and --embedded, registered by addReadFlags in the same
// function, so a user with a library can still read the built-in corpus.
func TestCorpusCommandsTakeReadFlags(t *testing.T) {
	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range af.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Body == nil || !strings.HasPrefix(fn.Name.Name, "run") {
				continue
			}
			calls := map[string]bool{}
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				if c, ok := n.(*ast.CallExpr); ok {
					if id, ok := c.Fun.(*ast.Ident); ok {
						calls[id.Name] = true
					}
				}
				return true
			})
			if !calls["loadCorpus"] && !calls["loadToAnalyse"] {
				continue
			}
			checked++
			if !calls["addReadFlags"] {
				t.Errorf("%s (%s) reads a corpus with loadCorpus or loadToAnalyse but does not take --library and --embedded (addReadFlags)", fn.Name.Name, f)
			}
		}
	}
	if checked < 10 {
		t.Fatalf("only %d commands read a corpus? the scan is broken", checked)
	}
	for _, cmd := range []string{"tag", "agreement", "import", "list", "show", "facts", "framing", "stories", "export", "notes"} {
		out, _, _ := runCLI(t, cmd, "--help")
		if !strings.Contains(out, "-embedded") || !strings.Contains(out, "-library") {
			t.Errorf("%s --help lists no --embedded or --library:\n%s", cmd, out)
		}
	}
}

// TestTwoCodersWithALibrary follows docs/agreement.md's two-coder session
// as a user with a library does: tag and agreement take --embedded, and
// without it agreement says the notes are on another corpus instead of
// reporting 0 sentences.
func TestTwoCodersWithALibrary(t *testing.T) {
	cfg := t.TempDir()
	dir := t.TempDir()
	lib := filepath.Join(dir, "lib.db")
	art := filepath.Join(dir, "talks.txt")
	os.WriteFile(art, []byte(libArticle), 0o644)
	env := map[string]string{"PARALLAX_CONFIG_DIR": cfg, "PARALLAX_DATA_DIR": dir, "PARALLAX_LIBRARY": filepath.Join(dir, "missing.db")}
	run := func(args ...string) (string, string, int) { t.Helper(); return runCLIEnv(t, env, args...) }

	// A library that does not exist: --embedded reads the built-in corpus.
	anna, ben := filepath.Join(dir, "anna.db"), filepath.Join(dir, "ben.db")
	tagArgs := []string{"tag", "--coder", "anna", "--notes", anna, "--article", tass, "--quote", "Russia rejected these demands", "--tag", "denial"}
	if _, errs, code := run(tagArgs...); code != 1 || !strings.Contains(errs, "does not exist") || !strings.Contains(errs, "--embedded") {
		t.Fatalf("tag with a missing library: exit %d, want 1 and a hint at --embedded:\n%s", code, errs)
	}
	if out, errs, code := run(append(tagArgs, "--embedded")...); code != 0 || !strings.Contains(out, "tagged "+tass) {
		t.Fatalf("tag --embedded with a missing library: exit %d\n%s%s", code, out, errs)
	}

	// A library with articles.
	if _, errs, code := run("add", "--library", lib, art); code != 0 {
		t.Fatalf("add: exit %d: %s", code, errs)
	}
	env["PARALLAX_LIBRARY"] = lib
	benArgs := []string{"tag", "--coder", "ben", "--notes", ben, "--article", tass, "--quote", "Russia rejected these demands", "--tag", "denial"}
	if _, errs, code := run(benArgs...); code != 1 || !strings.Contains(errs, "it is in the built-in corpus: add --embedded") {
		t.Fatalf("tag on the library with a built-in article id: exit %d, want 1 and a hint at --embedded:\n%s", code, errs)
	}
	if out, errs, code := run(append(benArgs, "--embedded")...); code != 0 {
		t.Fatalf("tag --embedded: exit %d\n%s%s", code, out, errs)
	}

	out, errs, code := run("agreement", "--notes", anna, "--notes", ben)
	if code != 1 || out != "" {
		t.Errorf("agreement on the library with notes made on the built-in corpus: exit %d, want 1 and nothing on stdout:\n%s", code, out)
	}
	for _, want := range []string{"none of anna's 1 note", "none of ben's 1 note", "the corpus read is library " + lib + " (1 article)", "add --embedded"} {
		if !strings.Contains(errs, want) {
			t.Errorf("agreement's error lacks %q:\n%s", want, errs)
		}
	}
	out, errs, code = run("agreement", "--embedded", "--notes", anna, "--notes", ben)
	if code != 0 || !strings.Contains(out, "Agreement of 2 coders on ") || !strings.Contains(out, "in embedded INF corpus") {
		t.Errorf("agreement --embedded: exit %d\n%s%s", code, out, errs)
	}

	// import reads the library too: annotations of the built-in corpus
	// point at --embedded, which imports them.
	ann := filepath.Join(dir, "anna.json")
	if out, errs, code := run("export", "--embedded", "--format", "json", "--notes", anna, "-o", ann); code != 0 {
		t.Fatalf("export --embedded: exit %d\n%s%s", code, out, errs)
	}
	dana := filepath.Join(dir, "dana.db")
	if _, errs, code := run("import", "--notes", dana, ann); code != 1 || !strings.Contains(errs, "they are on the built-in corpus: add --embedded") {
		t.Errorf("import on the library of annotations made on the built-in corpus: exit %d\n%s", code, errs)
	}
	if out, errs, code := run("import", "--embedded", "--notes", dana, ann); code != 0 {
		t.Errorf("import --embedded: exit %d\n%s%s", code, out, errs)
	}

	// One coder's notes elsewhere: the report goes on, and says so.
	carl := filepath.Join(dir, "carl.db")
	out, _, _ = run("list", "--json")
	var l struct{ Articles []struct{ ID string } }
	if json.Unmarshal([]byte(out), &l) != nil || len(l.Articles) != 1 {
		t.Fatalf("list --json of the library:\n%s", out)
	}
	if _, errs, code := run("tag", "--coder", "carl", "--notes", carl, "--article", l.Articles[0].ID, "--quote", "12 soldiers were wounded", "--tag", "denial"); code != 0 {
		t.Fatalf("tag on the library: exit %d\n%s", code, errs)
	}
	_, errs, _ = run("agreement", "--embedded", "--notes", anna, "--notes", ben, "--notes", carl)
	if !strings.Contains(errs, "none of carl's 1 note") || !strings.Contains(errs, "the corpus read is embedded INF corpus (5 articles); give the PATH") {
		t.Errorf("agreement with one coder's notes on the library, read --embedded:\n%s", errs)
	}
}

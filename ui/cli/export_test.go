package cli

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/notes"
)

// seedStore creates a notes file with a few tagged passages on the
// embedded corpus.
func seedStore(t *testing.T, path string) {
	t.Helper()
	st, err := notes.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.AddCode(notes.Code{Name: "blame", Colour: "#e15759", Description: "Who is held responsible"}); err != nil {
		t.Fatal(err)
	}
	if err := st.AddCode(notes.Code{Name: "blame/us", Parent: "blame"}); err != nil {
		t.Fatal(err)
	}
	c := corpus.Default()
	tag := func(article, quote string, tags []string, memo string) {
		a := c.Article(article)
		i := strings.Index(a.Text, quote)
		if i < 0 {
			t.Fatalf("%q not in %s", quote, article)
		}
		if _, err := st.Tag(notes.NewAnchor(a, i, i+len(quote)), tags, memo); err != nil {
			t.Fatal(err)
		}
	}
	tag("003_901c7662e3582013", "Nobody has ever shown us satellite images", []string{"evidence", "blame/us"}, "=SUM(1) | *memo*")
	tag("002_09be80acf871a14e", "We will not deploy such systems in a region", []string{"threat"}, "")
	tag("000_d4373ea2e64dc0f0", "“certain shifts”", nil, "memo only")
}

// normalise drops what a store assigns itself (note ids and times) from a
// JSON export, so two stores holding the same passages compare equal.
func normalise(t *testing.T, js string) string {
	t.Helper()
	var lines []string
	for _, l := range strings.Split(js, "\n") {
		k := strings.TrimSpace(l)
		if strings.HasPrefix(k, `"id": "urn:uuid:`) || strings.HasPrefix(k, `"parallax:note"`) ||
			strings.HasPrefix(k, `"created"`) || strings.HasPrefix(k, `"modified"`) || strings.HasPrefix(k, `"generated"`) {
			continue
		}
		lines = append(lines, l)
	}
	return strings.Join(lines, "\n")
}

func TestExportImportRoundTripThroughTheStore(t *testing.T) {
	t.Setenv("PARALLAX_DATA_DIR", t.TempDir())
	t.Setenv("PARALLAX_CONFIG_DIR", t.TempDir())
	dir := t.TempDir()
	src := filepath.Join(dir, "src.db")
	seedStore(t, src)

	first, errs, code := runCLI(t, "export", "--format", "json", "--notes", src)
	if code != 0 {
		t.Fatalf("export: exit %d: %s", code, errs)
	}
	file := filepath.Join(dir, "notes.json")
	if err := os.WriteFile(file, []byte(first), 0o644); err != nil {
		t.Fatal(err)
	}

	dst := filepath.Join(dir, "dst.db")
	out, errs, code := runCLI(t, "import", "--notes", dst, file)
	if code != 0 {
		t.Fatalf("import: exit %d: %s %s", code, out, errs)
	}
	if !strings.Contains(out, "3 new passages") || !strings.Contains(out, "4 new codes") {
		t.Errorf("import summary: %s", out)
	}
	second, errs, code := runCLI(t, "export", "--format", "json", "--notes", dst)
	if code != 0 {
		t.Fatalf("export again: exit %d: %s", code, errs)
	}
	if n := normalise(t, first); !strings.Contains(n, `"exact": "Nobody has ever shown us satellite images"`) || !strings.Contains(n, `"value": "blame/us"`) {
		t.Fatalf("the export lacks the seeded passages:\n%s", n)
	}
	if normalise(t, first) != normalise(t, second) {
		t.Fatalf("export → import → export differs:\n--- first\n%s\n--- second\n%s", normalise(t, first), normalise(t, second))
	}

	// Importing twice adds nothing.
	out, _, code = runCLI(t, "import", "--notes", dst, file)
	if code != 0 || !strings.Contains(out, "0 new passages, 0 updated, 3 already there; 0 new codes") {
		t.Fatalf("second import: exit %d: %s", code, out)
	}
	st, err := notes.Open(dst)
	if err != nil {
		t.Fatal(err)
	}
	ns, _ := st.Notes()
	st.Close()
	if len(ns) != 3 {
		t.Fatalf("after two imports the store holds %d notes, want 3", len(ns))
	}
	third, _, _ := runCLI(t, "export", "--format", "json", "--notes", dst)
	if normalise(t, third) != normalise(t, first) {
		t.Fatal("the second import changed the notes")
	}
}

func TestExportToFileRefusesOverwriteAndFormats(t *testing.T) {
	t.Setenv("PARALLAX_DATA_DIR", t.TempDir())
	t.Setenv("PARALLAX_CONFIG_DIR", t.TempDir())
	dir := t.TempDir()
	db := filepath.Join(dir, "n.db")
	seedStore(t, db)

	target := filepath.Join(dir, "out.csv")
	if err := os.WriteFile(target, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errs, code := runCLI(t, "export", "--notes", db, "-o", target)
	if code == 0 || !strings.Contains(errs, "already exists; use --force") {
		t.Fatalf("overwrite without --force: exit %d: %s", code, errs)
	}
	if b, _ := os.ReadFile(target); string(b) != "keep me" {
		t.Fatal("the file was overwritten")
	}
	_, errs, code = runCLI(t, "export", "--notes", db, "-o", target, "--force")
	if code != 0 {
		t.Fatalf("export --force: exit %d: %s", code, errs)
	}
	b, _ := os.ReadFile(target)
	if !strings.HasPrefix(string(b), "tag,outlet,article") || !strings.Contains(string(b), "'=SUM(1) | *memo*") {
		t.Fatalf("format not taken from the .csv extension, or formula not escaped:\n%s", b)
	}

	// A codebook export says how many codes it holds, not passages.
	_, errs, code = runCLI(t, "export", "--notes", db, "-o", filepath.Join(dir, "cb.qdc"))
	if code != 0 || !strings.Contains(errs, "; 4 codes\n") || strings.Contains(errs, "passages") {
		t.Fatalf("codebook export: exit %d: %s", code, errs)
	}

	// qdpx to a pipe (not a terminal) writes a zip.
	out, errs, code := runCLI(t, "export", "--format", "qdpx", "--notes", db)
	if code != 0 {
		t.Fatalf("qdpx to stdout: exit %d: %s", code, errs)
	}
	zr, err := zip.NewReader(bytes.NewReader([]byte(out)), int64(len(out)))
	if err != nil || len(zr.File) != 6 {
		t.Fatalf("qdpx on stdout is not a zip of project.qde and 5 sources: %v", err)
	}

	// Markdown grouped by outlet, with inline tags.
	out, _, code = runCLI(t, "export", "--notes", db, "--group-by", "outlet", "--inline-tags")
	if code != 0 || !strings.Contains(out, "## Passages by outlet") || !strings.Contains(out, "#blame/us") {
		t.Fatalf("markdown by outlet: exit %d\n%s", code, out)
	}

	// The HTML report runs the framing analysis.
	out, _, code = runCLI(t, "export", "--format", "html", "--notes", db)
	if code != 0 || !strings.Contains(out, `class="mk `) || !strings.Contains(out, `<article class="col"`) {
		t.Fatalf("html report: exit %d, markers or columns missing", code)
	}

	for _, bad := range [][]string{{"export", "--format", "docx"}, {"export", "--group-by", "colour"}, {"export", "-o", "x.docx"}, {"export", "--notes", filepath.Join(dir, "missing.db")}} {
		if _, _, code := runCLI(t, bad...); code == 0 {
			t.Errorf("%v succeeded", bad)
		}
	}
	if _, _, code := runCLI(t, "import"); code != 2 {
		t.Errorf("import without a file: exit %d, want 2", code)
	}
}

func TestImportReportsUnusableAnnotations(t *testing.T) {
	t.Setenv("PARALLAX_DATA_DIR", t.TempDir())
	t.Setenv("PARALLAX_CONFIG_DIR", t.TempDir())
	dir := t.TempDir()
	anns := []map[string]any{
		{"type": "Annotation", "body": map[string]any{"purpose": "tagging", "value": "found"},
			"target": map[string]any{"source": "urn:parallax:article:003_901c7662e3582013", "selector": map[string]any{"type": "TextQuoteSelector", "exact": "satellite images"}}},
		{"type": "Annotation", "body": map[string]any{"purpose": "tagging", "value": "lost"},
			"target": map[string]any{"source": "urn:parallax:article:003_901c7662e3582013", "selector": map[string]any{"type": "TextQuoteSelector", "exact": "words that are nowhere"}}},
	}
	data, _ := json.Marshal(anns)
	file := filepath.Join(dir, "a.json")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := runCLI(t, "import", "--notes", filepath.Join(dir, "n.db"), file)
	if code == 0 || !strings.Contains(out, "1 new passages") || !strings.Contains(errs, "words that are nowhere") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
}

func TestImportDryRunWritesNothing(t *testing.T) {
	t.Setenv("PARALLAX_DATA_DIR", t.TempDir())
	t.Setenv("PARALLAX_CONFIG_DIR", t.TempDir())
	dir := t.TempDir()
	src := filepath.Join(dir, "src.db")
	seedStore(t, src)
	js, _, _ := runCLI(t, "export", "--format", "json", "--notes", src)
	file := filepath.Join(dir, "n.json")
	if err := os.WriteFile(file, []byte(js), 0o644); err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(dir, "dst.db")
	out, errs, code := runCLI(t, "import", "--dry-run", "--notes", dst, file)
	if code != 0 || !strings.Contains(out, "would import") || !strings.Contains(out, "3 new passages") {
		t.Fatalf("dry run: exit %d\n%s%s", code, out, errs)
	}
	if _, err := os.Stat(dst); err == nil {
		t.Fatal("a dry run created the notes file")
	}
}

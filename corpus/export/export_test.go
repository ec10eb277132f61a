package export

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/corpus/notes"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/export")

// goldenDir holds the golden files and the REFI-QDA schemas.
const goldenDir = "../../testdata/export"

// golden compares got with the named golden file, or rewrites it with
// -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join(goldenDir, name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden %s (run go test -update to create it): %v", path, err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("%s differs from the golden file at line %d:\n got: %q\nwant: %q\n(run go test -update if the change is intended)", name, i+1, g, w)
			}
		}
		t.Fatalf("%s differs from the golden file", name)
	}
}

func render(t *testing.T, f Format, in Input, opts Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, f, in, opts); err != nil {
		t.Fatalf("Write %s: %v", f, err)
	}
	return buf.Bytes()
}

func TestGoldenTextFormats(t *testing.T) {
	in := fixture(t)
	cases := []struct {
		file string
		f    Format
		opts Options
	}{
		{"notes-by-tag.md", Markdown, Options{}},
		{"notes-by-outlet.md", Markdown, Options{GroupBy: ByOutlet, InlineTags: true}},
		{"notes-by-article.md", Markdown, Options{GroupBy: ByArticle}},
		{"notes.csv", CSV, Options{}},
		{"notes.json", JSON, Options{}},
		{"codebook.qdc", QDC, Options{}},
		{"report.html", HTML, Options{}},
	}
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			got := render(t, tc.f, in, tc.opts)
			golden(t, tc.file, got)
			if again := render(t, tc.f, in, tc.opts); !bytes.Equal(got, again) {
				t.Errorf("%s: two exports of the same input differ", tc.f)
			}
		})
	}
}

// unzip returns the files of a zip archive by name.
func unzip(t *testing.T, data []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("the .qdpx is not a zip file: %v", err)
	}
	out := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name] = b
	}
	return out
}

func TestGoldenQDPX(t *testing.T) {
	in := fixture(t)
	files := unzip(t, render(t, QDPX, in, Options{}))
	qde, ok := files["project.qde"]
	if !ok {
		t.Fatalf("no project.qde in the archive; files: %v", keys(files))
	}
	golden(t, "project.qde", qde)
	if len(files) != 1+len(in.Corpus.Articles) {
		t.Errorf("archive holds %d files, want project.qde and %d sources", len(files), len(in.Corpus.Articles))
	}
	for _, a := range in.Corpus.Articles {
		g := guid("article", a.ID)
		src, ok := files["sources/"+g+".txt"]
		if !ok {
			t.Errorf("no source file for %s", a.ID)
			continue
		}
		if string(src) != a.Text {
			t.Errorf("source of %s is not the article text", a.ID)
		}
		if !bytes.Contains(qde, []byte(`plainTextPath="internal://`+g+`.txt"`)) {
			t.Errorf("project.qde does not point at the source of %s", a.ID)
		}
	}
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestWriteFileRace starts several exports to one new path at once:
// exactly one writes it, the others are refused, and the file is one
// whole export with no temporary file left beside it.
func TestWriteFileRace(t *testing.T) {
	in := fixture(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "notes.md")
	want := render(t, Markdown, in, Options{})
	const n = 8
	errs := make(chan error, n)
	start := make(chan struct{})
	for i := 0; i < n; i++ {
		go func() {
			<-start
			errs <- WriteFile(path, Markdown, in, Options{}, false)
		}()
	}
	close(start)
	wrote := 0
	for i := 0; i < n; i++ {
		err := <-errs
		var ee *ExistsError
		switch {
		case err == nil:
			wrote++
		case !errors.As(err, &ee):
			t.Errorf("export %d: %v, want nil or an ExistsError", i, err)
		}
	}
	if wrote != 1 {
		t.Errorf("%d exports wrote the file, want 1", wrote)
	}
	if b, _ := os.ReadFile(path); !bytes.Equal(b, want) {
		t.Error("the file is not one whole export")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d files in the directory, want only the export", len(entries))
	}
}

func TestWriteFileRefusesToOverwrite(t *testing.T) {
	in := fixture(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "notes.md")
	if err := os.WriteFile(path, []byte("precious"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(path, Markdown, in, Options{}, false)
	var ee *ExistsError
	if !errors.As(err, &ee) || !errors.Is(err, fs.ErrExist) {
		t.Fatalf("WriteFile over an existing file without force: got %v, want an ExistsError", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "precious" {
		t.Fatalf("the existing file was changed: %q", b)
	}
	if err := WriteFile(path, Markdown, in, Options{}, true); err != nil {
		t.Fatalf("WriteFile with force: %v", err)
	}
	b, _ := os.ReadFile(path)
	if !bytes.Equal(b, render(t, Markdown, in, Options{})) {
		t.Fatal("the forced write does not hold the export")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("temporary files left beside the export: %v", entries)
	}
	// A new file needs no force.
	if err := WriteFile(filepath.Join(dir, "new.csv"), CSV, in, Options{}, false); err != nil {
		t.Fatalf("WriteFile to a new path: %v", err)
	}
	// A missing folder is named as such, not through a temporary file.
	missing := filepath.Join(dir, "no-such-folder", "x.md")
	if err := WriteFile(missing, Markdown, in, Options{}, false); err == nil || !strings.Contains(err.Error(), "folder") || strings.Contains(err.Error(), ".tmp") {
		t.Errorf("WriteFile into a missing folder: %v", err)
	}
	// An unknown format writes nothing.
	if err := WriteFile(filepath.Join(dir, "x.doc"), Format("doc"), in, Options{}, false); err == nil {
		t.Fatal("WriteFile accepted an unknown format")
	}
	if _, err := os.Stat(filepath.Join(dir, "x.doc")); err == nil {
		t.Fatal("a failed export left a file")
	}
}

func TestDefaultFileName(t *testing.T) {
	now := time.Date(2026, 3, 1, 14, 5, 0, 0, time.UTC)
	cases := []struct {
		f    Format
		name string
		want string
	}{
		{Markdown, "embedded INF corpus", "parallax-embedded-inf-corpus-20260301-1405.md"},
		{QDPX, "/home/me/news/INF", "parallax-home-me-news-inf-20260301-1405.qdpx"},
		{CSV, "", "parallax-notes-20260301-1405.csv"},
		{JSON, "Ünïcode only ☃", "parallax-n-code-only-20260301-1405.json"},
		{HTML, strings.Repeat("long ", 30), "parallax-long-long-long-long-long-long-long-long-20260301-1405.html"},
		{QDC, "x", "parallax-x-20260301-1405.qdc"},
	}
	for _, tc := range cases {
		if got := DefaultFileName(tc.f, tc.name, now); got != tc.want {
			t.Errorf("DefaultFileName(%s, %q) = %q, want %q", tc.f, tc.name, got, tc.want)
		}
	}
}

func TestParseFormat(t *testing.T) {
	for _, f := range Formats() {
		got, err := ParseFormat(string(f))
		if err != nil || got != f {
			t.Errorf("ParseFormat(%q) = %q, %v", f, got, err)
		}
		if got, _ := ParseFormat(f.Extension()); got != f {
			t.Errorf("ParseFormat(%q) = %q, want %q", f.Extension(), got, f)
		}
		if f.Description() == "" {
			t.Errorf("%s has no description", f)
		}
	}
	if _, err := ParseFormat("docx"); err == nil {
		t.Error("ParseFormat accepted docx")
	}
	if !QDPX.Binary() || Markdown.Binary() {
		t.Error("only qdpx is binary")
	}
}

func TestEmptyInput(t *testing.T) {
	for _, f := range Formats() {
		if f == QDC {
			continue // a codebook needs at least one code
		}
		var buf bytes.Buffer
		if err := Write(&buf, f, Input{Generated: time.Unix(0, 0)}, Options{}); err != nil {
			t.Errorf("%s of an empty input: %v", f, err)
		}
		if buf.Len() == 0 {
			t.Errorf("%s of an empty input wrote nothing", f)
		}
	}
}

// BenchmarkWrite measures each format on the fixture (five articles, eight
// notes, the HTML report with facts and markers).
func BenchmarkWrite(b *testing.B) {
	in := fixture(b)
	for _, f := range Formats() {
		b.Run(string(f), func(b *testing.B) {
			for b.Loop() {
				if err := Write(io.Discard, f, in, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// FuzzWriteHostileNotes feeds notes with any offsets, quotes, memos and tag
// names to every writer: none may fail or panic, the JSON must parse and
// the project must stay well-formed XML.
func FuzzWriteHostileNotes(f *testing.F) {
	f.Add(10, 40, "quote", "memo", "tag", "#zzz", false)
	f.Add(-5, 1<<30, "", "=cmd|' /C calc'!A0", "a/b", "", true)
	f.Add(3, 2, "\x00\xff<>&\"'", "\u202e\r\n\t", "\x01", "#abc", false)
	in := fixture(f)
	f.Fuzz(func(t *testing.T, start, end int, quote, memo, tag, colour string, orphaned bool) {
		n := notes.Note{ID: "fuzz", Anchor: notes.Anchor{Article: tass, Start: start, End: end, Quote: quote}, Tags: []string{tag, "x"}, Memo: memo, Orphaned: orphaned}
		hostile := in
		hostile.Notes = append(append([]notes.Note(nil), in.Notes...), n)
		hostile.Codebook = append(append([]notes.Code(nil), in.Codebook...), notes.Code{Name: tag, Colour: colour, Parent: tag})
		for _, format := range Formats() {
			var buf bytes.Buffer
			if err := Write(&buf, format, hostile, Options{InlineTags: true}); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			switch format {
			case JSON:
				if !json.Valid(buf.Bytes()) {
					t.Fatal("invalid JSON")
				}
			case QDPX:
				zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
				if err != nil {
					t.Fatal(err)
				}
				rc, _ := zr.File[0].Open()
				dec := xml.NewDecoder(rc)
				for {
					if _, err := dec.Token(); err == io.EOF {
						break
					} else if err != nil {
						t.Fatalf("project.qde is not well-formed: %v", err)
					}
				}
				rc.Close()
			}
		}
	})
}

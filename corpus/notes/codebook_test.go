package notes

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestStarters(t *testing.T) {
	want := map[string]int{"general": 12, "media-frames": 15, "propaganda": 14}
	if got := StarterNames(); !slices.Equal(got, []string{"general", "media-frames", "propaganda"}) {
		t.Fatalf("StarterNames = %v", got)
	}
	for name, n := range want {
		cs, err := Starter(name)
		if err != nil {
			t.Fatal(err)
		}
		if len(cs) != n {
			t.Errorf("%s has %d codes, want %d", name, len(cs), n)
		}
		for _, c := range cs {
			if err := validateCode(c); err != nil || c.Description == "" || c.Colour == "" {
				t.Errorf("%s: code %+v: %v", name, c, err)
			}
		}
		if StarterAbout(name) == "" {
			t.Errorf("%s has no description", name)
		}
	}
	mf, _ := Starter("media-frames")
	for _, must := range []string{"economic", "capacity and resources", "morality", "security and defense", "external regulation and reputation"} {
		if !slices.ContainsFunc(mf, func(c Code) bool { return c.Name == must }) {
			t.Errorf("media-frames lacks %q", must)
		}
	}
	pr, _ := Starter("propaganda")
	for _, must := range []string{"loaded language", "name calling, labeling", "doubt", "appeal to fear, prejudice", "flag-waving", "whataboutism, straw men, red herring"} {
		if !slices.ContainsFunc(pr, func(c Code) bool { return c.Name == must }) {
			t.Errorf("propaganda lacks %q", must)
		}
	}
	if _, err := Starter("nope"); err == nil || !strings.Contains(err.Error(), "media-frames") {
		t.Fatalf("unknown starter: %v", err)
	}

	// Picking two starters that share a code name adds it once, and the
	// user can then change them.
	s := openTemp(t)
	gen, _ := Starter("general")
	if n, err := s.ImportCodebook(gen, "general"); err != nil || n != 12 {
		t.Fatalf("import general: %d %v", n, err)
	}
	if n, err := s.ImportCodebook(pr, "propaganda"); err != nil || n != 13 {
		t.Fatalf("import propaganda over general: %d %v (loaded language is shared)", n, err)
	}
	if err := s.RenameCode("doubt", "casting doubt"); err != nil {
		t.Fatal(err)
	}
}

func sampleCodebook() []Code {
	return []Code{
		{Name: "blame", Colour: "#e15759", Description: "Responsibility is assigned"},
		{Name: "blame/us", Colour: "#4e79a7", Description: "…to the US, \"quoted\", with, commas", Parent: "blame"},
		{Name: "blame/us/pentagon", Colour: "#76b7b2", Parent: "blame/us"},
		{Name: "aside", Colour: "#59a14f", Description: "a child not named after its parent", Parent: "blame"},
		{Name: "Ünïcode & <xml>", Colour: "#edc948", Description: "line one\nline two"},
	}
}

func TestCodebookCSVRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	cb := sampleCodebook()
	if err := ExportCodebookCSV(&buf, cb); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), "name,colour,description,parent\n") {
		t.Fatalf("header: %q", buf.String())
	}
	got, err := ImportCodebookCSV(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, cb) {
		t.Fatalf("round trip:\n got %+v\nwant %+v", got, cb)
	}

	// Other spreadsheets: columns in another order, "color", #rgb, blank
	// rows, a BOM; or no header at all.
	in := "\ufeffDescription,Name,Color\nfirst,one,#ABC\n,,\nsecond,two,\n"
	got, err = ImportCodebookCSV(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Code{{Name: "one", Colour: "#aabbcc", Description: "first"}, {Name: "two", Description: "second"}}
	if !slices.Equal(got, want) {
		t.Fatalf("reordered: %+v", got)
	}
	got, err = ImportCodebookCSV(strings.NewReader("alpha,#112233,desc\nbeta\n"))
	if err != nil || len(got) != 2 || got[0].Colour != "#112233" || got[1].Name != "beta" {
		t.Fatalf("headerless: %+v %v", got, err)
	}
	for _, bad := range []string{"name\na//b\n", "name,colour\nx,purple\n", "name\nx\nX\n", "name\n\"unterminated\n"} {
		if _, err := ImportCodebookCSV(strings.NewReader(bad)); err == nil {
			t.Errorf("accepted %q", bad)
		}
	}
}

func TestCodebookQDCRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	cb := sampleCodebook()
	if err := ExportCodebookQDC(&buf, cb); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.Contains(out, `<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="parallax">`) {
		t.Fatalf("root element:\n%s", out)
	}
	if strings.Count(out, "<Code ") != len(cb) || !strings.Contains(out, `name="pentagon"`) {
		t.Fatalf("nesting:\n%s", out)
	}
	validateQDC(t, buf.Bytes())

	got, err := ImportCodebookQDC(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	// "aside" is nested under "blame" and comes back as "blame/aside":
	// REFI-QDA names a nested code by its own name only.
	want := slices.Clone(cb)
	want[3].Name = "blame/aside"
	slices.SortFunc(got, func(a, b Code) int { return strings.Compare(a.Name, b.Name) })
	slices.SortFunc(want, func(a, b Code) int { return strings.Compare(a.Name, b.Name) })
	if !slices.Equal(got, want) {
		t.Fatalf("round trip:\n got %+v\nwant %+v", got, want)
	}
	// Export is deterministic (stable GUIDs).
	var again bytes.Buffer
	ExportCodebookQDC(&again, cb)
	if again.String() != out {
		t.Fatal("export differs between runs")
	}
	if err := ExportCodebookQDC(&again, nil); err == nil {
		t.Fatal("exported an empty codebook that the schema rejects")
	}
}

func TestImportOtherToolQDC(t *testing.T) {
	f, err := os.Open(filepath.Join("..", "..", "testdata", "notes", "other-tool.qdc"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := ImportCodebookQDC(f)
	if err != nil {
		t.Fatal(err)
	}
	want := []Code{
		{Name: "Actors", Colour: "#aa00ff", Description: "Who is acting"},
		{Name: "Actors/Government", Colour: "#00ff00", Parent: "Actors"},
		{Name: "Actors/Military", Parent: "Actors"},
		{Name: "Actors/Military/Navy", Parent: "Actors/Military"},
		{Name: "Tone & style"},
	}
	if !slices.Equal(got, want) {
		t.Fatalf("got %+v", got)
	}
	s := openTemp(t)
	if n, err := s.ImportCodebook(got, "other-tool.qdc"); err != nil || n != 5 {
		t.Fatalf("import: %d %v", n, err)
	}
	cs, _ := s.Codebook()
	for _, c := range cs {
		if c.Colour == "" {
			t.Fatalf("code %s got no colour", c.Name)
		}
	}
	if d, err := s.Undo(); err != nil || !strings.Contains(d, "removed 5 codes") {
		t.Fatalf("undo import: %q %v", d, err)
	}
	if cs, _ := s.Codebook(); len(cs) != 0 {
		t.Fatalf("after undo: %v", cs)
	}
	for _, bad := range []string{"<CodeBook/>x", `<CodeBook xmlns="urn:other"><Codes/></CodeBook>`, "not xml"} {
		if _, err := ImportCodebookQDC(strings.NewReader(bad)); err == nil {
			t.Errorf("accepted %q", bad)
		}
	}
}

// validateQDC checks a .qdc against the REFI-QDA schema with xmllint when
// it is installed (Debian: libxml2-utils).
func validateQDC(t *testing.T, doc []byte) {
	t.Helper()
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		t.Log("xmllint not installed; schema validation skipped")
		return
	}
	f := filepath.Join(t.TempDir(), "codebook.qdc")
	if err := os.WriteFile(f, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(xmllint, "--noout", "--schema", filepath.Join("..", "..", "testdata", "notes", "Codebook.xsd"), f).CombinedOutput()
	if err != nil {
		t.Fatalf("xmllint: %v\n%s\n%s", err, out, doc)
	}
}

func FuzzImportCodebookCSV(f *testing.F) {
	f.Add("name,colour,description,parent\nblame,#ff0000,x,\nblame/us,,y,blame\n")
	f.Fuzz(func(t *testing.T, in string) {
		cs, err := ImportCodebookCSV(strings.NewReader(in))
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := ExportCodebookCSV(&buf, cs); err != nil {
			t.Fatal(err)
		}
		again, err := ImportCodebookCSV(&buf)
		if err != nil || !slices.Equal(again, cs) {
			t.Fatalf("re-import of own export: %v\n%+v\n%+v", err, cs, again)
		}
	})
}

func FuzzImportCodebookQDC(f *testing.F) {
	if b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "notes", "other-tool.qdc")); err == nil {
		f.Add(string(b))
	}
	f.Add(`<CodeBook><Codes><Code guid="x" name="a" isCodable="true"><Code name="b/c"/></Code></Codes></CodeBook>`)
	f.Fuzz(func(t *testing.T, in string) {
		cs, err := ImportCodebookQDC(strings.NewReader(in))
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := ExportCodebookQDC(&buf, cs); err != nil {
			t.Fatal(err)
		}
		again, err := ImportCodebookQDC(&buf)
		if err != nil || !slices.Equal(again, cs) {
			t.Fatalf("re-import of own export: %v\n%+v\n%+v", err, cs, again)
		}
	})
}

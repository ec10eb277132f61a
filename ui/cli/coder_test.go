package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runAs runs parallax with only the given environment variables and
// login name.
func runAs(t *testing.T, vars map[string]string, login string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &Env{Stdout: &out, Stderr: &errb, Getenv: func(k string) string { return vars[k] }, LoginName: func() string { return login }}
	code := Run(env, args)
	return out.String(), errb.String(), code
}

const (
	tassID = "003_901c7662e3582013"
	tassQ1 = "Moscow firmly dismissed all accusations"
	tassQ2 = "Russia rejected these demands"
)

// listNotes runs 'parallax notes --json' and decodes its notes.
func listNotes(t *testing.T, args ...string) []noteJSON {
	t.Helper()
	out, errOut, code := runCLI(t, append([]string{"notes", "--json"}, args...)...)
	if code != 0 {
		t.Fatalf("notes --json %v: exit %d: %s", args, code, errOut)
	}
	var doc struct {
		Notes []noteJSON `json:"notes"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("notes --json: %v\n%s", err, out)
	}
	return doc.Notes
}

// TestCoderPrecedence: --coder, then $PARALLAX_CODER, then config.toml,
// then the login name; each bad value is refused naming where it came
// from, and nothing is written.
func TestCoderPrecedence(t *testing.T) {
	cfgDir := t.TempDir()
	db := filepath.Join(t.TempDir(), "n.db")
	vars := map[string]string{"PARALLAX_CONFIG_DIR": cfgDir}
	tag := func(vars map[string]string, login string, extra ...string) (string, string, int) {
		args := append([]string{"tag", "--notes", db, "--article", tassID, "--quote", tassQ1, "--tag", "denial"}, extra...)
		return runAs(t, vars, login, args...)
	}
	coderOf := func() string {
		ns := listNotes(t, "--notes", db)
		return ns[len(ns)-1].Coder
	}
	write := func(content string) {
		if err := os.WriteFile(filepath.Join(cfgDir, ConfigFileName), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	steps := []struct {
		name, config, env, flag, login, want string
	}{
		{"login name", "", "", "", "lena", "lena"},
		{"windows login name", "", "", "", `UNI\mo`, "mo"},
		{"config file", `coder = "cora"` + "\n", "", "", "lena", "cora"},
		{"environment", `coder = "cora"`, "eve", "", "lena", "eve"},
		{"flag", `coder = "cora"`, "eve", "flo", "lena", "flo"},
	}
	for _, s := range steps {
		write(s.config)
		v := map[string]string{"PARALLAX_CONFIG_DIR": cfgDir, CoderEnvVar: s.env}
		var extra []string
		if s.flag != "" {
			extra = []string{"--coder", s.flag}
		}
		os.Remove(db)
		out, errOut, code := tag(v, s.login, extra...)
		if code != 0 || !strings.Contains(out, "by "+s.want) {
			t.Fatalf("%s: exit %d\n%s%s", s.name, code, out, errOut)
		}
		if got := coderOf(); got != s.want {
			t.Errorf("%s: the note's coder is %q, want %q", s.name, got, s.want)
		}
	}

	// Bad values name their source; nothing is tagged.
	os.Remove(db)
	bad := []struct {
		name, config, env, flag, login, want string
	}{
		{"bad flag", "", "", " x", "lena", "--coder: the coder's name \" x\" starts or ends with a space"},
		{"bad environment", "", "a\x07b", "", "lena", "$PARALLAX_CODER: the coder's name"},
		{"config: wrong type", "coder = 42\n", "", "", "lena", "field coder is the number 42; it must be your name as a coder, in quotes"},
		{"config: unknown key", "codr = \"x\"\n", "", "", "lena", `unknown field "codr"; parallax knows: coder`},
		{"config: not TOML", "coder = anna\n", "", "", "lena", "line 1:"},
		{"config: bad name", "coder = \"(unknown)\"\n", "", "", "lena", "field coder: \"(unknown)\" stands for notes without a coder"},
		{"no login name", "", "", "", "", "could not find your login name: give --coder NAME"},
	}
	for _, b := range bad {
		write(b.config)
		var extra []string
		if b.flag != "" {
			extra = []string{"--coder", b.flag}
		}
		_, errOut, code := tag(map[string]string{"PARALLAX_CONFIG_DIR": cfgDir, CoderEnvVar: b.env}, b.login, extra...)
		if code == 0 || !strings.Contains(errOut, b.want) {
			t.Errorf("%s: exit %d, stderr %q; want it to say %q", b.name, code, errOut, b.want)
		}
		if b.config != "" && !strings.Contains(errOut, filepath.Join(cfgDir, ConfigFileName)) {
			t.Errorf("%s: the message does not name the file: %q", b.name, errOut)
		}
		if _, err := os.Stat(db); err == nil {
			t.Fatalf("%s: a notes file was written", b.name)
		}
	}
	// A broken config file does not stop commands that record no coder.
	write("coder = 42\n")
	if _, errOut, code := runAs(t, vars, "lena", "list"); code != 0 {
		t.Errorf("list with a broken config file: exit %d: %s", code, errOut)
	}
}

// TestGlobalCoderFlag: --coder before a command that writes notes is
// its own; before one that does not, it is a usage error.
func TestGlobalCoderFlag(t *testing.T) {
	db := filepath.Join(t.TempDir(), "n.db")
	vars := map[string]string{"PARALLAX_CONFIG_DIR": t.TempDir()}
	out, errOut, code := runAs(t, vars, "lena", "--coder", "gil", "tag", "--notes", db, "--article", tassID, "--quote", tassQ1, "--tag", "denial")
	if code != 0 || !strings.Contains(out, "by gil") {
		t.Fatalf("parallax --coder gil tag: exit %d\n%s%s", code, out, errOut)
	}
	out, errOut, code = runAs(t, vars, "lena", "--coder=gil", "list")
	if code != 2 || out != "" || !strings.Contains(errOut, "--coder is for the commands that write notes (import, notes, tag)") {
		t.Errorf("parallax --coder gil list: exit %d\n%s%s", code, out, errOut)
	}
}

// TestNotesShowsAndFiltersCoders: the text and JSON listings give each
// note's coder, and --by keeps one coder's notes.
func TestNotesShowsAndFiltersCoders(t *testing.T) {
	t.Setenv("PARALLAX_CONFIG_DIR", t.TempDir())
	db := filepath.Join(t.TempDir(), "team.db")
	for _, c := range []struct{ coder, quote string }{{"anna", tassQ1}, {"ben", tassQ1}, {"ben", tassQ2}} {
		if out, errOut, code := runCLI(t, "tag", "--coder", c.coder, "--notes", db, "--article", tassID, "--quote", c.quote, "--tag", "denial"); code != 0 {
			t.Fatalf("tag: exit %d\n%s%s", code, out, errOut)
		}
	}
	ns := listNotes(t, "--notes", db)
	var coders []string
	for _, n := range ns {
		coders = append(coders, n.Coder)
	}
	if strings.Join(coders, ",") != "ben,anna,ben" && strings.Join(coders, ",") != "ben,ben,anna" && len(ns) != 3 {
		t.Fatalf("coders %v", coders)
	}
	if byBen := listNotes(t, "--notes", db, "--by", "ben"); len(byBen) != 2 || byBen[0].Coder != "ben" || byBen[1].Coder != "ben" {
		t.Fatalf("--by ben: %+v", byBen)
	}
	out, _, code := runCLI(t, "notes", "--notes", db, "--by", "anna")
	if code != 0 || !strings.Contains(out, "1 tagged passage in ") || !strings.Contains(out, " by anna") || !strings.Contains(out, "Coders: anna 1\n") || strings.Contains(out, "by ben") {
		t.Fatalf("notes --by anna:\n%s", out)
	}
	out, _, _ = runCLI(t, "notes", "--notes", db)
	if !strings.Contains(out, "Coders: anna 1, ben 2\n") || strings.Count(out, "· by ben") != 2 {
		t.Fatalf("notes:\n%s", out)
	}
	if _, errOut, code := runCLI(t, "notes", "--notes", db, "--by", "a\nb"); code != 2 || !strings.Contains(errOut, "control character") {
		t.Fatalf("--by with a newline: exit %d: %s", code, errOut)
	}
	// "(unknown)" selects the notes of a file made before coders.
	old := filepath.Join(t.TempDir(), "v4.db")
	data, err := os.ReadFile(filepath.Join("..", "..", "corpus", "notes", "testdata", "v4-notes.db"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(old, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if unknown := listNotes(t, "--notes", old, "--by", "(unknown)"); len(unknown) != 4 || unknown[0].Coder != "" {
		t.Fatalf("--by (unknown) on a version 4 file: %+v", unknown)
	}
	out, _, _ = runCLI(t, "notes", "--notes", old)
	if !strings.Contains(out, "Coders: (unknown) 4\n") || !strings.Contains(out, "· by (unknown)") {
		t.Fatalf("notes of a version 4 file:\n%s", out)
	}
}

// TestImportKeepsCoders: exporting a team's notes as Web Annotation JSON
// and importing them into a new file keeps each note's coder; the codes
// the file adds are the importer's, and importing again changes nothing.
func TestImportKeepsCoders(t *testing.T) {
	t.Setenv("PARALLAX_CONFIG_DIR", t.TempDir())
	dir := t.TempDir()
	team, copyDB, js := filepath.Join(dir, "team.db"), filepath.Join(dir, "copy.db"), filepath.Join(dir, "team.json")
	for _, c := range []struct{ coder, quote, tag string }{{"anna", tassQ1, "denial"}, {"ben", tassQ1, "denial"}, {"ben", tassQ2, "hedge"}} {
		if out, errOut, code := runCLI(t, "tag", "--coder", c.coder, "--notes", team, "--article", tassID, "--quote", c.quote, "--tag", c.tag); code != 0 {
			t.Fatalf("tag: exit %d\n%s%s", code, out, errOut)
		}
	}
	if out, errOut, code := runCLI(t, "export", "--notes", team, "--format", "json", "-o", js); code != 0 {
		t.Fatalf("export: exit %d\n%s%s", code, out, errOut)
	}
	out, errOut, code := runCLI(t, "import", "--coder", "lead", "--notes", copyDB, js)
	if code != 0 || !strings.Contains(out, "3 new passages") {
		t.Fatalf("import: exit %d\n%s%s", code, out, errOut)
	}
	want := map[string]string{}
	for _, n := range listNotes(t, "--notes", team) {
		want[n.Quote+"/"+n.Coder] = strings.Join(n.Tags, ",")
	}
	got := map[string]string{}
	for _, n := range listNotes(t, "--notes", copyDB) {
		got[n.Quote+"/"+n.Coder] = strings.Join(n.Tags, ",")
	}
	if len(got) != 3 || len(want) != 3 {
		t.Fatalf("imported %v, exported %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: imported tags %q, want %q", k, got[k], v)
		}
	}
	out, _, code = runCLI(t, "import", "--coder", "lead", "--notes", copyDB, js)
	if code != 0 || !strings.Contains(out, "0 new passages, 0 updated, 3 already there") {
		t.Fatalf("importing again:\n%s", out)
	}
}

package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"
)

// hostileNames are file names an attacker (or a careless download) gives
// articles: they rename the terminal's title, clear the screen, split a
// table line, reverse the text after them, start a C1 control sequence,
// or are not UTF-8 at all.
var hostileNames = []string{
	"a-\x1b]2;PWNED\x07.txt",
	"b-\x1b[2J.txt",
	"c-\nsplit.txt",
	"d-\u202eevil.txt",
	"e-\u009b31m.txt",
	"f-\xff\x07.txt",
}

// terminalControls lists the runes of out a terminal would obey: C0
// controls other than newline, tab and carriage return (CSV ends lines
// with CR LF), DEL, C1 controls and the bidi embeddings, overrides and
// isolates. Bytes that are not UTF-8 count too.
func terminalControls(out string) []string {
	var bad []string
	for i := 0; i < len(out); {
		r, n := utf8.DecodeRuneInString(out[i:])
		switch {
		case r == utf8.RuneError && n == 1,
			r < 0x20 && r != '\n' && r != '\t' && r != '\r', r == 0x7f, r >= 0x80 && r <= 0x9f,
			r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			lo, hi := max(i-20, 0), min(i+20, len(out))
			bad = append(bad, strings.ToValidUTF8(out[lo:hi], "?"))
		}
		i += n
	}
	return bad
}

// TestHostileFileNamesNeverReachTheTerminal runs every command that prints
// ids, paths or load errors on a folder of articles with hostile file
// names and checks that no terminal control reaches its output, that the
// list table keeps one line per article, and that the JSON still gives
// the real paths.
func TestHostileFileNamesNeverReachTheTerminal(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("these names are not valid Windows file names")
	}
	t.Setenv("PARALLAX_CONFIG_DIR", t.TempDir())
	t.Setenv("PARALLAX_DATA_DIR", t.TempDir())
	dir := t.TempDir()
	for i, name := range hostileNames {
		text := strings.ReplaceAll(tagArticle, "Lavrov", []string{"Lavrov", "Ryabkov", "Peskov", "Zakharova", "Shoigu", "Medvedev"}[i])
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A file that fails to load puts its path into an error message.
	if err := os.WriteFile(filepath.Join(dir, "g-\x1b[31mred\u202e.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}

	check := func(args ...string) (string, string) {
		t.Helper()
		out, errs, code := runCLI(t, args...)
		if code != 0 {
			t.Fatalf("%q: exit %d\n%s", args, code, errs)
		}
		for _, s := range []string{out, errs} {
			if bad := terminalControls(s); len(bad) > 0 {
				t.Errorf("%q prints terminal controls, around %q", args, bad)
			}
		}
		return out, errs
	}

	out, _ := check("list", dir)
	// The header, one line per article, a blank line, the count, then
	// the failed file: a newline in a name must not add a line.
	table := strings.Split(out, "\n\n")[0]
	if n := strings.Count(table, "\n") + 1; n != 1+len(hostileNames) {
		t.Errorf("the list table has %d lines for %d articles:\n%s", n, len(hostileNames), out)
	}
	if !strings.Contains(out, `g-\x1b[31mred\u202e.txt: `) {
		t.Errorf("the failed file is not named with its controls escaped:\n%s", out)
	}

	out, _ = check("list", "--json", dir)
	var listed struct {
		Articles []struct{ ID, Path string }
	}
	if err := json.Unmarshal([]byte(out), &listed); err != nil {
		t.Fatal(err)
	}
	if len(listed.Articles) != len(hostileNames) {
		t.Fatalf("%d articles listed", len(listed.Articles))
	}
	paths := map[string]bool{}
	for _, a := range listed.Articles {
		paths[a.Path] = true
		if bad := terminalControls(a.ID); len(bad) > 0 || strings.ContainsAny(a.ID, "\n\u202e") {
			t.Errorf("id %q keeps controls of its file name", a.ID)
		}
	}
	for _, name := range hostileNames[:5] { // the last one is not UTF-8: JSON cannot carry it
		if !paths[filepath.Join(dir, name)] {
			t.Errorf("the JSON lost the real path of %q: %v", name, paths)
		}
	}

	for _, a := range listed.Articles {
		check("show", a.ID, dir)
		check("show", "--json", a.ID, dir)
	}
	check("facts", dir)
	check("facts", "--json", dir)
	check("stories", dir)
	check("stories", "--json", dir)
	check("framing", dir)
	check("framing", "--json", dir)
	for _, a := range listed.Articles {
		if strings.HasPrefix(a.ID, "f-") {
			continue // its text was renamed too, but it is the same article
		}
		check("tag", "--article", a.ID, "--quote", "inspection of the missile", "--tag", "offer", "--memo", "see \x1b]52;c;cGF5bG9hZA==\x07 here", dir)
	}
	check("notes", dir)
	check("notes", "--json", dir)
	for _, f := range []string{"md", "csv", "json", "html"} {
		check("export", "--format", f, dir)
	}

	// Nothing loadable at all: the error lists every file, escaped.
	bad := t.TempDir()
	if err := os.WriteFile(filepath.Join(bad, "h-\x1b]2;X\x07.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	_, errs, code := runCLI(t, "list", bad)
	if code == 0 || len(terminalControls(errs)) > 0 || !strings.Contains(errs, `h-\x1b]2;X\x07.txt`) {
		t.Errorf("nothing loadable: exit %d, stderr %q", code, errs)
	}
}

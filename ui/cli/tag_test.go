package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTagRefusesFurniture checks that `parallax tag` refuses a quote that
// is page furniture ("Listen Live"): the reader cannot show or mark it,
// so the note would be invisible there. A quote of the article's own
// text is tagged.
func TestTagRefusesFurniture(t *testing.T) {
	t.Setenv("PARALLAX_CONFIG_DIR", t.TempDir())
	dir := t.TempDir()
	text := "Listen Live\nShare this\nRussia says US missile plans threaten Europe\n" +
		"MOSCOW, November 8. /TASS/. The United States has presented no satellite images, Foreign Minister Sergey Lavrov said.\n" +
		"This news has been read 126 times in total\n"
	if err := os.WriteFile(filepath.Join(dir, "furn.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "notes.db")
	_, errOut, code := runCLI(t, "tag", "--notes", db, "--article", "furn", "--quote", "Listen Live", "--tag", "x", dir)
	if code == 0 || !strings.Contains(errOut, "page furniture") {
		t.Errorf("tagging furniture: exit %d, stderr %q; want a refusal naming page furniture", code, errOut)
	}
	_, errOut, code = runCLI(t, "tag", "--notes", db, "--article", "furn", "--quote", "Share this Russia says", "--tag", "x", dir)
	if code == 0 || !strings.Contains(errOut, "page furniture") {
		t.Errorf("tagging a passage reaching into furniture: exit %d, stderr %q; want a refusal", code, errOut)
	}
	out, errOut, code := runCLI(t, "tag", "--notes", db, "--article", "furn", "--quote", "no satellite images", "--tag", "x", dir)
	if code != 0 || !strings.Contains(out, "tagged furn") {
		t.Errorf("tagging the article's text: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

// TestTagHelpExampleWorks runs the help's example on the embedded corpus
// (with a notes file of its own): an example that fails teaches nothing.
func TestTagHelpExampleWorks(t *testing.T) {
	out, errOut, _ := runCLI(t, "tag", "--help")
	var example string
	for _, l := range strings.Split(out+errOut, "\n") {
		if l = strings.TrimSpace(l); strings.HasPrefix(l, "parallax tag --article 003_") {
			example = l
		}
	}
	if example == "" {
		t.Fatalf("no example on the embedded corpus in the help:\n%s%s", out, errOut)
	}
	// Split like a shell: single quotes group words.
	var args []string
	for i, part := range strings.Split(example, "'") {
		if i%2 == 1 {
			args = append(args, part)
		} else {
			args = append(args, strings.Fields(part)...)
		}
	}
	args = append(args[1:], "--notes", filepath.Join(t.TempDir(), "notes.db"))
	if out, errOut, code := runCLI(t, args...); code != 0 {
		t.Errorf("%s: exit %d\n%s%s", example, code, out, errOut)
	}
}

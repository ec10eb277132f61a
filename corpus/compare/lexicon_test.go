package compare

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// The user's matching data is read from the directory the options name,
// as it is at each call, and only then.
func TestUserDataFromConfigDir(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("PARALLAX_CONFIG_DIR", dir) // read by nothing below the CLI
	write := func(name, data string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("aliases.tsv", "ruritania\tcountry\tRR\tRuritania|Strelsau\n")
	write("spelling.tsv", "colour\tcolor\nflavour\tflavor\n")
	has := func(configDir string) bool {
		t.Helper()
		lx, err := lexiconFor(configDir)
		if err != nil {
			t.Fatal(err)
		}
		_, ok := lx.entity["ruritania"]
		return ok
	}
	if has("") {
		t.Error(`lexiconFor("") read the user's aliases`)
	}
	if !has(dir) {
		t.Error("lexiconFor(dir) did not read the user's aliases")
	}
	if m, err := NewMatcher(nil, ""); err != nil || m.lx != mustDefault(t) {
		t.Errorf(`NewMatcher(nil, "") does not use the shipped lexicon: %v`, err)
	}
	// A changed file counts at the next call: nothing is cached.
	write("aliases.tsv", "# emptied\n")
	if has(dir) {
		t.Error("a removed user alias was still used")
	}
	table, err := Aliases(dir)
	if err != nil || slices.ContainsFunc(table, func(a Alias) bool { return a.ID == "ruritania" }) {
		t.Errorf("Aliases(dir) = %v", err)
	}
	// The user's spelling decides the stem its words are counted under:
	// "flavour" adds to the count of "flavor".
	lx, err := lexiconFor(dir)
	if err != nil {
		t.Fatal(err)
	}
	if lx.spell("flavour") != "flavor" || lx.bgWord("flavour") <= mustDefault(t).bgWord("flavor") {
		t.Errorf("user spelling not applied to the background counts: %v vs %v", lx.bgWord("flavour"), mustDefault(t).bgWord("flavor"))
	}
}

func mustDefault(t *testing.T) *lexicon {
	t.Helper()
	lx, err := defaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	return lx
}

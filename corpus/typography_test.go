package corpus

import "testing"

func TestFoldTypographyIn(t *testing.T) {
	for in, want := range map[string]string{
		"Russia’s “certain shifts” — 1,000–5,000…": "Russia's \"certain shifts\" - 1,000-5,000...",
		"soft\u00adhyphen":    "softhyphen",
		"plain 'text' - here": "plain 'text' - here",
	} {
		if got := FoldTypographyIn(in); got != want {
			t.Errorf("FoldTypographyIn(%q) = %q, want %q", in, got, want)
		}
	}
}

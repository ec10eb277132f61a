package notes

import (
	"strings"
	"testing"
)

func TestNewAnchor(t *testing.T) {
	text := "Ünïcödé prefix text that is long enough to be cut — «quote» and a suffix that also goes on for a while."
	a := article("u", text)
	i := strings.Index(text, "«quote»")
	an := NewAnchor(a, i+1, i+len("«quote»")-1) // inside the guillemets' bytes
	if an.Quote != "«quote»" {
		t.Fatalf("quote widened to %q", an.Quote)
	}
	if len([]rune(an.Prefix)) != 32 || !strings.HasSuffix(an.Prefix, "cut — ") {
		t.Fatalf("prefix %q", an.Prefix)
	}
	if len([]rune(an.Suffix)) != 32 || !strings.HasPrefix(an.Suffix, " and a suffix") {
		t.Fatalf("suffix %q", an.Suffix)
	}
	if an.Hash != TextHash(text) || an.Article != "u" {
		t.Fatalf("anchor %+v", an)
	}
	if an := NewAnchor(a, 5000, -3); an.Start != 0 || an.End != len(text) {
		t.Fatalf("clamped to %d–%d", an.Start, an.End)
	}
}

package notes

import (
	"strings"
	"testing"
)

const anchorText = `US Openly Paves Way for INF-Banned Missiles

MOSCOW, November 8. /TASS/. The United States is openly paving the way for deploying intermediate-range missiles in Europe and Asia, Russian Foreign Minister Sergey Lavrov said on Friday.

"We have offered the Americans an inspection of the 9M729 missile, but they refused," Lavrov told reporters. He said Moscow would not deploy such weapons first.

NATO officials in Brussels rejected the claim and said Russia had violated the treaty for years. The alliance will meet again in December.

Analysts warned that the collapse of the treaty could start a new arms race in Europe.`

// The tagged passage used by most cases.
const passage = "We have offered the Americans an inspection of the 9M729 missile, but they refused,"

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

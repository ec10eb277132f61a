package compare

import (
	"slices"
	"testing"
)

func TestAcronymsDefinedInText(t *testing.T) {
	def := "Washington's withdrawal from the Intermediate-Range Nuclear Forces (INF) Treaty."
	a := terms(t, "Lavrov referred to the Intermediate-Range Nuclear Forces Treaty.", def)
	b := terms(t, "Lavrov referred to the INF treaty.", def)
	if !slices.Contains(a, "inf") || !slices.Contains(b, "inf") {
		t.Errorf("the acronym was not applied: %q / %q", a, b)
	}
	acr := map[string][]acronym{}
	findAcronyms("the Organization for Security and Co-operation in Europe (OSCE) met", acr)
	if len(acr["organization"]) != 1 || acr["organization"][0].term != "osce" {
		t.Errorf("OSCE expansion not found: %+v", acr)
	}
	acr = map[string][]acronym{}
	findAcronyms("shorter-range missiles (IRBMs) and", acr)
	if len(acr) != 0 {
		t.Errorf("initials that do not spell the acronym were accepted: %+v", acr)
	}
}

package compare

import (
	"strings"
	"testing"
)

func TestReadPairs(t *testing.T) {
	in := "\ufeffQuality\t#1 ID\t#2 ID\t#1 String\t#2 String\r\n1\t1\t2\tA b.\tA c.\r\n0\t3\t4\tX.\tY.\n"
	ps, err := ReadPairs(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 2 || ps[0].Label != 1 || ps[0].A != "A b." || ps[1].B != "Y." {
		t.Errorf("ReadPairs = %+v", ps)
	}
	ps, err = ReadPairs(strings.NewReader("one\ttwo\n"))
	if err != nil || len(ps) != 1 || ps[0].Label != -1 {
		t.Errorf("plain pairs = %+v, %v", ps, err)
	}
	if _, err := ReadPairs(strings.NewReader("a\tb\tc\td\n")); err == nil {
		t.Error("four fields accepted")
	}
}

func TestEvaluateAndThreshold(t *testing.T) {
	m := Evaluate([]bool{true, true, false, false}, []int{1, 0, 1, 0})
	if m.Accuracy != 0.5 || m.Precision != 0.5 || m.Recall != 0.5 {
		t.Errorf("Evaluate = %+v", m)
	}
	th := BestThreshold([]float64{0.1, 0.2, 0.8, 0.9}, []int{0, 0, 1, 1})
	if th <= 0.2 || th >= 0.8 {
		t.Errorf("BestThreshold = %.3f, want between 0.2 and 0.8", th)
	}
}

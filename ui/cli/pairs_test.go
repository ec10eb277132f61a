package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPairsFlagLimits checks that --cv beyond the labelled pairs says how
// many there are, and that a threshold outside 0-1 is refused.
func TestPairsFlagLimits(t *testing.T) {
	p := filepath.Join(t.TempDir(), "p.tsv")
	if err := os.WriteFile(p, []byte("1\ta\tb\tThe cat sat on the mat.\tA cat sat on a mat.\n0\tc\td\tIt rains today.\tStocks fell sharply.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--cv", "5", p}, "--cv 5: " + p + " has only 2 labelled pairs, so at most 2 folds"},
		{[]string{"--cv", "-3", p}, "--cv needs 2 or more folds, got -3"},
		{[]string{"--threshold", "2", p}, "--threshold must be between 0 and 1"},
		{[]string{"--threshold", "-1", p}, "--threshold must be between 0 and 1"},
		{[]string{"--threshold", "NaN", p}, "--threshold must be between 0 and 1"},
	} {
		out, errs, code := runCLI(t, append([]string{"pairs"}, c.args...)...)
		if code != 1 || out != "" || !strings.Contains(errs, c.want) {
			t.Errorf("pairs %v: exit %d, stdout %q, stderr %q; want %q", c.args, code, out, errs, c.want)
		}
	}
	out, errs, code := runCLI(t, "pairs", "--threshold", "1", "--cv", "2", p)
	if code != 0 || !strings.HasPrefix(out, "2-fold cross-validation of the link scorer on 2 pairs") {
		t.Errorf("pairs --cv 2: exit %d\n%s%s", code, out, errs)
	}
}

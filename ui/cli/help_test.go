package cli

import (
	"strings"
	"testing"
)

// TestHelpCommand checks that "parallax help COMMAND" is the command's
// own help.
func TestHelpCommand(t *testing.T) {
	out, errOut, code := runCLI(t, "help", "tag")
	if code != 0 || !strings.Contains(out+errOut, "Usage: parallax tag") {
		t.Errorf("parallax help tag: exit %d\n%s%s", code, out, errOut)
	}
	out, _, _ = runCLI(t, "export", "--help")
	for _, f := range []string{"--bom", "--title"} {
		if !strings.Contains(strings.SplitN(out, "\n", 2)[0], f) {
			t.Errorf("export's usage line lacks %s: %q", f, strings.SplitN(out, "\n", 2)[0])
		}
	}
}

package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestFlagsBeforeACommand is issue 17 item 7: flags written before a
// command are the command's (they used to make the command a path: the
// reader opened on "nothing could be read from list"); --notes before a
// command without a notes file is a usage error that says where it goes.
func TestFlagsBeforeACommand(t *testing.T) {
	t.Setenv("PARALLAX_DATA_DIR", t.TempDir())
	db := filepath.Join(t.TempDir(), "x.db")
	out, errOut, code := runCLI(t, "--notes", db, "notes")
	if code != 0 || !strings.Contains(out, "No tagged passages") && !strings.Contains(out, db) && !strings.Contains(out, "0 tagged") {
		t.Errorf("parallax --notes FILE notes: exit %d\n%s%s", code, out, errOut)
	}
	out, errOut, code = runCLI(t, "--notes="+db, "notes", "--json")
	if code != 0 || !strings.Contains(out, `"notes"`) {
		t.Errorf("parallax --notes=FILE notes --json: exit %d\n%s%s", code, out, errOut)
	}
	out, errOut, code = runCLI(t, "--json", "--no-color", "list")
	if code != 0 || !strings.Contains(out, `"articles"`) {
		t.Errorf("parallax --json --no-color list: exit %d\n%s%s", code, out, errOut)
	}
	out, errOut, code = runCLI(t, "--notes", db, "list")
	if code != 2 || out != "" || !strings.Contains(errOut, "--notes is for the reader and for ") || !strings.Contains(errOut, "export, import, notes, tag") || !strings.Contains(errOut, `"parallax list" reads no notes file`) {
		t.Errorf("parallax --notes FILE list: exit %d, want 2 and a usage error\n%s%s", code, out, errOut)
	}
	if strings.Contains(errOut, "nothing could be read") {
		t.Errorf("list was taken for a path:\n%s", errOut)
	}
}

package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestReaderRefusesBadCoderFlags: the reader resolves its coder as the
// commands that write notes do, and refuses a bad one, or a consensus
// file that is a notes file it reads, before it opens (exit 2, nothing
// written).
func TestReaderRefusesBadCoderFlags(t *testing.T) {
	dir := t.TempDir()
	own, ben := filepath.Join(dir, "ana.db"), filepath.Join(dir, "ben.db")
	for _, c := range []struct {
		name string
		vars map[string]string
		args []string
		want string
	}{
		{"flag", nil, []string{"--coder", " ana"}, "--coder: "},
		{"env", map[string]string{CoderEnvVar: "(unknown)"}, nil, "$PARALLAX_CODER: "},
		{"consensus is own", nil, []string{"--coder", "ana", "--notes", own, "--consensus", own}, "is your notes file"},
		{"consensus is compared", nil, []string{"--coder", "ana", "--notes", own, "--compare-notes", ben, "--consensus", ben}, "only read"},
	} {
		t.Run(c.name, func(t *testing.T) {
			vars := map[string]string{"PARALLAX_CONFIG_DIR": dir}
			for k, v := range c.vars {
				vars[k] = v
			}
			_, errOut, code := runAs(t, vars, "ana", c.args...)
			if code != 2 || !strings.Contains(errOut, c.want) {
				t.Fatalf("exit %d, stderr %q; want 2 and %q", code, errOut, c.want)
			}
		})
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "*.db")); len(m) != 0 {
		t.Errorf("files written: %v", m)
	}
}

// TestReaderOpensWithoutALoginName: with no --coder, no $PARALLAX_CODER,
// no config entry and no login name to be found (a container with an
// unnamed uid), reading needs no coder: the reader records none, where
// tag refuses.
func TestReaderOpensWithoutALoginName(t *testing.T) {
	vars := map[string]string{"PARALLAX_CONFIG_DIR": t.TempDir()}
	env := &Env{Getenv: func(k string) string { return vars[k] }, LoginName: func() string { return "" }}
	if coder, err := readerCoder(env, ""); err != nil || coder != "" {
		t.Fatalf("readerCoder = %q, %v; want no coder and no error", coder, err)
	}
	if _, err := resolveCoder(env, ""); err == nil {
		t.Fatal("resolveCoder found a coder with no login name")
	}
	if _, err := readerCoder(env, " ana"); err == nil {
		t.Fatal("an invalid --coder was accepted")
	}
}

package corpus

import (
	"path/filepath"
	"testing"
)

// ConfigDir reads the environment it is given, not the process's.
func TestConfigDir(t *testing.T) {
	t.Setenv("PARALLAX_CONFIG_DIR", "/from/the/process")
	env := map[string]string{"PARALLAX_CONFIG_DIR": "/from/the/caller"}
	if got := ConfigDir(func(k string) string { return env[k] }); got != "/from/the/caller" {
		t.Errorf("ConfigDir = %q, want the caller's /from/the/caller", got)
	}
	if got := ConfigDir(func(string) string { return "" }); filepath.Base(got) != "parallax" || got == "/from/the/process" {
		t.Errorf("ConfigDir with an empty environment = %q, want parallax in the user's config dir", got)
	}
	if p, ok := UserFile("", OutletsFileName); p != "" || ok {
		t.Errorf(`UserFile("", …) = %q, %v; want none`, p, ok)
	}
}

package cli

import (
	"path/filepath"
	"runtime"
	"testing"
)

// The configuration directory comes from the command's environment, in
// the order corpus.ConfigDir reads the process's.
func TestConfigDirFromEnv(t *testing.T) {
	home := filepath.Join("/", "home", "u")
	homeDefault := filepath.Join(home, ".config", "parallax")
	switch runtime.GOOS {
	case "darwin":
		homeDefault = filepath.Join(home, "Library", "Application Support", "parallax")
	case "windows":
		homeDefault = ""
	}
	for _, tc := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"PARALLAX_CONFIG_DIR": "/p", "XDG_CONFIG_HOME": "/x", "HOME": home}, "/p"},
		{map[string]string{"XDG_CONFIG_HOME": "/x", "HOME": home}, filepath.Join("/x", "parallax")},
		{map[string]string{"HOME": home}, homeDefault},
		{map[string]string{}, ""},
	} {
		env := &Env{Getenv: func(k string) string { return tc.env[k] }}
		if got := configDir(env); got != tc.want {
			t.Errorf("%v: %q, want %q", tc.env, got, tc.want)
		}
	}
}

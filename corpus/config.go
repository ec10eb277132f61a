package corpus

import (
	"os"
	"path/filepath"

	"github.com/adrg/xdg"
)

// ConfigDir returns the directory of the user's parallax configuration
// files (outlets, aliases, lexicons): $PARALLAX_CONFIG_DIR if set, else
// parallax in the user's configuration directory ($XDG_CONFIG_HOME, as
// the xdg package found it at start). It reads the environment through
// getenv, the caller's (the command line's Env.Getenv), and does not
// create the directory. The analyses never call it: their options say
// which directory to read.
func ConfigDir(getenv func(string) string) string {
	if d := getenv("PARALLAX_CONFIG_DIR"); d != "" {
		return d
	}
	return filepath.Join(xdg.ConfigHome, "parallax")
}

// DataDir returns the directory for parallax's own data (the notes of the
// embedded corpus, the library): $PARALLAX_DATA_DIR if set, else
// $XDG_DATA_HOME/parallax. Like ConfigDir it reads the environment through
// the caller's getenv, and it does not create the directory.
func DataDir(getenv func(string) string) string {
	if d := getenv("PARALLAX_DATA_DIR"); d != "" {
		return d
	}
	return filepath.Join(xdg.DataHome, "parallax")
}

// UserFile returns the path of a user configuration file by name in the
// configuration directory dir, and whether it exists; with dir "" there
// is none.
func UserFile(dir, name string) (string, bool) {
	if dir == "" {
		return "", false
	}
	p := filepath.Join(dir, name)
	_, err := os.Stat(p)
	return p, err == nil
}

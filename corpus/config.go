package corpus

import (
	"os"
	"path/filepath"

	"github.com/adrg/xdg"
)

// ConfigDir returns the directory of the user's parallax configuration
// files (outlets, aliases, lexicons): $PARALLAX_CONFIG_DIR if set, else
// $XDG_CONFIG_HOME/parallax. It does not create the directory.
func ConfigDir() string {
	if d := os.Getenv("PARALLAX_CONFIG_DIR"); d != "" {
		return d
	}
	return filepath.Join(xdg.ConfigHome, "parallax")
}

// DataDir returns the directory for parallax's own data (the notes of the
// embedded corpus): $PARALLAX_DATA_DIR if set, else $XDG_DATA_HOME/parallax.
// It does not create the directory.
func DataDir() string {
	if d := os.Getenv("PARALLAX_DATA_DIR"); d != "" {
		return d
	}
	return filepath.Join(xdg.DataHome, "parallax")
}

// UserFile returns the path of a user configuration file by name, and
// whether it exists.
func UserFile(name string) (string, bool) {
	p := filepath.Join(ConfigDir(), name)
	_, err := os.Stat(p)
	return p, err == nil
}

package cli

import (
	"path/filepath"
	"runtime"
)

// configDir is the user's configuration directory as the environment of
// the command names it: $PARALLAX_CONFIG_DIR, else $XDG_CONFIG_HOME/parallax,
// else the platform's configuration folder in $HOME (~/.config/parallax;
// on macOS ~/Library/Application Support/parallax, on Windows
// %LOCALAPPDATA%\parallax), as corpus.ConfigDir finds it; "" when the
// environment names no home at all. The command line reads it here and
// passes it down: nothing below reads the environment for it.
func configDir(env *Env) string {
	if d := env.Getenv("PARALLAX_CONFIG_DIR"); d != "" {
		return d
	}
	if d := env.Getenv("XDG_CONFIG_HOME"); d != "" {
		return filepath.Join(d, "parallax")
	}
	switch runtime.GOOS {
	case "windows":
		if d := env.Getenv("LOCALAPPDATA"); d != "" {
			return filepath.Join(d, "parallax")
		}
		return ""
	case "darwin":
		if h := env.Getenv("HOME"); h != "" {
			return filepath.Join(h, "Library", "Application Support", "parallax")
		}
		return ""
	}
	if h := env.Getenv("HOME"); h != "" {
		return filepath.Join(h, ".config", "parallax")
	}
	return ""
}

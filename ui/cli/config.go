package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
)

// ConfigFileName is the user's settings file in the configuration
// directory (corpus.ConfigDir).
const ConfigFileName = "config.toml"

// config is what the settings file says; an absent file says nothing.
type config struct {
	path string
	// Coder is the coder's name (key coder), "" when the file has none.
	Coder string
}

// configKeys are the keys the settings file may hold, with what each
// expects, for the messages about a wrong one.
var configKeys = map[string]string{
	"coder": `your name as a coder, in quotes: coder = "anna"`,
}

// loadConfig reads config.toml from the user's configuration directory.
// A file that is missing is no error; one that cannot be read, is not
// TOML, or holds a key parallax does not know or a value of the wrong
// kind is, with a message that names the file, the line or key, and what
// is expected.
func loadConfig(env *Env) (config, error) {
	path := filepath.Join(configDir(env), ConfigFileName)
	cfg := config{path: path}
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return cfg, nil
	case err != nil:
		return cfg, fmt.Errorf("config %s: %w", path, err)
	}
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return cfg, fmt.Errorf("config %s: line %d: %s; it must be TOML, such as %s", path, pe.Position.Line, pe.Message, configKeys["coder"])
		}
		return cfg, fmt.Errorf("config %s: %w", path, err)
	}
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		want, known := configKeys[k]
		if !known {
			return cfg, fmt.Errorf("config %s: unknown field %q; parallax knows: %s", path, k, strings.Join(slices.Sorted(maps.Keys(configKeys)), ", "))
		}
		s, ok := raw[k].(string)
		if !ok {
			return cfg, fmt.Errorf("config %s: field %s is %s; it must be %s", path, k, tomlKind(raw[k]), want)
		}
		switch k {
		case "coder":
			cfg.Coder = s
		}
	}
	return cfg, nil
}

// tomlKind names the kind of a decoded TOML value for a message.
func tomlKind(v any) string {
	switch x := v.(type) {
	case int64:
		return fmt.Sprintf("the number %d", x)
	case float64:
		return fmt.Sprintf("the number %g", x)
	case bool:
		return fmt.Sprintf("%t (true or false)", x)
	case []any:
		return "a list"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("a %T", v)
}

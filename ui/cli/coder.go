package cli

import (
	"errors"
	"flag"
	"fmt"
	"os/user"
	"strings"

	"github.com/parallax-reader/parallax/corpus/notes"
)

// CoderEnvVar names the coder when --coder is not given.
const CoderEnvVar = "PARALLAX_CODER"

// writesNotes lists the commands that write notes and so record a coder:
// they take --coder, also before the command.
var writesNotes = map[string]bool{"tag": true, "import": true, "notes": true}

// addCoderFlag adds --coder to a command that writes notes.
func addCoderFlag(fs *flag.FlagSet) *string {
	return fs.String("coder", "", "`NAME` of the coder recorded with every note, memo and code this writes (default: $"+CoderEnvVar+", else coder in "+ConfigFileName+" of the config dir, else your login name)")
}

// errNoCoder is resolveCoder's error when nothing names the coder and the
// login name cannot be found.
var errNoCoder = errors.New("who is coding?")

// resolveCoder returns who is coding, set once per process: the --coder
// flag, else $PARALLAX_CODER, else the coder key of config.toml, else the
// login name. A name that is not valid is an error naming where it came
// from.
func resolveCoder(env *Env, flagValue string) (string, error) {
	check := func(name, from string) (string, error) {
		if err := notes.ValidateCoder(name); err != nil {
			return "", fmt.Errorf("%s: %v", from, err)
		}
		return name, nil
	}
	if flagValue != "" {
		return check(flagValue, "--coder")
	}
	if v := env.Getenv(CoderEnvVar); v != "" {
		return check(v, "$"+CoderEnvVar)
	}
	cfg, err := loadConfig(env)
	if err != nil {
		return "", err
	}
	if cfg.Coder != "" {
		return check(cfg.Coder, fmt.Sprintf("config %s: field coder", cfg.path))
	}
	login := loginName(env)
	if login == "" {
		return "", fmt.Errorf("%w parallax could not find your login name: give --coder NAME, set $%s, or put coder = \"NAME\" in %s", errNoCoder, CoderEnvVar, cfg.path)
	}
	name, err := check(login, fmt.Sprintf("your login name %q", login))
	if err != nil {
		return "", fmt.Errorf("%v; give --coder NAME, set $%s, or put coder = \"NAME\" in %s", err, CoderEnvVar, cfg.path)
	}
	return name, nil
}

// loginName is the user's login name: Env.LoginName when set (tests),
// else the operating system's, else $USER, $LOGNAME or $USERNAME. A
// Windows "DOMAIN\name" gives name.
func loginName(env *Env) string {
	var name string
	if env.LoginName != nil {
		name = env.LoginName()
	} else if u, err := user.Current(); err == nil {
		name = u.Username
	}
	for _, v := range []string{"USER", "LOGNAME", "USERNAME"} {
		if name != "" {
			break
		}
		name = env.Getenv(v)
	}
	if i := strings.LastIndexByte(name, '\\'); i >= 0 {
		name = name[i+1:]
	}
	return strings.TrimSpace(name)
}

// openAsCoder opens a notes file for writing as the coder the command
// resolved.
func openAsCoder(path, coder string) (*notes.Store, error) {
	return notes.Open(path, notes.WithCoder(coder))
}

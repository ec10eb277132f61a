// Package e2e drives the real parallax binary in tmux, the way a person
// would: it types keys with send-keys and reads the screen with
// capture-pane. The tests skip when tmux is missing, and fail instead when
// the CI environment variable is set (.ci/run installs tmux).
package e2e

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// binary is the parallax binary built once for the package's tests.
var binary string

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	flag.Parse()
	if testing.Short() {
		return m.Run()
	}
	dir, err := os.MkdirTemp("", "parallax-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	binary = filepath.Join(dir, "parallax")
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..", "..")
	cmd := exec.Command("go", "build", "-o", binary, ".")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "e2e: build parallax: %v\n%s", err, out)
		return 1
	}
	return m.Run()
}

// needTmux skips the test when tmux is missing, or fails it under CI.
func needTmux(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("e2e: skipped in -short mode")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("e2e: tmux is not installed; .ci/run should have installed it")
		}
		t.Skip("e2e: tmux is not installed (apt-get install tmux); skipping the end-to-end tests")
	}
}

// session is one parallax process running in its own tmux server.
type session struct {
	t      *testing.T
	socket string
	name   string
	status string // file the shell writes parallax's exit status to
}

// start runs parallax with args in a detached tmux session of the given
// size, with its own tmux server socket and data directories so tests
// never touch the user's files.
func start(t *testing.T, w, h int, env map[string]string, args ...string) *session {
	t.Helper()
	needTmux(t)
	dir := t.TempDir()
	s := &session{t: t, socket: filepath.Join(dir, "tmux.sock"), name: "px", status: filepath.Join(dir, "exit-status")}
	envs := []string{
		"TERM=xterm-256color",
		"PARALLAX_DATA_DIR=" + filepath.Join(dir, "data"),
		"PARALLAX_CONFIG_DIR=" + filepath.Join(dir, "config"),
		"HOME=" + dir,
	}
	for k, v := range env {
		envs = append(envs, k+"="+v)
	}
	// The shell writes the exit status to a file: tmux 3.3 may mark the
	// pane dead (its terminal closed) without ever filling
	// #{pane_dead_status}.
	shell := "env " + strings.Join(quoteAll(envs), " ") + " " + quote(binary) + " " + strings.Join(quoteAll(args), " ") +
		"; echo $? >" + quote(s.status)
	s.tmux("new-session", "-d", "-s", s.name, "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), shell)
	// Keep the pane after the program exits so a crash stays readable.
	s.tmux("set-option", "-t", s.name, "remain-on-exit", "on")
	t.Cleanup(func() {
		_ = exec.Command("tmux", "-S", s.socket, "kill-server").Run()
	})
	return s
}

func (s *session) tmux(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-S", s.socket}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// keys types keys (tmux key names such as Enter, Escape, C-c, or text).
func (s *session) keys(keys ...string) {
	s.t.Helper()
	s.tmux(append([]string{"send-keys", "-t", s.name}, keys...)...)
}

// text types literal text.
func (s *session) text(text string) {
	s.t.Helper()
	s.tmux("send-keys", "-t", s.name, "-l", text)
}

// screen returns what the pane shows now.
func (s *session) screen() string {
	s.t.Helper()
	return s.tmux("capture-pane", "-p", "-t", s.name)
}

// waitFor waits until the screen contains every one of want, and returns
// the screen; it fails the test with the last screen after a timeout.
func (s *session) waitFor(want ...string) string {
	s.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	var scr string
	for time.Now().Before(deadline) {
		scr = s.screen()
		if containsAll(scr, want) {
			return scr
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.t.Fatalf("screen never showed %q; last screen:\n%s", want, scr)
	return ""
}

// waitGone waits until the screen no longer contains text.
func (s *session) waitGone(text string) string {
	s.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	var scr string
	for time.Now().Before(deadline) {
		scr = s.screen()
		if !strings.Contains(scr, text) {
			return scr
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.t.Fatalf("screen still shows %q; last screen:\n%s", text, scr)
	return ""
}

// resize changes the window size.
func (s *session) resize(w, h int) {
	s.t.Helper()
	s.tmux("resize-window", "-t", s.name, "-x", fmt.Sprint(w), "-y", fmt.Sprint(h))
}

// exited reports whether the program in the pane has exited.
func (s *session) exited() bool {
	s.t.Helper()
	out := s.tmux("display-message", "-p", "-t", s.name, "#{pane_dead}")
	return strings.TrimSpace(out) == "1"
}

// waitExit waits for the program to exit.
func (s *session) waitExit() {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if s.exited() {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.t.Fatalf("parallax did not exit; last screen:\n%s", s.screen())
}

// exitStatus waits for parallax's exit status ("" if it never came).
func (s *session) exitStatus() string {
	s.t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if b, err := os.ReadFile(s.status); err == nil && strings.HasSuffix(string(b), "\n") {
			return strings.TrimSpace(string(b))
		}
	}
	return ""
}

func containsAll(s string, want []string) bool {
	for _, w := range want {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}

func quote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = quote(s)
	}
	return out
}

// cli returns a runner of the parallax binary as a script runs it, with
// dir's private data and config folders (and HOME=dir) and the extra
// environment (KEY=value); it fails the test when the command does, with
// its output, and returns the output otherwise.
func cli(t *testing.T, dir string, extra ...string) func(args ...string) string {
	env := append([]string{"PARALLAX_DATA_DIR=" + filepath.Join(dir, "data"),
		"PARALLAX_CONFIG_DIR=" + filepath.Join(dir, "config"), "HOME=" + dir}, extra...)
	return func(args ...string) string {
		t.Helper()
		cmd := exec.Command(binary, args...)
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("parallax %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
}

// libraryCLI is a fresh folder with a library in it: the environment the
// reader runs in there (monochrome) and the command line that fills it.
func libraryCLI(t *testing.T) (env map[string]string, px func(args ...string) string) {
	t.Helper()
	dir := t.TempDir()
	lib := filepath.Join(dir, "lib.db")
	return map[string]string{"PARALLAX_LIBRARY": lib, "NO_COLOR": "1"}, cli(t, dir, "PARALLAX_LIBRARY="+lib)
}

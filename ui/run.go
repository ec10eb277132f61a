// Package ui is parallax's reader: articles side by side with shared facts
// and framing in colour, a coverage matrix of facts, outlet profiles, and a
// "Why?" panel that explains every highlight. It is built with Bubble Tea,
// Bubbles, Lip Gloss and Glamour; it reads the corpus and the analyses and
// never computes them inside Update or View.
package ui

import (
	"context"
	"fmt"
	"io"
	"os"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/parallax-reader/parallax/corpus"
)

// Options configures the reader.
type Options struct {
	// Paths are the files and folders to read; none means the embedded
	// corpus.
	Paths []string
	// NoColor gives a monochrome profile (as does $NO_COLOR): emphasis
	// survives as bold, underline and reverse.
	NoColor bool
	// NotesPath is the notes file of tags and memos; "" means the
	// corpus's default (notes.DefaultPath).
	NotesPath string
	// Coder is who makes the reader's changes to the notes file: every
	// note, memo and code it writes records them (notes.WithCoder); ""
	// records none.
	Coder string
	// CompareNotes are other coders' notes files, opened read-only beside
	// one's own: their notes show in the notes view and the read view and
	// take part in the Disagreements view, and are never written.
	CompareNotes []string
	// ConsensusPath is the notes file the Disagreements view writes the
	// coding it settles to; "" means consensus.db beside the notes file.
	ConsensusPath string
	// Width and Height, when set, are the initial size (tests); otherwise
	// the terminal reports it.
	Width, Height int

	// Corpus, when set, is shown instead of loading Paths.
	Corpus *corpus.Corpus
	// Library, when set and there are no Paths, is read first: the
	// reader opens its most recent articles on the Stories view when it
	// has any, else the embedded corpus.
	Library Library
	// ConfigDir is the user's configuration directory (lexicons, outlet
	// table), which the command line reads from the environment; "" means
	// none: only the data shipped in the binary.
	ConfigDir string

	// Load and Findings replace pipeline.Load and the analysis pipeline
	// (tests).
	Load     Loader
	Findings FindingsFunc

	// Input and Output default to the terminal; Stderr, where what
	// happened as the reader quit is said, to standard error.
	Input  io.Reader
	Output io.Writer
	Stderr io.Writer
	// Getenv reads the environment; nil means os.Getenv.
	Getenv func(string) string
}

// getenv is Options.Getenv, or os.Getenv when it is nil.
func (o Options) getenv() func(string) string {
	if o.Getenv == nil {
		return os.Getenv
	}
	return o.Getenv
}

// Run opens the reader and returns when the user quits.
func Run(opts Options) error {
	out := opts.Output
	if out == nil {
		out = os.Stdout
	}
	ctx, profile := decideLook(opts, out)
	bg, cancel := context.WithCancel(context.Background())
	defer cancel()
	m := newModel(bg, opts, ctx, profile)

	progOpts := []tea.ProgramOption{tea.WithAltScreen(), tea.WithMouseCellMotion(), tea.WithOutput(out)}
	if opts.Input != nil {
		progOpts = append(progOpts, tea.WithInput(opts.Input))
	}
	defer m.ctx.notes.close()
	_, err := tea.NewProgram(&m, progOpts...).Run()
	m.sayFarewell(opts.Stderr)
	if err != nil {
		return fmt.Errorf("reader: %w", err)
	}
	// The start-up error was on the alternate screen, gone with it: the
	// caller prints it where it stays, and exits non-zero.
	return m.StartErr()
}

// sayFarewell writes the farewell lines to w (nil: standard error), as
// clean as every other text from the reader.
func (m *Model) sayFarewell(w io.Writer) {
	if w == nil {
		w = os.Stderr
	}
	for _, l := range m.farewell {
		fmt.Fprintln(w, "parallax: "+corpus.PrintableLines(l))
	}
}

// StartError is Run's error when the reader could not start: the corpus
// could not be loaded. The user has seen it on screen and quit.
type StartError struct{ Err error }

func (e *StartError) Error() string { return "could not start: " + e.Err.Error() }

// Unwrap returns the loading error.
func (e *StartError) Unwrap() error { return e.Err }

// StartErr is the *StartError of a reader whose corpus could not be
// loaded, or nil.
func (m *Model) StartErr() error {
	if m.loading.err == nil {
		return nil
	}
	return &StartError{Err: m.loading.err}
}

// New returns the reader's root model for out (nil: stdout), with colours
// and light or dark decided now, for embedding or driving in tests. Its
// Init starts loading.
func New(opts Options, out io.Writer) *Model {
	if out == nil {
		out = os.Stdout
	}
	ctx, profile := decideLook(opts, out)
	m := newModel(context.Background(), opts, ctx, profile)
	return &m
}

// decideLook picks the colour profile, monochrome or not, and light or
// dark once, before the program starts: nothing queries the terminal
// afterwards.
func decideLook(opts Options, out io.Writer) (*Context, termenv.Profile) {
	getenv := opts.getenv()
	mono := opts.NoColor || getenv("NO_COLOR") != ""
	r := lipgloss.NewRenderer(out)
	profile := termenv.NewOutput(out).ColorProfile() // NO_COLOR is handled as mono below
	if mono && profile != termenv.Ascii {
		profile = termenv.ANSI
	}
	r.SetColorProfile(profile)
	dark := r.HasDarkBackground()
	r.SetHasDarkBackground(dark)
	style := "light"
	if dark {
		style = "dark"
	}
	if mono || profile == termenv.Ascii {
		style = "notty"
	}
	return &Context{
		Styles: NewStyles(r, DefaultTheme(), mono),
		Keys:   DefaultKeyMap(),
		Markup: NewMarkup(style, profile),
		getenv: getenv,
	}, profile
}

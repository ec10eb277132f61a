package ui

import (
	"context"
	"errors"
	"testing"

	"github.com/muesli/termenv"

	"github.com/parallax-reader/parallax/corpus"
)

// TestStartErrorOutlivesTheScreen is issue 17 item 6 in the model: a
// reader whose corpus could not be loaded hands its error back (Run
// returns it, the command prints it on stderr and exits 1), one that
// loaded hands back nothing.
func TestStartErrorOutlivesTheScreen(t *testing.T) {
	failed := errors.New("nothing could be read from /nonexistent")
	opts := Options{Width: 80, Height: 24,
		Load: func(context.Context, []string, Progress) (*corpus.Corpus, error) { return nil, failed },
	}
	m := newModel(context.Background(), opts, asciiContext(), termenv.Ascii)
	nm, _ := m.Update(m.loading.work(context.Background(), opts, func(string, int, int) {}))
	m = *nm.(*Model)
	var se *StartError
	if err := m.StartErr(); !errors.As(err, &se) || !errors.Is(err, failed) {
		t.Fatalf("StartErr() = %v, want a *StartError wrapping the load error", err)
	}
	c, a := testCorpus()
	ok := newTestModel(t, c, a, 80, 24)
	if err := ok.StartErr(); err != nil {
		t.Fatalf("a reader that started: StartErr() = %v", err)
	}
}

package e2e

import (
	"regexp"
	"strings"
	"testing"
)

// TestReadFactFromTheFactsView is issue 17 item 1 with the real program
// and the embedded corpus: r on the 7th row of the facts view (sorted by
// number: fact 7) aligns the read view on fact 7, numbers the cursor
// sentence 7 and says so in the status line, whatever other facts the
// sentence is in.
func TestReadFactFromTheFactsView(t *testing.T) {
	s := start(t, 80, 24, nil)
	s.waitFor("READ", "Tasnim")
	s.keys("2")
	s.waitFor("FACTS", "sort: number")
	s.keys("j", "j", "j", "j", "j", "j")
	s.keys("r")
	scr := s.waitFor("READ", "fact 7 in")
	if !regexp.MustCompile(`▌ *7[░▒▓]`).MatchString(scr) {
		t.Errorf("the cursor sentence is not numbered 7:\n%s", scr)
	}
	if strings.Contains(scr, "fact 7: not here") && !strings.Contains(scr, "cols") {
		t.Errorf("a column on screen lacks fact 7 though others carry it:\n%s", scr)
	}
	s.keys("q")
	s.waitExit()
}

// TestSearchListAndNoMatch is issue 17 items 2 and 3 with the real
// program: a search without a match leaves no "1/0"; F lists a search's
// matches by outlet and enter reads one.
func TestSearchListAndNoMatch(t *testing.T) {
	s := start(t, 80, 24, nil)
	s.waitFor("READ", "Tasnim")
	s.keys("/")
	s.text("qatar")
	s.keys("Enter")
	s.waitFor("no match for “qatar”")
	pause()
	s.keys("2")
	scr := s.waitFor("FACTS")
	if strings.Contains(scr, "/qatar") || strings.Contains(scr, "1/0") {
		t.Errorf("the facts view keeps a search position:\n%s", scr)
	}
	s.keys("1")
	s.waitFor("READ")
	s.keys("/")
	s.text("lavrov")
	s.keys("Enter")
	s.waitFor("F lists them")
	pause()
	s.keys("F")
	s.waitFor("MATCHES", "Matches for “lavrov”", "said by:")
	s.keys("j", "Enter")
	s.waitFor("READ", "/lavrov 2/")
	s.keys("q")
	s.waitExit()
}

// TestChooserHasHelp is issue 17 item 4 with the real program: ? in
// "Choose articles" shows the chooser's keys.
func TestChooserHasHelp(t *testing.T) {
	s := start(t, 80, 24, nil)
	s.waitFor("READ", "Tasnim")
	s.keys("a")
	s.waitFor("Choose articles", "5 of 5 chosen")
	s.keys("?")
	s.waitFor("HELP", "choose all listed", "invert the listed")
	pause()
	s.keys("Escape")
	s.waitFor("CHOOSE")
	s.keys("q")
	s.waitExit()
}

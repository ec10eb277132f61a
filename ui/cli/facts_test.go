package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestFactsJSONContract(t *testing.T) {
	out, errs, code := runCLI(t, "facts", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got struct {
		Threads []struct {
			ID      string   `json:"id"`
			Label   string   `json:"label"`
			Stories []string `json:"stories"`
		} `json:"threads"`
		Stories []struct {
			ID       string   `json:"id"`
			Thread   string   `json:"thread"`
			Articles []string `json:"articles"`
		} `json:"stories"`
		Facts []struct {
			ID       string   `json:"id"`
			Story    string   `json:"story"`
			Thread   string   `json:"thread"`
			Stories  []string `json:"stories"`
			Timeline []struct {
				Outlet string  `json:"outlet"`
				First  *string `json:"first"`
				Last   *string `json:"last"`
			} `json:"timeline"`
			Label   string   `json:"label"`
			Outlets []string `json:"outlets"`
			Members []struct {
				Article  string         `json:"article"`
				Start    *int           `json:"start"`
				End      *int           `json:"end"`
				Text     string         `json:"text"`
				Score    *float64       `json:"score"`
				Evidence map[string]any `json:"evidence"`
			} `json:"members"`
			Discrepancies []struct {
				What   string `json:"what"`
				Values []struct {
					Article, Outlet, Value, Text string
				} `json:"values"`
			} `json:"discrepancies"`
		} `json:"facts"`
		Omissions []struct {
			Outlet string   `json:"outlet"`
			Facts  []string `json:"facts"`
		} `json:"omissions"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	// The embedded corpus: one thread of five stories, 2019 to 2024.
	if len(got.Threads) != 1 || len(got.Stories) != 5 || len(got.Facts) == 0 || got.Omissions == nil {
		t.Fatalf("threads %d stories %d facts %d omissions %v", len(got.Threads), len(got.Stories), len(got.Facts), got.Omissions)
	}
	storyIDs := map[string]bool{}
	for _, s := range got.Stories {
		storyIDs[s.ID] = true
		if s.Thread != got.Threads[0].ID {
			t.Errorf("story %s names thread %q, want %s", s.ID, s.Thread, got.Threads[0].ID)
		}
	}
	disc, recurring := false, false
	for _, f := range got.Facts {
		if f.ID == "" || !storyIDs[f.Story] || f.Thread != got.Threads[0].ID || f.Label == "" || len(f.Outlets) < 2 || f.Discrepancies == nil || len(f.Stories) == 0 {
			t.Errorf("fact %+v breaks the contract", f.ID)
		}
		if len(f.Stories) > 1 {
			recurring = true
			if len(f.Timeline) < 2 || f.Timeline[0].First == nil {
				t.Errorf("recurring fact %s has timeline %+v", f.ID, f.Timeline)
			}
		}
		for _, m := range f.Members {
			if m.Article == "" || m.Start == nil || m.End == nil || *m.End <= *m.Start || m.Text == "" || m.Score == nil || m.Evidence == nil {
				t.Errorf("member of %s breaks the contract: %+v", f.ID, m)
			}
		}
		disc = disc || len(f.Discrepancies) > 0
	}
	if !disc {
		t.Error("no discrepancy in the embedded corpus")
	}
	if !recurring {
		t.Error("no recurring claim in the embedded corpus")
	}
}

func TestFactsTable(t *testing.T) {
	out, errs, code := runCLI(t, "facts", "--min-outlets", "3")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"THREAD ", "STORY ", "FACT f-", "outlets: ", "recurring, in ", "differs", "facts in 5 stories, 1 thread\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	if _, _, code := runCLI(t, "facts", "--min-outlets", "1"); code == 0 {
		t.Error("--min-outlets 1 accepted")
	}
}

func TestPairs(t *testing.T) {
	dir := t.TempDir()
	plain := filepath.Join(dir, "p.tsv")
	if err := os.WriteFile(plain, []byte("The INF treaty was signed in 1987.\tThe INF accord was signed in 1987.\nThe INF treaty was signed in 1987.\tFarmers said their fields flooded.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := runCLI(t, "pairs", plain)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || !strings.HasSuffix(lines[0], "\t1") || !strings.HasSuffix(lines[1], "\t0") {
		t.Errorf("pairs output:\n%s", out)
	}
	msrp := filepath.Join(dir, "m.tsv")
	if err := os.WriteFile(msrp, []byte("\ufeffQuality\t#1 ID\t#2 ID\t#1 String\t#2 String\r\n1\t1\t2\tThe INF treaty was signed in 1987.\tThe INF accord was signed in 1987.\r\n0\t3\t4\tThe INF treaty was signed in 1987.\tFarmers said their fields flooded.\r\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code = runCLI(t, "pairs", "--eval", msrp)
	if code != 0 || !strings.Contains(out, "accuracy\t1.0000") || !strings.Contains(out, "F1\t") {
		t.Errorf("--eval: exit %d %s\n%s", code, errs, out)
	}
	if _, _, code := runCLI(t, "pairs", "--eval", plain); code == 0 {
		t.Error("--eval on an unlabelled file succeeded")
	}
	if _, _, code := runCLI(t, "pairs"); code == 0 {
		t.Error("pairs without a file succeeded")
	}
}

// TestFactsTellsUnknownOutletsApart checks that two articles of unknown
// outlets with long ids get different names in the facts table, where
// both used to read "unknown (unknow…".
func TestFactsTellsUnknownOutletsApart(t *testing.T) {
	t.Setenv("PARALLAX_CONFIG_DIR", t.TempDir())
	dir := t.TempDir()
	text := "Lavrov says US broke INF\n\nRussian Foreign Minister Sergey Lavrov said on Friday that the United States destroyed the INF treaty. He said Washington presented no proof of violations.\n"
	for _, n := range []string{"unknown-source-article-1.txt", "unknown-source-article-2.txt"} {
		if err := os.WriteFile(filepath.Join(dir, n), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, errs, code := runCLI(t, "facts", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "\n    ?unknown…ticle-1 1.00  ") || !strings.Contains(out, "\n    ?unknown…ticle-2 1.00  ") || strings.Contains(out, "unknown (unknow…") {
		t.Errorf("facts table:\n%s", out)
	}
	if got := cutMiddle("北约峰会北约峰会", 7); ansi.StringWidth(got) > 7 || !strings.Contains(got, "…") {
		t.Errorf("cutMiddle cut %q to width %d", got, ansi.StringWidth(got))
	}
}

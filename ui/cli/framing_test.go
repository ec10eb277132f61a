package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFramingJSONContract(t *testing.T) {
	t.Setenv("PARALLAX_CONFIG_DIR", t.TempDir())
	out, errOut, code := runCLI(t, "framing", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var doc map[string][]map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(doc["markers"]) == 0 || len(doc["outlets"]) != 5 {
		t.Fatalf("got %d markers, %d outlets", len(doc["markers"]), len(doc["outlets"]))
	}
	unique := 0
	for _, m := range doc["markers"] {
		if m["kind"] == "unique" {
			unique++
		}
		for _, k := range []string{"article", "start", "end", "text", "kind", "reason"} {
			if _, ok := m[k]; !ok {
				t.Fatalf("marker lacks %q: %v", k, m)
			}
		}
	}
	if unique == 0 {
		t.Error("no 'unique' markers: the shared-facts comparison is not wired in")
	}
	omissions := 0
	for _, o := range doc["outlets"] {
		omissions += len(o["omissions"].([]any))
		for _, k := range []string{"outlet", "articles", "distinctive", "voices", "marker_rates"} {
			if _, ok := o[k]; !ok {
				t.Fatalf("outlet lacks %q: %v", k, o)
			}
		}
		if _, ok := o["marker_rates"].(map[string]any)["unique"]; !ok {
			t.Errorf("%v: marker_rates lacks unique", o["outlet"])
		}
		voices := o["voices"].([]any)
		if len(voices) == 0 {
			t.Fatalf("%v: no voices", o["outlet"])
		}
		v := voices[0].(map[string]any)
		if _, ok := v["speaker"]; !ok {
			t.Errorf("voice lacks speaker: %v", v)
		}
		if _, ok := v["sentences"]; !ok {
			t.Errorf("voice lacks sentences: %v", v)
		}
		for _, d := range o["distinctive"].([]any) {
			dm := d.(map[string]any)
			if _, ok := dm["term"]; !ok {
				t.Errorf("distinctive term lacks term: %v", dm)
			}
			if _, ok := dm["z"]; !ok {
				t.Errorf("distinctive term lacks z: %v", dm)
			}
		}
	}
	if omissions == 0 {
		t.Error("no outlet has omissions: the shared-facts comparison is not wired in")
	}
}

func TestFramingReport(t *testing.T) {
	t.Setenv("PARALLAX_CONFIG_DIR", t.TempDir())
	out, _, code := runCLI(t, "framing")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"Framing markers", "«slammed»", "stance-bearing reporting verb 'slammed'", "Outlet profiles", "## TASS", "### Voices", "Sergey Lavrov"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q", want)
		}
	}
}

// The user's lexicons are found in the configuration directory the
// command's environment names (Env, not the process's).
func TestFramingUserLexicon(t *testing.T) {
	cfg := t.TempDir()
	env := map[string]string{"PARALLAX_CONFIG_DIR": cfg}
	if err := os.MkdirAll(filepath.Join(cfg, "lexicons"), 0o755); err != nil {
		t.Fatal(err)
	}
	lex := "@kind loaded\n@name mine\nnuclear deterrence | my own test entry\n"
	if err := os.WriteFile(filepath.Join(cfg, "lexicons", "mine.txt"), []byte(lex), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, code := runCLIEnv(t, env, "framing", "--json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(out, "my own test entry") {
		t.Error("user lexicon entry not used")
	}
	t.Setenv("PARALLAX_CONFIG_DIR", cfg)
	if out, _, _ := runCLIEnv(t, map[string]string{}, "framing", "--json"); strings.Contains(out, "my own test entry") {
		t.Error("the lexicons were found through the process's environment, not the command's")
	}
	out, _, _ = runCLIEnv(t, env, "framing", "--json", "--no-user-lexicons")
	if strings.Contains(out, "my own test entry") {
		t.Error("--no-user-lexicons still used the user's lexicon")
	}
	if err := os.WriteFile(filepath.Join(cfg, "lexicons", "bad.txt"), []byte("@kind nonsense\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := runCLIEnv(t, env, "framing")
	if code == 0 || !strings.Contains(errOut, "bad.txt") {
		t.Errorf("bad lexicon: exit %d, stderr %q; want an error naming the file", code, errOut)
	}
}

// The report numbers a marked sentence as `parallax show` and the reader
// do, from 1: "#3" is the sentence `show` lists as "[3]".
func TestFramingReportNumbersSentencesAsShowDoes(t *testing.T) {
	t.Setenv("PARALLAX_CONFIG_DIR", t.TempDir())
	out, _, code := runCLI(t, "framing")
	if code != 0 {
		t.Fatalf("framing: exit %d", code)
	}
	checked := 0
	article := ""
	for _, line := range strings.Split(out, "\n") {
		if rest, ok := strings.CutPrefix(line, "== "); ok {
			article, _, _ = strings.Cut(rest, " · ")
			continue
		}
		rest, ok := strings.CutPrefix(line, "  #")
		if !ok || article == "" {
			continue
		}
		num, text, _ := strings.Cut(rest, " ")
		text = strings.NewReplacer("«", "", "»", "").Replace(text)
		shown, _, code := runCLI(t, "show", article)
		if code != 0 {
			t.Fatalf("show %s: exit %d", article, code)
		}
		found := false
		for _, sl := range strings.Split(shown, "\n") {
			if _, after, ok := strings.Cut(sl, " ["+num+"] "); ok {
				after = strings.TrimPrefix(after, "title ")
				found = strings.Join(strings.Fields(after), " ") == text
				if !found {
					t.Errorf("%s: framing #%s is %q, show [%s] is %q", article, num, text, num, after)
				}
				break
			}
		}
		if !found {
			t.Errorf("%s: framing #%s %q not found in show", article, num, text)
		}
		article = "" // one sentence per article is enough
		checked++
	}
	if checked == 0 {
		t.Fatalf("no marked sentence found in:\n%s", out)
	}
}

// An article of one sentence is "1 of 1 sentence marked".
func TestFramingReportCountsOneSentence(t *testing.T) {
	t.Setenv("PARALLAX_CONFIG_DIR", t.TempDir())
	dir := t.TempDir()
	md := "---\ntitle: Reform\noutlet: Daily\n---\nCritics slammed the so-called reform.\n"
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte(md), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, code := runCLI(t, "framing", dir)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(out, "\n  1 of 1 sentence marked\n") {
		t.Errorf("want '1 of 1 sentence marked':\n%s", out)
	}
}

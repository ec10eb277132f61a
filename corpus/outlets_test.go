package corpus

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestUserOutletFile(t *testing.T) {
	dir := t.TempDir()
	user := `{"outlets": [{"name": "The Daily Example", "short": "TDE", "domains": ["dailyexample.org"], "country": "Nowhere", "ownership": "private"}]}`
	if err := os.WriteFile(filepath.Join(dir, OutletsFileName), []byte(user), 0o644); err != nil {
		t.Fatal(err)
	}
	tab, err := LoadOutlets(dir)
	if err != nil {
		t.Fatal(err)
	}
	if o := tab.Lookup("tde"); o == nil || o.Country != "Nowhere" {
		t.Fatalf("user outlet not found: %+v", o)
	}
	if tab.Lookup("TASS") == nil {
		t.Error("shipped outlets lost")
	}
	art := filepath.Join(t.TempDir(), "x.txt")
	if err := os.WriteFile(art, []byte("Local news\n\nSPRINGFIELD (TDE) - The council met on Monday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := LoadWith(context.Background(), Options{ConfigDir: dir}, art)
	if err != nil {
		t.Fatal(err)
	}
	if a := c.Articles[0]; a.Outlet != "The Daily Example" || a.OutletEvidence != "dateline credit (TDE)" {
		t.Errorf("outlet %q evidence %q", a.Outlet, a.OutletEvidence)
	}
	// Without a config dir the user's file is not read.
	if c, err := Load(art); err != nil || c.Articles[0].Outlet == "The Daily Example" {
		t.Errorf("Load without a config dir used the user's outlet file: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, OutletsFileName), []byte(`{"outlets": [{"name": "X", "ownership": "secret"}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadOutlets(dir); err == nil || !strings.Contains(err.Error(), "ownership") {
		t.Errorf("bad user file: %v", err)
	}
	// Loading still works, with the built-in table, and says why.
	c, err = LoadWith(context.Background(), Options{ConfigDir: dir}, art)
	if err != nil || len(c.Articles) != 1 || len(c.Errors) != 1 || !strings.Contains(c.Errors[0].Message, "built-in outlet table") {
		t.Errorf("load with a broken outlet file: %v %+v", err, c.Errors)
	} else if strings.Contains(c.Errors[0].Message, c.Errors[0].Path) {
		t.Errorf("the error repeats its file's path: %s: %s", c.Errors[0].Path, c.Errors[0].Message)
	}
}

func TestShippedOutletTable(t *testing.T) {
	tab := ShippedOutlets()
	if len(tab.Outlets) < 30 {
		t.Errorf("%d outlets, want at least 30", len(tab.Outlets))
	}
	for _, name := range []string{"TASS", "Sputnik", "RT", "Tasnim", "Anadolu Agency", "Al Arabiya", "Al Jazeera", "Reuters", "AP", "AFP", "BBC", "CNN", "Xinhua", "DW"} {
		o := tab.Lookup(name)
		if o == nil {
			t.Errorf("%s not in the table", name)
			continue
		}
		if o.Country == "" || o.Ownership == "" || len(o.Domains) == 0 {
			t.Errorf("%s: incomplete entry %+v", name, o)
		}
	}
	for _, c := range []struct{ url, want string }{
		{"https://tass.com/politics/1088123", "TASS"},
		{"https://www.aa.com.tr/en/world/x/123", "Anadolu Agency"},
		{"https://english.alarabiya.net/News/x", "Al Arabiya"},
		{"sputnikglobe.com/20190909/x.html", "Sputnik"},
		{"https://example.com/tass.com", ""},
	} {
		o, _ := tab.ByURL(c.url)
		got := ""
		if o != nil {
			got = o.Name
		}
		if got != c.want {
			t.Errorf("ByURL(%q) = %q, want %q", c.url, got, c.want)
		}
	}
	for _, c := range []struct{ file, want string }{
		{"tass-lavrov.txt", "TASS"},
		{"2019_aljazeera_inf.html", "Al Jazeera"},
		{"anadolu-agency-lavrov.md", "Anadolu Agency"},
		{"classroom.txt", ""},
		{"003_901c7662e3582013.txt", ""},
	} {
		o, _ := tab.byFileName(c.file)
		got := ""
		if o != nil {
			got = o.Name
		}
		if got != c.want {
			t.Errorf("byFileName(%q) = %q, want %q", c.file, got, c.want)
		}
	}
}

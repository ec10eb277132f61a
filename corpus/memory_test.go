package corpus

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// TestLoadFilesAsOnDisk loads the same bytes from disk and from memory:
// the articles are the same.
func TestLoadFilesAsOnDisk(t *testing.T) {
	dir := t.TempDir()
	var files []File
	entries, _ := embeddedFS.ReadDir("embedded")
	for _, e := range entries {
		b, _ := embeddedFS.ReadFile("embedded/" + e.Name())
		p := filepath.Join(dir, e.Name())
		os.WriteFile(p, b, 0o644)
		files = append(files, File{Path: p, Data: b})
	}
	opts := Options{Outlets: ShippedOutlets()}
	disk, err := LoadWith(context.Background(), opts, dir)
	if err != nil {
		t.Fatal(err)
	}
	mem, err := LoadFiles(context.Background(), opts, files)
	if err != nil {
		t.Fatal(err)
	}
	each, _, err := LoadEach(context.Background(), opts, files)
	if err != nil {
		t.Fatal(err)
	}
	if len(mem.Articles) != len(disk.Articles) || len(each) != len(files) {
		t.Fatalf("%d articles from memory, %d from disk", len(mem.Articles), len(disk.Articles))
	}
	for i, a := range disk.Articles {
		m := mem.Articles[i]
		if m.ID != a.ID || m.Text != a.Text || m.Outlet != a.Outlet || len(m.Sentences) != len(a.Sentences) || len(m.Furniture) != len(a.Furniture) {
			t.Errorf("%s: from memory %s/%d sentences/%d furniture, from disk %s/%d/%d", a.ID, m.ID, len(m.Sentences), len(m.Furniture), a.ID, len(a.Sentences), len(a.Furniture))
		}
		if e := each[i][0]; e.Text != a.Text || len(e.Sentences) == 0 {
			t.Errorf("%s: LoadEach gave %d sentences", a.ID, len(e.Sentences))
		}
	}
}

// TestDropLayoutKeepsTheSentences drops the paragraphs and furniture a
// batch command does not read: the text and sentences stay.
func TestDropLayoutKeepsTheSentences(t *testing.T) {
	var files []File
	entries, _ := embeddedFS.ReadDir("embedded")
	for _, e := range entries {
		b, _ := embeddedFS.ReadFile("embedded/" + e.Name())
		files = append(files, File{Path: e.Name(), Data: b})
	}
	c, err := LoadFiles(context.Background(), Options{Outlets: ShippedOutlets()}, files)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, a := range c.Articles {
		n += len(a.Sentences)
	}
	c.DropLayout()
	for _, a := range c.Articles {
		if a.Paragraphs != nil || a.Furniture != nil {
			t.Errorf("%s: paragraphs or furniture kept", a.ID)
		}
		for _, s := range a.Sentences {
			if s.Text != a.Text[s.Start:s.End] {
				t.Errorf("%s: sentence %d changed", a.ID, s.Index)
			}
			n--
		}
	}
	if n != 0 {
		t.Errorf("%d sentences lost", n)
	}
}

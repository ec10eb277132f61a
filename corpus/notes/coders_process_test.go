package notes

import (
	"bytes"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// TestTwoCodersAtOnce runs two coders tagging their own notes files at
// the same time, 150 tags each (a third of them on one passage both
// tag), while this process keeps reading both files read-only, as
// 'parallax agreement' or 'merge-notes' would meanwhile. Every tag
// either coder was told is saved is there, as that coder's, and merging
// the two files afterwards keeps all of it.
func TestTwoCodersAtOnce(t *testing.T) {
	dir := t.TempDir()
	const each = 150
	coders := []string{"anna", "ben"}
	files := map[string]string{}
	want := map[string]map[string][]string{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	errs := make(chan error, len(coders)+1)
	done := make(chan struct{})
	for i, c := range coders {
		files[c] = filepath.Join(dir, c+".db")
		want[c] = map[string][]string{}
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := helperCmd(t, "coder", files[c], c, each, uint64(i))
			cmd.Env = append(cmd.Env, "PARALLAX_NOTES_TEST_CODER="+c)
			var out, errb bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &errb
			if err := cmd.Run(); err != nil {
				errs <- fmt.Errorf("%s: %v: %s", c, err, errb.String())
				return
			}
			mu.Lock()
			n := saved(out.Bytes(), want[c])
			mu.Unlock()
			if n != each {
				errs <- fmt.Errorf("%s reported %d tags, want %d", c, n, each)
			}
		}()
	}
	// Read both files while they are written: never an error once they
	// exist, never a note of the other coder.
	reads := 0
	var rwg sync.WaitGroup
	rwg.Add(1)
	go func() {
		defer rwg.Done()
		for {
			select {
			case <-done:
				return
			default:
			}
			for _, c := range coders {
				ro, err := OpenReadOnly(files[c])
				if err != nil {
					continue // not created yet
				}
				ns, err := ro.Notes()
				ro.Close()
				if err != nil {
					errs <- fmt.Errorf("reading %s while it is written: %v", c, err)
					return
				}
				for _, n := range ns {
					if n.Coder != c {
						errs <- fmt.Errorf("%s's file holds a note by %q", c, n.Coder)
						return
					}
				}
				reads++
			}
			time.Sleep(2 * time.Millisecond)
		}
	}()
	wg.Wait()
	close(done)
	rwg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if reads == 0 {
		t.Fatal("the files were never read while written: the test tested nothing")
	}
	total := 0
	for _, c := range coders {
		checkSaved(t, files[c], want[c])
		s, err := Open(files[c])
		if err != nil {
			t.Fatal(err)
		}
		ns, _ := s.Notes()
		s.Close()
		for _, n := range ns {
			if n.Coder != c || n.ModifiedBy != c {
				t.Fatalf("%s's note %s: coder %q, modified by %q", c, n.ID, n.Coder, n.ModifiedBy)
			}
		}
		total += len(ns)
	}
	rep, err := Merge(filepath.Join(dir, "team.db"), []string{files["anna"], files["ben"]}, MergeOptions{})
	if err != nil {
		// Each coder's codebook is their own tags: no code is shared, so
		// none can conflict.
		t.Fatal(err)
	}
	if rep.Notes != total || len(rep.Coders) != 2 || rep.Codes != 2*each {
		t.Fatalf("merged %d notes of %d coders, %d codes; want %d notes of 2 coders, %d codes", rep.Notes, len(rep.Coders), rep.Codes, total, 2*each)
	}
	t.Logf("%d reads while writing; %d notes", reads, total)
}

package notes

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// fuzzStore is a small valid store, made once, that FuzzStoreHeader damages.
var fuzzStore = sync.OnceValues(func() ([]byte, error) {
	dir, err := os.MkdirTemp("", "parallax-fuzz-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "notes.db")
	s, err := Open(path)
	if err != nil {
		return nil, err
	}
	a := article("a", sampleText)
	for i := range 6 {
		if _, err := s.Tag(NewAnchor(a, i*20, i*20+15), []string{"code"}, "memo"); err != nil {
			s.Close()
			return nil, err
		}
	}
	if err := s.Close(); err != nil {
		return nil, err
	}
	return os.ReadFile(path)
})

// FuzzStoreHeader writes any bytes over the 100-byte SQLite header of a
// valid notes file (the page size, the write-ahead-log flags, the schema
// version at byte 60, the application id at byte 68 ...) and opens it:
// it must never panic; a file that is refused, or opened read-only, must
// be left exactly as it was, with no file beside it; one that opens must
// read.
func FuzzStoreHeader(f *testing.F) {
	f.Add(uint8(60), []byte{0xff, 0xff, 0xff, 0xff}) // schema version -1
	f.Add(uint8(60), []byte{0x80})                   // one flipped bit: negative
	f.Add(uint8(60), []byte{0, 0, 0, 99})            // a newer version
	f.Add(uint8(60), []byte{0, 0, 0, 1})             // an older version than the schema
	f.Add(uint8(68), []byte("XXXX"))                 // another program's application id
	f.Add(uint8(16), []byte{0x02, 0x00})             // page size 512
	f.Add(uint8(18), []byte{1, 1})                   // rollback journal instead of WAL
	f.Add(uint8(28), []byte{0, 0, 0, 1})             // page count 1
	f.Add(uint8(0), []byte("SQLite format 2\x00"))
	f.Fuzz(func(t *testing.T, at uint8, patch []byte) {
		good, err := fuzzStore()
		if err != nil {
			t.Fatal(err)
		}
		off := int(at) % 100
		if len(patch) > 100-off {
			patch = patch[:100-off]
		}
		b := bytes.Clone(good)
		copy(b[off:], patch)
		path := filepath.Join(t.TempDir(), "notes.db")
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		unchanged := func(why error) {
			t.Helper()
			after, err := os.ReadFile(path)
			if err != nil || !bytes.Equal(after, b) {
				t.Fatalf("the file was changed (%v): %v", err, why)
			}
			for _, side := range []string{"-wal", "-shm"} {
				if _, err := os.Lstat(path + side); err == nil {
					t.Fatalf("%s left beside the file: %v", side, why)
				}
			}
		}
		for _, open := range []func(string) (*Store, error){OpenReadOnly, openPlain} {
			s, err := open(path)
			if err != nil {
				if !errors.Is(err, ErrNotStore) && !errors.Is(err, ErrNewerVersion) {
					t.Fatalf("refused without saying it is not a store: %v", err)
				}
				unchanged(err)
				continue
			}
			if _, err := s.Notes(); err != nil {
				t.Errorf("opened, but the notes do not read: %v", err)
			}
			if _, err := s.Codebook(); err != nil {
				t.Errorf("opened, but the codebook does not read: %v", err)
			}
			readOnly := s.ReadOnly()
			s.Close()
			if readOnly {
				unchanged(errors.New("opened read-only"))
			}
		}
	})
}

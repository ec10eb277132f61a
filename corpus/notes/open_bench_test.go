package notes

import (
	"path/filepath"
	"testing"
)

// BenchmarkOpen opens a store of 2,000 notes: the examination reads the
// header, runs the full integrity check, compares the schema and reads
// every note before the store is opened for writing.
func BenchmarkOpen(b *testing.B) {
	path := filepath.Join(b.TempDir(), "notes.db")
	s, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	a := article("a", sampleText)
	for i := range 2000 {
		st := i % (len(a.Text) - 40)
		if _, err := s.Tag(NewAnchor(a, st, st+1+i%30), []string{"code"}, "memo"); err != nil {
			b.Fatal(err)
		}
	}
	s.Close()
	b.ResetTimer()
	for b.Loop() {
		s, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

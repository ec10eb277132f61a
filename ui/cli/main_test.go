package cli

import (
	"os"
	"testing"
)

// TestMain keeps every test of the commands away from the user's own
// data: the notes of the embedded corpus live in the data directory, and
// a notes file there (another version's, say) would change what facts,
// framing and stories print. A test that wants a data directory of its
// own still sets one.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "parallax-cli-data-*")
	if err != nil {
		panic(err)
	}
	os.Setenv("PARALLAX_DATA_DIR", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

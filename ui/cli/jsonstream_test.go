package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/corpus/frame"
)

// encodeWhole is how the JSON outputs were written before they were
// streamed: one document built in memory, then indented, through the
// escaping writer.
func encodeWhole(t *testing.T, v any) string {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(jsonOut(&b))
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func streamed(t *testing.T, v any) string {
	t.Helper()
	var b bytes.Buffer
	if err := writeJSON(&b, v); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

type inner struct {
	Name  string            `json:"name"`
	Tags  []string          `json:"tags"`
	Score float64           `json:"score,omitempty"`
	When  *time.Time        `json:"when"`
	Extra map[string]string `json:"extra,omitempty"`
}

type withMarshaler struct{ N int }

func (w withMarshaler) MarshalJSON() ([]byte, error) { return []byte(`{"n":1}`), nil }

type embedded struct {
	inner
	ID string `json:"id"`
}

// duplicate has two fields named B: encoding/json keeps the tagged one.
type duplicate struct {
	A string `json:"B"`
	B string
	C []int `json:"c"`
}

func TestWriteJSONIsTheEncodersOutput(t *testing.T) {
	when := time.Date(2019, 11, 8, 10, 30, 0, 0, time.UTC)
	full := inner{Name: `<b>"Lavrov" & co</b> ` + "\u2028 \u2029 é 中", Tags: []string{"a", "<tag>"}, Score: 0.25, When: &when, Extra: map[string]string{"z": "1", "a": "2"}}
	for name, v := range map[string]any{
		"nested, escapes, omitempty": struct {
			Items  []inner `json:"items"`
			Nil    []inner `json:"nil"`
			Empty  []inner `json:"empty"`
			Count  int     `json:"count"`
			Skip   []int   `json:"skip,omitempty"`
			Bytes  []byte  `json:"bytes"`
			hidden []int
			Dash   []int `json:"-"`
			Plain  []int
			Ints   []int `json:"ints"`
		}{Items: []inner{full, {}, {Name: "x", Tags: []string{}}}, Empty: []inner{}, Count: 3, Bytes: []byte("hi"), hidden: []int{1}, Dash: []int{2}, Plain: []int{4, 5}, Ints: []int{1}},
		"pointer to struct": &struct{ A []string }{A: []string{"x"}},
		"no fields":         struct{}{},
		"all omitted": struct {
			A []int `json:"a,omitempty"`
		}{},
		"marshaler elements": struct{ M []withMarshaler }{M: []withMarshaler{{1}, {2}}},
		"marshaler":          withMarshaler{},
		"embedded":           embedded{inner: full, ID: "e"},
		"duplicate names":    duplicate{A: "a", B: "b", C: []int{1}},
		"not a struct":       []inner{full},
		"nil pointer":        (*inner)(nil),
		"deep":               struct{ A [][]map[string][]int }{A: [][]map[string][]int{{{"k": {1, 2}}}, {}}},
	} {
		if got, want := streamed(t, v), encodeWhole(t, v); got != want {
			t.Errorf("%s: streamed\n%s\nencoder\n%s", name, got, want)
		}
	}
}

// failsAt is an element whose encoding fails when bad.
type failsAt struct{ bad bool }

func (f failsAt) MarshalJSON() ([]byte, error) {
	if f.bad {
		return nil, errors.New("cannot encode")
	}
	return []byte(`{"ok":true}`), nil
}

// Long arrays are encoded by several goroutines a batch at a time: the
// bytes are still the encoder's, and an element that cannot be encoded
// fails the writing.
func TestWriteJSONParallelArrays(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(3))
	when := time.Date(2019, 11, 8, 10, 30, 0, 0, time.UTC)
	for _, n := range []int{batchPerWorker*3 - 1, batchPerWorker * 3, 1000} {
		items := make([]inner, n)
		for i := range items {
			items[i] = inner{Name: strings.Repeat("é<", i%7) + fmt.Sprint(i), Tags: make([]string, i%3), Score: float64(i) / 8}
			if i%5 == 0 {
				items[i].When = &when
			}
		}
		v := struct {
			I []inner `json:"items"`
			N int     `json:"n"`
		}{items, n}
		if got, want := streamed(t, v), encodeWhole(t, v); got != want {
			t.Errorf("%d elements: the streamed output differs from the encoder's", n)
		}
	}
	elems := make([]failsAt, 500)
	elems[300].bad = true
	err := writeJSON(io.Discard, struct{ E []failsAt }{elems})
	if err == nil || !strings.Contains(err.Error(), "cannot encode") {
		t.Fatalf("error %v, want the element's", err)
	}
}

type failWriter struct{ n int }

func (w *failWriter) Write(p []byte) (int, error) {
	if w.n += len(p); w.n > 10 {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

func TestWriteJSONReportsWriteErrors(t *testing.T) {
	items := make([]inner, 10000)
	if err := writeJSON(&failWriter{}, struct{ I []inner }{items}); err == nil {
		t.Fatal("no error from a failing writer")
	}
}

// The commands' JSON is byte for byte what the whole-document encoding
// gave, on the embedded corpus and on a folder of every format.
func TestStreamedCommandJSONUnchanged(t *testing.T) {
	t.Setenv("PARALLAX_CONFIG_DIR", t.TempDir())
	for _, paths := range [][]string{nil, {"../../testdata/corpus/formats", "../../testdata/compare"}} {
		c := corpus.Default()
		if paths != nil {
			var err error
			if c, err = corpus.Load(paths...); err != nil {
				t.Fatal(err)
			}
		}
		if len(c.Articles) < 3 {
			t.Fatalf("%v: %d articles", paths, len(c.Articles))
		}

		// list: the articles converted up front, then encoded whole.
		old := struct {
			Articles []articleJSON      `json:"articles"`
			Errors   []corpus.LoadError `json:"errors"`
		}{Articles: []articleJSON{}, Errors: errorsJSON(c.Errors)}
		for _, a := range c.Articles {
			old.Articles = append(old.Articles, toJSON(a, false))
		}
		checkCommand(t, encodeWhole(t, old), append([]string{"list", "--json"}, paths...)...)

		res, err := compare.Analyze(context.Background(), c, compare.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Facts) == 0 {
			t.Fatalf("%v: no facts to compare", paths)
		}
		checkCommand(t, encodeWhole(t, res), append([]string{"facts", "--json"}, paths...)...)

		fr, err := frame.Analyze(context.Background(), c, res, frame.Options{})
		if err != nil {
			t.Fatal(err)
		}
		oldFraming := struct {
			Markers []framingMarkerJSON `json:"markers"`
			Outlets []frame.Profile     `json:"outlets"`
		}{Markers: []framingMarkerJSON{}, Outlets: fr.Outlets}
		for _, m := range fr.Markers {
			oldFraming.Markers = append(oldFraming.Markers, framingMarkerJSON(m))
		}
		checkCommand(t, encodeWhole(t, oldFraming), append([]string{"framing", "--json", "--no-user-lexicons"}, paths...)...)
	}
}

func checkCommand(t *testing.T, want string, args ...string) {
	t.Helper()
	out, errs, code := runCLI(t, args...)
	if code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, errs)
	}
	if out != want {
		i := 0
		for i < len(out) && i < len(want) && out[i] == want[i] {
			i++
		}
		t.Errorf("%v: output differs from the whole-document encoding at byte %d of %d:\n%q\nwant\n%q", args, i, len(want),
			out[max(0, i-80):min(len(out), i+80)], want[max(0, i-80):min(len(want), i+80)])
	}
}

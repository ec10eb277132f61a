package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// rawJSON is a JSON value that is not a string, printed as the file has it.
type rawJSON string

func (r rawJSON) String() string { return string(r) }

// jsonRecord is one article in a JSON array or JSON Lines file.
type jsonRecord struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Outlet   string `json:"outlet"`
	URL      string `json:"url"`
	Author   string `json:"author"`
	Language string `json:"language"`
	Text     string `json:"text"`
	HTML     string `json:"html"`
}

// recordError is a bad record in a JSON file; it names the record.
type recordError struct {
	N   int
	Err error
}

func (e recordError) Error() string { return fmt.Sprintf("record %d: %v", e.N, e.Err) }

// parseJSON reads a JSON array (format json) or JSON Lines (jsonl) of
// article records. A bad record becomes a recordError; the good ones load.
func parseJSON(path, format, text string) ([]doc, []recordError, error) {
	var raws []json.RawMessage
	var bad []recordError
	if format == "json" {
		var err error
		if raws, err = jsonRecords(text); err != nil {
			return nil, nil, err
		}
	} else {
		sc := bufio.NewScanner(strings.NewReader(text))
		sc.Buffer(make([]byte, 0, 64*1024), len(text)+1)
		for sc.Scan() {
			line := strings.TrimSpace(sc.Text())
			if line == "" {
				raws = append(raws, nil)
				continue
			}
			raws = append(raws, json.RawMessage(line))
		}
		if err := sc.Err(); err != nil {
			return nil, nil, fmt.Errorf("read JSON Lines: %w", err)
		}
	}
	var docs []doc
	for i, raw := range raws {
		n := i + 1
		if raw == nil {
			continue
		}
		var r jsonRecord
		dec := json.NewDecoder(bytes.NewReader(raw))
		if err := dec.Decode(&r); err != nil {
			bad = append(bad, recordError{n, fmt.Errorf("not an article object: %s", JSONProblem(err, raw))})
			continue
		}
		d := doc{Path: fmt.Sprintf("%s#%d", path, n), Format: format}
		switch {
		case strings.TrimSpace(r.Text) != "":
			d.Text = r.Text
		case strings.TrimSpace(r.HTML) != "":
			hd, err := parseHTML(d.Path, []byte(r.HTML), true)
			if err != nil {
				bad = append(bad, recordError{n, err})
				continue
			}
			d.Text, d.Warnings, d.Captions = hd.Text, hd.Warnings, hd.Captions
			if r.Title == "" {
				r.Title = hd.Meta.Title
			}
		default:
			bad = append(bad, recordError{n, fmt.Errorf("has neither \"text\" nor \"html\"")})
			continue
		}
		d.Meta = meta{ID: r.ID, Title: r.Title, Outlet: r.Outlet, Source: "JSON record", URL: r.URL, Author: r.Author, Language: r.Language}
		if d.Meta.ID == "" {
			id, ok := idFromPath(path)
			d.Meta.ID = fmt.Sprintf("%s-%d", id, n)
			d.Warnings = append(d.Warnings, idWarning(path, d.Meta.ID, ok)...)
		}
		var fields map[string]json.RawMessage
		_ = json.Unmarshal(raw, &fields) // r decoded: it is an object
		if err := recordDate(&d, dateFields(fields)); err != nil {
			bad = append(bad, recordError{n, err})
			continue
		}
		docs = append(docs, d)
	}
	return docs, bad, nil
}

// recordDate sets d's publication date from a JSON record's date fields.
// A bad "published" makes the record bad, as it always has; a bad value
// under another key ("date" may be anything in someone's feed) is a
// warning naming the key and value, and the next key is tried.
func recordDate(d *doc, fields []dateField) error {
	for _, f := range fields {
		raw := f.val.(json.RawMessage)
		if len(raw) == 0 || string(raw) == "null" {
			continue
		}
		var v any
		var s string
		if err := json.Unmarshal(raw, &s); err == nil {
			v = s
		} else {
			if f.folded == "published" {
				return fmt.Errorf("%s must be a string date like \"2019-11-08\"", f.key)
			}
			v = rawJSON(raw)
		}
		t, err := anyDate(v)
		if err != nil {
			if f.folded == "published" {
				return fmt.Errorf("%s: %w", f.key, err)
			}
			d.Warnings = append(d.Warnings, f.key+": "+err.Error())
			continue
		}
		d.Meta.Published = &t
		d.Meta.PublishedFrom = dateEvidence("JSON record", f)
		return nil
	}
	return nil
}

// jsonRecords splits a JSON file into article records: an array of
// records, an object holding such an array under "articles", "items" or
// "data", or a single record object.
func jsonRecords(text string) ([]json.RawMessage, error) {
	const want = "a JSON array of articles ({id, title, outlet, published, url, text|html})"
	trimmed := strings.TrimSpace(text)
	if strings.HasPrefix(trimmed, "[") {
		var raws []json.RawMessage
		if err := json.Unmarshal([]byte(trimmed), &raws); err != nil {
			return nil, fmt.Errorf("not %s: %s", want, JSONProblem(err, []byte(trimmed)))
		}
		return raws, nil
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal([]byte(trimmed), &obj); err != nil {
		return nil, fmt.Errorf("not %s: %s", want, JSONProblem(err, []byte(trimmed)))
	}
	for _, k := range []string{"articles", "items", "data"} {
		if v, ok := obj[k]; ok {
			var raws []json.RawMessage
			if err := json.Unmarshal(v, &raws); err != nil {
				return nil, fmt.Errorf("%q is not an array of articles: %s", k, JSONProblem(err, v))
			}
			return raws, nil
		}
	}
	if _, ok := obj["text"]; ok {
		return []json.RawMessage{json.RawMessage(trimmed)}, nil
	}
	if _, ok := obj["html"]; ok {
		return []json.RawMessage{json.RawMessage(trimmed)}, nil
	}
	return nil, fmt.Errorf("not %s: an object without \"articles\", \"text\" or \"html\"", want)
}

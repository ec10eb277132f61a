package library

import (
	"encoding/binary"
	"hash/fnv"
	"net/url"
	"path"
	"sort"
	"strings"
)

// CanonicalURL is the form of an article address that copies of it share:
// the scheme folded to https, the host lower-cased without "www." or an
// AMP sub-domain ("amp."), no default port, no fragment, no tracking
// parameters (utm_*, fbclid, gclid and the like), AMP path forms
// ("/amp/...", ".../amp", "....amp.html", ?amp=1, ?outputType=amp)
// removed, the remaining query sorted, and no trailing slash. A string
// that is not an absolute http(s) URL is returned trimmed.
func CanonicalURL(raw string) string {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return raw
	}
	u.Scheme = "https"
	u.User = nil
	u.Fragment, u.RawFragment = "", ""
	host := strings.ToLower(u.Hostname())
	host = strings.TrimPrefix(host, "www.")
	host = strings.TrimPrefix(host, "amp.")
	host = strings.TrimPrefix(host, "m.")
	if p := u.Port(); p != "" && p != "80" && p != "443" {
		host += ":" + p
	}
	u.Host = host
	p := u.EscapedPath()
	switch {
	case strings.HasPrefix(p, "/amp/"):
		p = p[len("/amp"):]
	case strings.HasSuffix(p, "/amp") || strings.HasSuffix(p, "/amp/"):
		p = strings.TrimSuffix(strings.TrimSuffix(p, "/"), "/amp")
	case strings.HasSuffix(p, ".amp.html") || strings.HasSuffix(p, ".amp"):
		p = strings.TrimSuffix(strings.TrimSuffix(p, ".html"), ".amp")
		if strings.HasSuffix(u.EscapedPath(), ".html") {
			p += ".html"
		}
	}
	if p != "/" {
		p = strings.TrimSuffix(p, "/")
	}
	if p == "" {
		p = "/"
	}
	if clean := path.Clean(p); clean != "." {
		p = clean
	}
	u.RawPath = ""
	if dec, err := url.PathUnescape(p); err == nil {
		u.Path = dec
		u.RawPath = p
		if u.EscapedPath() != p {
			u.RawPath = ""
		}
	}
	q := u.Query()
	for k := range q {
		lk := strings.ToLower(k)
		if strings.HasPrefix(lk, "utm_") || trackingParams[lk] {
			q.Del(k)
		}
	}
	if v := strings.ToLower(q.Get("outputType")); v == "amp" {
		q.Del("outputType")
	}
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		vs := append([]string(nil), q[k]...)
		sort.Strings(vs)
		for _, v := range vs {
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			b.WriteString(url.QueryEscape(k) + "=" + url.QueryEscape(v))
		}
	}
	u.RawQuery = b.String()
	u.ForceQuery = false
	return u.String()
}

// trackingParams are query parameters that say who sent the reader, not
// which article: copies differing only in them are one article.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "msclkid": true, "yclid": true, "mc_cid": true, "mc_eid": true,
	"ref": true, "ref_src": true, "cmpid": true, "ocid": true, "amp": true, "at_medium": true, "at_campaign": true,
	"rss": true, "from": true, "xtor": true, "ito": true, "_ga": true, "igshid": true, "s_cid": true,
}

// sketchSize is the number of MinHash values kept per article; sketchBands
// bands of sketchRows values find candidates (LSH).
const (
	sketchSize  = 32
	sketchBands = 8
	sketchRows  = sketchSize / sketchBands
	// copyJaccard is the estimated resemblance (word 5-shingles) above
	// which an article of another outlet is a syndicated copy.
	copyJaccard = 0.7
	shingleLen  = 5
)

// sketch is a MinHash signature of a normalised text's word shingles.
type sketch [sketchSize]uint32

// sketchOf computes the MinHash signature of a normalised text; ok is false
// for a text too short to compare (fewer than 20 words).
func sketchOf(norm string) (s sketch, ok bool) {
	words := strings.FieldsFunc(strings.ToLower(norm), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127)
	})
	if len(words) < 20 {
		return s, false
	}
	for i := range s {
		s[i] = ^uint32(0)
	}
	h := fnv.New64a()
	for i := 0; i+shingleLen <= len(words); i++ {
		h.Reset()
		for _, w := range words[i : i+shingleLen] {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		x := h.Sum64()
		for k := range s {
			// A cheap family of hash functions: multiply-shift with odd
			// constants derived from k.
			v := uint32((x*(uint64(k)*0x9E3779B97F4A7C15+0x632BE59BD9B4E019) + uint64(k)*0xBF58476D1CE4E5B9) >> 32)
			if v < s[k] {
				s[k] = v
			}
		}
	}
	return s, true
}

// resemblance estimates the Jaccard similarity of two texts' shingles.
func (s sketch) resemblance(o sketch) float64 {
	same := 0
	for i := range s {
		if s[i] == o[i] {
			same++
		}
	}
	return float64(same) / sketchSize
}

// bands returns the LSH band keys of a sketch.
func (s sketch) bands() [sketchBands]int64 {
	var out [sketchBands]int64
	for b := range out {
		h := fnv.New64a()
		var buf [4]byte
		for _, v := range s[b*sketchRows : (b+1)*sketchRows] {
			binary.LittleEndian.PutUint32(buf[:], v)
			h.Write(buf[:])
		}
		out[b] = int64(h.Sum64() >> 1)
	}
	return out
}

func (s sketch) bytes() []byte {
	out := make([]byte, 4*sketchSize)
	for i, v := range s {
		binary.LittleEndian.PutUint32(out[4*i:], v)
	}
	return out
}

func sketchFrom(b []byte) (s sketch, ok bool) {
	if len(b) != 4*sketchSize {
		return s, false
	}
	for i := range s {
		s[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return s, true
}

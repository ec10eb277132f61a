package library

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"

	"codeberg.org/readeck/go-readability/v2/render"
	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
)

//go:embed data/rules.json
var shippedRules []byte

// Rule is one outlet's extraction rule: CSS selectors for the article
// body and for what to drop from it (ads, share bars, related links,
// photo credits).
type Rule struct {
	Outlet  string   `json:"outlet"`
	Domains []string `json:"domains"`
	Body    string   `json:"body"`
	Remove  []string `json:"remove"`

	body   cascadia.SelectorGroup
	remove []cascadia.SelectorGroup
}

// Rules is a set of extraction rules, by domain.
type Rules struct {
	rules []*Rule
}

// ShippedRules returns the rules shipped with parallax (data/rules.json).
func ShippedRules() *Rules {
	r, err := ParseRules(shippedRules)
	if err != nil {
		panic("library: shipped rules.json: " + err.Error()) // a build defect, caught by the tests
	}
	return r
}

// ParseRules reads rules in the JSON format of data/rules.json; a bad
// selector is an error naming the outlet and the selector.
func ParseRules(data []byte) (*Rules, error) {
	var f struct {
		Rules []*Rule `json:"rules"`
	}
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("extraction rules: %w", err)
	}
	for _, r := range f.Rules {
		var err error
		if r.body, err = cascadia.ParseGroup(r.Body); err != nil {
			return nil, fmt.Errorf("extraction rule of %s: body selector %q: %w", r.Outlet, r.Body, err)
		}
		for _, s := range r.Remove {
			g, err := cascadia.ParseGroup(s)
			if err != nil {
				return nil, fmt.Errorf("extraction rule of %s: remove selector %q: %w", r.Outlet, s, err)
			}
			r.remove = append(r.remove, g)
		}
	}
	return &Rules{rules: f.Rules}, nil
}

// For returns the rule for the first of the addresses whose host is one
// of a rule's domains (or below one), or nil.
func (rs *Rules) For(addrs ...string) *Rule {
	if rs == nil {
		return nil
	}
	for _, a := range addrs {
		u, err := url.Parse(a)
		if err != nil || u.Host == "" {
			continue
		}
		host := strings.ToLower(strings.TrimPrefix(u.Hostname(), "www."))
		for _, r := range rs.rules {
			for _, d := range r.Domains {
				if host == d || strings.HasSuffix(host, "."+d) {
					return r
				}
			}
		}
	}
	return nil
}

// apply returns the text the rule finds in a page, "" when its body
// selector matches nothing. The page is not changed.
func (r *Rule) apply(doc *html.Node) string {
	n := cascadia.Query(doc, r.body)
	if n == nil {
		return ""
	}
	drop := map[*html.Node]bool{}
	for _, g := range r.remove {
		for _, m := range cascadia.QueryAll(n, g) {
			drop[m] = true
		}
	}
	return tidy(render.InnerText(cloneWithout(n, drop)))
}

// cloneWithout copies a subtree, leaving out the dropped nodes.
func cloneWithout(n *html.Node, drop map[*html.Node]bool) *html.Node {
	c := &html.Node{Type: n.Type, DataAtom: n.DataAtom, Data: n.Data, Namespace: n.Namespace, Attr: n.Attr}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if !drop[ch] {
			c.AppendChild(cloneWithout(ch, drop))
		}
	}
	return c
}

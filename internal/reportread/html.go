// Package reportread reads back, for tests, what package report writes: the figures an HTML
// report carries in its data attributes, and the structure, pages and text of a PDF report.
package reportread

import (
	"bytes"
	"fmt"
	"strings"

	"golang.org/x/net/html"
)

// HTML is what an HTML report shows, read from its data attributes.
type HTML struct {
	// Variants holds each row of the variant table by "key|weather": its fields' full values
	// (data-value) and shown text.
	Variants map[string]Row
	// Order is the rows' keys ("key|weather") in the table's order.
	Order []string
	// Points holds each chart's points by chart id.
	Points map[string][]Point
	// Missing are the "What is missing" section's inputs with the figures that need them
	// ("input: figure, figure"), in order.
	Missing []string
	// Resources are the attributes that could load something (src, href not starting with "#",
	// xlink:href, style url(...)) and every script element: a self-contained report has none.
	Resources []string
	// Text is the page's text.
	Text string
}

// Row is one row of the variant table.
type Row struct {
	Baseline bool
	Values   map[string]string // data-field -> data-value
	Texts    map[string]string // data-field -> the cell's text
}

// Point is one point of a scatter.
type Point struct {
	Variant string
	X, Y    string
	Pareto  bool
	Label   string // the text drawn next to it, "" for none
}

// ReadHTML parses an HTML report.
func ReadHTML(data []byte) (HTML, error) {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return HTML{}, fmt.Errorf("parse the HTML report: %w", err)
	}
	out := HTML{Variants: map[string]Row{}, Points: map[string][]Point{}}
	var text strings.Builder
	var walk func(n *html.Node, chart string)
	walk = func(n *html.Node, chart string) {
		if n.Type == html.TextNode {
			text.WriteString(n.Data)
		}
		if n.Type != html.ElementNode {
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c, chart)
			}
			return
		}
		if n.Data == "script" {
			out.Resources = append(out.Resources, "<script>")
		}
		for _, a := range n.Attr {
			switch {
			case a.Key == "src", a.Key == "xlink:href", a.Key == "href" && !strings.HasPrefix(a.Val, "#"),
				a.Key == "style" && strings.Contains(a.Val, "url("):
				out.Resources = append(out.Resources, a.Key+"="+a.Val)
			}
		}
		if n.Data == "style" && n.FirstChild != nil && (strings.Contains(n.FirstChild.Data, "url(") || strings.Contains(n.FirstChild.Data, "@import")) {
			out.Resources = append(out.Resources, "a style sheet that loads something")
		}
		if id, ok := attr(n, "data-chart"); ok {
			chart = id
		}
		switch {
		case n.Data == "tr" && has(n, "data-variant"):
			key, _ := attr(n, "data-variant")
			w, _ := attr(n, "data-weather")
			r := Row{Baseline: has(n, "data-baseline"), Values: map[string]string{}, Texts: map[string]string{}}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if f, ok := attr(c, "data-field"); ok {
					r.Values[f], _ = attr(c, "data-value")
					r.Texts[f] = textOf(c)
				}
			}
			out.Variants[key+"|"+w] = r
			out.Order = append(out.Order, key+"|"+w)
		case has(n, "data-point"):
			p := Point{}
			p.Variant, _ = attr(n, "data-variant")
			p.X, _ = attr(n, "data-x")
			p.Y, _ = attr(n, "data-y")
			pareto, _ := attr(n, "data-pareto")
			p.Pareto = pareto == "true"
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode && c.Data == "text" {
					p.Label = textOf(c)
				}
			}
			out.Points[chart] = append(out.Points[chart], p)
		case has(n, "data-missing-input"):
			in, _ := attr(n, "data-missing-input")
			figures := ""
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if has(c, "data-missing-figures") {
					figures = textOf(c)
				}
			}
			out.Missing = append(out.Missing, in+": "+figures)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, chart)
		}
	}
	walk(doc, "")
	out.Text = text.String()
	return out, nil
}

func attr(n *html.Node, key string) (string, bool) {
	if n.Type != html.ElementNode {
		return "", false
	}
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func has(n *html.Node, key string) bool {
	_, ok := attr(n, key)
	return ok
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.TrimSpace(b.String())
}

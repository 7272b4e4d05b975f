package reportread

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf16"
)

// PDF is what a PDF shows.
type PDF struct {
	Pages int
	// Strings are the text strings in the order the pages show them.
	Strings []string
}

// Text is every string joined by newlines.
func (d PDF) Text() string { return strings.Join(d.Strings, "\n") }

var (
	startxref = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)
	xrefEntry = regexp.MustCompile(`^(\d{10}) (\d{5}) ([nf])`)
	streamRe  = regexp.MustCompile(`(?s)<<(.*?)>>\s*stream\r?\n`)
	pageRe    = regexp.MustCompile(`/Type\s*/Page[^s]`)
)

// ReadPDF checks the structure of a PDF fpdf wrote (header, cross-reference table, every
// object where the table says it is), counts its pages and extracts the text it shows, decoding
// fpdf's UTF-8 fonts (strings of UTF-16BE code units). It is no general PDF reader.
func ReadPDF(data []byte) (PDF, error) {
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		return PDF{}, errors.New("no %PDF- header")
	}
	m := startxref.FindSubmatch(data)
	if m == nil {
		return PDF{}, errors.New("no startxref and %%EOF at the end")
	}
	at, _ := strconv.Atoi(string(m[1]))
	if at >= len(data) || !bytes.HasPrefix(data[at:], []byte("xref")) {
		return PDF{}, fmt.Errorf("startxref %d does not point at the xref table", at)
	}
	if err := checkXref(data, at); err != nil {
		return PDF{}, err
	}
	var d PDF
	d.Pages = len(pageRe.FindAll(data, -1))
	for _, loc := range streamRe.FindAllSubmatchIndex(data, -1) {
		dict := string(data[loc[2]:loc[3]])
		body := data[loc[1]:]
		end := bytes.Index(body, []byte("endstream"))
		if end < 0 {
			return PDF{}, errors.New("a stream without endstream")
		}
		body = body[:end]
		if strings.Contains(dict, "/FlateDecode") {
			r, err := zlib.NewReader(bytes.NewReader(body))
			if err != nil {
				return PDF{}, fmt.Errorf("stream <<%s>>: %w", dict, err)
			}
			body, err = io.ReadAll(r)
			if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
				return PDF{}, fmt.Errorf("stream <<%s>>: %w", dict, err)
			}
		}
		if strings.Contains(dict, "/Subtype") || strings.Contains(dict, "/Length1") {
			continue // an image or a font file
		}
		d.Strings = append(d.Strings, shown(body)...)
	}
	return d, nil
}

// checkXref: every object the table lists in use starts where it says.
func checkXref(data []byte, at int) error {
	lines := strings.Split(string(data[at:]), "\n")
	if len(lines) < 2 {
		return errors.New("an empty xref table")
	}
	head := strings.Fields(lines[1])
	if len(head) != 2 {
		return fmt.Errorf("xref subsection header %q", lines[1])
	}
	first, _ := strconv.Atoi(head[0])
	n, _ := strconv.Atoi(head[1])
	for i := 0; i < n; i++ {
		e := xrefEntry.FindStringSubmatch(lines[2+i])
		if e == nil {
			return fmt.Errorf("xref entry %d: %q", first+i, lines[2+i])
		}
		if e[3] != "n" {
			continue
		}
		off, _ := strconv.Atoi(e[1])
		want := fmt.Sprintf("%d 0 obj", first+i)
		if off >= len(data) || !bytes.HasPrefix(data[off:], []byte(want)) {
			return fmt.Errorf("object %d is not at offset %d", first+i, off)
		}
	}
	return nil
}

// shown returns the strings of a content stream's text operators: a Tj's string, or a TJ
// array's pieces joined (kerning between them is not a space).
func shown(s []byte) []string {
	var out []string
	var array []byte
	inArray := false
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[':
			inArray, array = true, nil
		case ']':
			inArray = false
			if bytes.HasPrefix(bytes.TrimLeft(s[i+1:], " \n\r\t"), []byte("TJ")) {
				out = append(out, decode(array))
			}
		case '(':
			str, next := literal(s, i)
			if inArray {
				array = append(array, str...)
			} else if bytes.HasPrefix(bytes.TrimLeft(s[next:], " \n\r\t"), []byte("Tj")) {
				out = append(out, decode(str))
			}
			i = next - 1
		}
	}
	return out
}

// literal reads the PDF literal string starting at s[i] == '(' and returns its bytes and the
// index after its closing parenthesis.
func literal(s []byte, i int) ([]byte, int) {
	var b []byte
	depth := 0
	for j := i; j < len(s); j++ {
		c := s[j]
		switch {
		case c == '\\' && j+1 < len(s):
			j++
			switch e := s[j]; e {
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			default:
				if e >= '0' && e <= '7' {
					k := j
					for k < len(s) && k < j+3 && s[k] >= '0' && s[k] <= '7' {
						k++
					}
					v, _ := strconv.ParseUint(string(s[j:k]), 8, 8)
					b = append(b, byte(v))
					j = k - 1
				} else {
					b = append(b, e)
				}
			}
		case c == '(':
			if depth > 0 {
				b = append(b, c)
			}
			depth++
		case c == ')':
			depth--
			if depth == 0 {
				return b, j + 1
			}
			b = append(b, c)
		default:
			b = append(b, c)
		}
	}
	return b, len(s)
}

// decode reads fpdf's UTF-8 font strings: UTF-16BE code units.
func decode(b []byte) string {
	if len(b)%2 != 0 {
		return string(b)
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	return string(utf16.Decode(u))
}

package idfdiff

import (
	"fmt"
	"strings"
	"time"

	udiff "github.com/aymanbagabas/go-udiff"
	"github.com/sergi/go-diff/diffmatchpatch"
)

// RawContext is how many unchanged lines the line diff shows around each change.
const RawContext = 3

// rawTimeout bounds the line diff of two very different models: past it the diff is still
// right, only less minimal.
const rawTimeout = 2 * time.Second

// Raw is the classic unified line diff of two models, for those who want to see the text.
type Raw struct {
	Text      string `json:"text"`
	Lines     int    `json:"lines"`     // lines of Text
	Truncated bool   `json:"truncated"` // Text stops after the limit; AllLines is the full count
	AllLines  int    `json:"allLines"`
}

// Unified returns the unified diff of the two texts with RawContext lines of context, at most
// maxLines lines of it (0: all). Line endings are made LF first: a CRLF copy of the same model
// is no change. An empty Text says the texts are the same.
func Unified(before, after Source, maxLines int) (Raw, error) {
	b, a := lf(before.Text), lf(after.Text)
	if b == a {
		return Raw{}, nil
	}
	text, err := udiff.ToUnified(before.Name, after.Name, b, lineEdits(b, a), RawContext)
	if err != nil {
		return Raw{}, fmt.Errorf("line diff of %s and %s: %w", before.Name, after.Name, err)
	}
	all := strings.Count(text, "\n")
	r := Raw{Text: text, Lines: all, AllLines: all}
	if maxLines > 0 && all > maxLines {
		cut := 0
		for range maxLines {
			cut += strings.IndexByte(text[cut:], '\n') + 1
		}
		r.Text, r.Lines, r.Truncated = text[:cut], maxLines, true
	}
	return r, nil
}

func lf(b []byte) string {
	s := string(b)
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// lineEdits are the line edits that turn b into a: Myers' algorithm by lines, in linear space
// (diffmatchpatch), as the byte-offset edits udiff formats. udiff's own line diff is not used:
// it stops searching after 100 differing lines and then replaces whole stretches of the
// model, which a variant that changes 106 surfaces is already past.
func lineEdits(b, a string) []udiff.Edit {
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = rawTimeout
	rb, ra, lines := dmp.DiffLinesToRunes(b, a)
	diffs := dmp.DiffCharsToLines(dmp.DiffMainRunes(rb, ra, false), lines)
	var edits []udiff.Edit
	at := 0 // offset in b
	for _, d := range diffs {
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			at += len(d.Text)
		case diffmatchpatch.DiffDelete:
			edits = append(edits, udiff.Edit{Start: at, End: at + len(d.Text)})
			at += len(d.Text)
		case diffmatchpatch.DiffInsert:
			// An insertion right after a deletion replaces it: one edit.
			if n := len(edits); n > 0 && edits[n-1].End == at && edits[n-1].New == "" && edits[n-1].Start < at {
				edits[n-1].New = d.Text
				continue
			}
			edits = append(edits, udiff.Edit{Start: at, End: at, New: d.Text})
		}
	}
	return edits
}

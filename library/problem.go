package library

import (
	"fmt"
	"strings"
)

// Problem is one thing wrong with a library item, worded for the user.
type Problem struct {
	Item string `json:"item"` // "material", "window system" or "construction"
	ID   string `json:"id"`
	// Field is the item's JSON field name ("conductivity", "layers[2].thicknessM"), so the
	// UI can put the message next to the input that needs fixing.
	Field string `json:"field"`
	// Message is a whole sentence naming the item and the field.
	Message string `json:"message"`
	// Detail is Message without the item's label in front ("conductivity (W/(m·K)) is
	// missing"), for an editor of that item to show at Field; "" when Message has no label.
	Detail string `json:"detail,omitempty"`
}

func (p Problem) String() string { return p.Message }

// Problems is a list of problems used as an error: saving an invalid item returns it.
type Problems []Problem

func (ps Problems) Error() string {
	msgs := make([]string, len(ps))
	for i, p := range ps {
		msgs[i] = p.Message
	}
	return strings.Join(msgs, "; ")
}

// Err returns ps as an error, or nil when there is no problem.
func (ps Problems) Err() error {
	if len(ps) == 0 {
		return nil
	}
	return ps
}

// problems collects the problems of one item.
type problems struct {
	item, id, label string
	list            Problems
}

func (p *problems) add(field, format string, args ...any) {
	detail := fmt.Sprintf(format, args...)
	p.list = append(p.list, Problem{
		Item: p.item, ID: p.id, Field: field,
		Message: fmt.Sprintf("%s %s: %s", p.item, p.label, detail), Detail: detail,
	})
}

package eplusout

import (
	"bufio"
	"io"
	"math"
	"strings"
)

// MonthlySums adds up an hourly series by calendar month (index 0 is January). A month no hour
// of the series falls in is nil, not 0: a run period that skips it says nothing about it.
func MonthlySums(s MeterSeries) []*float64 {
	out := make([]*float64, 12)
	for i, v := range s.Values {
		if i >= len(s.Month) || s.Month[i] < 1 || s.Month[i] > 12 {
			continue
		}
		m := s.Month[i] - 1
		if out[m] == nil {
			out[m] = new(float64)
		}
		*out[m] += v
	}
	return out
}

// Peak is the highest value of a series (for an hourly kWh meter, the peak hourly mean power
// in kW); nil for an empty series.
func Peak(s MeterSeries) *float64 {
	if len(s.Values) == 0 {
		return nil
	}
	p := math.Inf(-1)
	for _, v := range s.Values {
		p = math.Max(p, v)
	}
	return &p
}

// Message kinds of eplusout.err.
const (
	KindWarning = "warning"
	KindSevere  = "severe"
	KindFatal   = "fatal"
)

// ErrMessage is one distinct warning, severe or fatal message of an eplusout.err: its first
// line (the continuation lines name times and values that differ in every occurrence) and how
// often it appears.
type ErrMessage struct {
	Kind  string `json:"kind"`
	Text  string `json:"text"`
	Count int    `json:"count"`
}

// ErrMessages lists the distinct messages of eplusout.err text, in the order they first appear.
func ErrMessages(r io.Reader) ([]ErrMessage, error) {
	out := []ErrMessage{}
	seen := map[[2]string]int{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		var kind, text string
		switch {
		case strings.HasPrefix(line, WarningPrefix):
			kind, text = KindWarning, strings.TrimPrefix(line, WarningPrefix)
		case strings.HasPrefix(line, SeverePrefix):
			kind, text = KindSevere, strings.TrimPrefix(line, SeverePrefix)
		case strings.HasPrefix(line, FatalPrefix):
			kind, text = KindFatal, strings.TrimPrefix(line, FatalPrefix)
		default:
			continue
		}
		key := [2]string{kind, strings.TrimSpace(text)}
		if i, ok := seen[key]; ok {
			out[i].Count++
			continue
		}
		seen[key] = len(out)
		out = append(out, ErrMessage{Kind: kind, Text: key[1], Count: 1})
	}
	return out, sc.Err()
}

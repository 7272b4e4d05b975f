package epw

import (
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"
)

// headerNames are the 8 EPW header lines, in the order EnergyPlus requires.
var headerNames = [8]string{
	"LOCATION", "DESIGN CONDITIONS", "TYPICAL/EXTREME PERIODS", "GROUND TEMPERATURES",
	"HOLIDAYS/DAYLIGHT SAVINGS", "COMMENTS 1", "COMMENTS 2", "DATA PERIODS",
}

// ParseFile reads a weather file's header and data rows. Errors name the file.
func ParseFile(path string) (*Header, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	h, err := Parse(f)
	if err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	return h, nil
}

// Parse reads an EPW file: the 8 header lines, then every hourly data row. It accepts a UTF-8
// BOM, CRLF or CR line endings, and Latin-1 text (decoded to UTF-8 when the bytes are not
// valid UTF-8, as in city names written by older Windows tools). Format problems are
// *FormatError values with the line number.
func Parse(r io.Reader) (*Header, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read weather data: %w", err)
	}
	text := strings.TrimPrefix(string(data), "\xEF\xBB\xBF")
	p := parser{lines: lineReader{s: text}, latin1: !utf8.ValidString(text)}
	if err := p.header(); err != nil {
		return nil, err
	}
	if err := p.rows(); err != nil {
		return nil, err
	}
	return &p.h, nil
}

type parser struct {
	lines  lineReader
	latin1 bool
	h      Header
	sums   [12]float64
	// promised is the number of data rows the DATA PERIODS line describes (0 if its dates
	// cannot be read); last is the month, day and hour of the last row and line its line.
	promised int
	last     [3]int
	lastLine int
}

func (p *parser) header() error {
	for i, name := range headerNames {
		line, ok := p.lines.next()
		if !ok && i == 0 {
			return notEPW("the file is empty")
		}
		if !ok {
			return errorf(p.lines.n+1, "expected the %s header line, but the file ends after %d header lines", name, i)
		}
		keyword, rest, _ := strings.Cut(line, ",")
		keyword = strings.TrimSpace(keyword)
		if i == 0 && !strings.EqualFold(keyword, name) {
			if looksLikeIDF(line) {
				return notEPW("first line does not start with LOCATION (this looks like an EnergyPlus model, IDF text)")
			}
			return notEPW("first line does not start with LOCATION")
		}
		if !strings.EqualFold(keyword, name) {
			return errorf(p.lines.n, "expected the %s header line, found %s (EPW files have 8 header lines in a fixed order)", name, quoteShort(keyword))
		}
		var err error
		switch i {
		case 0:
			err = p.location(line)
		case 5:
			p.h.Comments1 = p.decode(strings.TrimSpace(rest))
		case 6:
			p.h.Comments2 = p.decode(strings.TrimSpace(rest))
		case 7:
			err = p.dataPeriods(line)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (p *parser) location(line string) error {
	f := strings.Split(line, ",")
	if len(f) < 10 {
		return errorf(p.lines.n, "LOCATION has %d fields, want 10 (city, state, country, source, WMO, latitude, longitude, time zone, elevation)", len(f))
	}
	loc := Location{
		City: p.decode(strings.TrimSpace(f[1])), State: p.decode(strings.TrimSpace(f[2])),
		Country: p.decode(strings.TrimSpace(f[3])), Source: p.decode(strings.TrimSpace(f[4])),
		WMO: p.decode(strings.TrimSpace(f[5])),
	}
	nums := []struct {
		name     string
		s        string
		dst      *float64
		min, max float64
	}{
		{"latitude", f[6], &loc.Latitude, -90, 90},
		{"longitude", f[7], &loc.Longitude, -180, 180},
		{"time zone", f[8], &loc.TimeZone, -12, 14},
		{"elevation", f[9], &loc.Elevation, math.Inf(-1), math.Inf(1)},
	}
	for _, n := range nums {
		v, err := p.number("LOCATION "+n.name, n.s)
		if err != nil {
			return err
		}
		if v < n.min || v > n.max {
			return errorf(p.lines.n, "LOCATION %s %g is outside %g..%g", n.name, v, n.min, n.max)
		}
		*n.dst = v
	}
	p.h.Location = loc
	return nil
}

// dataPeriods reads "DATA PERIODS,N,records per hour,{name,start weekday,start,end} x N".
func (p *parser) dataPeriods(line string) error {
	f := strings.Split(line, ",")
	if len(f) < 7 {
		return errorf(p.lines.n, "DATA PERIODS has %d fields, want at least 7 (count, records per hour, name, start weekday, start date, end date)", len(f))
	}
	n, err := p.integer("DATA PERIODS number of periods", f[1])
	if err != nil {
		return err
	}
	if n < 1 || n > (len(f)-3)/4 {
		return errorf(p.lines.n, "DATA PERIODS says %d periods but describes %d", n, (len(f)-3)/4)
	}
	rph, err := p.integer("DATA PERIODS records per hour", f[2])
	if err != nil {
		return err
	}
	if rph < 1 || rph > 60 {
		return errorf(p.lines.n, "DATA PERIODS records per hour %d is outside 1..60", rph)
	}
	p.h.DataPeriods, p.h.RecordsPerHour = n, rph
	p.h.StartDayOfWeek = strings.TrimSpace(f[4])
	p.h.PeriodStart = removeSpaces(f[5])
	p.h.PeriodEnd = removeSpaces(f[3+4*(n-1)+3])
	for i := range n {
		days := periodDays(f[3+4*i+2], f[3+4*i+3])
		if days == 0 {
			p.promised = 0
			break
		}
		p.promised += days * 24 * rph
	}
	return nil
}

// periodDays counts the days from start to end ("1/ 1" to "12/31") in a year without 29
// February, the least a file of that period holds; 0 when a date cannot be read.
func periodDays(start, end string) int {
	a, b := dayOfYear(start), dayOfYear(end)
	switch {
	case a == 0 || b == 0:
		return 0
	case b < a: // a period across the new year
		return 365 - a + 1 + b
	}
	return b - a + 1
}

var monthStarts = [13]int{0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334}

func dayOfYear(date string) int {
	parts := strings.Split(removeSpaces(date), "/")
	if len(parts) < 2 {
		return 0
	}
	m, err1 := strconv.Atoi(parts[0])
	d, err2 := strconv.Atoi(parts[1])
	if err1 != nil || err2 != nil || m < 1 || m > 12 || d < 1 || d > 31 {
		return 0
	}
	if m == 2 && d == 29 {
		d = 28
	}
	return monthStarts[m] + d
}

// looksLikeIDF tells an EnergyPlus model dropped as weather from other text.
func looksLikeIDF(first string) bool {
	t := strings.TrimSpace(first)
	return strings.HasPrefix(t, "!") || strings.HasPrefix(strings.ToLower(t), "version")
}

func (p *parser) rows() error {
	blank := 0 // line of the first blank line; only trailing blank lines are allowed
	for {
		line, ok := p.lines.next()
		if !ok {
			break
		}
		if strings.TrimSpace(line) == "" {
			if blank == 0 {
				blank = p.lines.n
			}
			continue
		}
		if blank != 0 {
			return errorf(blank, "blank line inside the weather data")
		}
		if err := p.row(line); err != nil {
			return err
		}
	}
	if p.h.DataRows == 0 {
		return errorf(0, "no weather data rows after the 8 header lines (the file has only its header)")
	}
	if p.h.DataRows < p.promised {
		return errorf(p.lastLine, "the weather data ends here, at %d/%d hour %d, after %d of the %d hourly rows that DATA PERIODS promises (%s to %s): the file is cut short",
			p.last[0], p.last[1], p.last[2], p.h.DataRows, p.promised, p.h.PeriodStart, p.h.PeriodEnd)
	}
	for m, n := range p.h.MonthlyDryBulbCount {
		if n > 0 {
			p.h.MonthlyMeanDryBulb[m] = p.sums[m] / float64(n)
		}
	}
	return nil
}

// missingDryBulb is the EPW code for a missing dry-bulb value.
const missingDryBulb = 99.9

// row checks one hourly row and adds its dry bulb to the monthly sums. It cuts only the
// fields it needs instead of splitting all 35, which keeps a full year well under 50 ms.
func (p *parser) row(line string) error {
	if n := strings.Count(line, ",") + 1; n < 35 {
		return errorf(p.lines.n, "data row has %d fields, want at least 35 (a line cut short, or a field missing)", n)
	}
	var f [7]string
	rest := line
	for i := range f {
		f[i], rest, _ = strings.Cut(rest, ",")
	}
	ints := []struct {
		name     string
		s        string
		min, max int
	}{
		{"data row year", f[0], math.MinInt, math.MaxInt},
		{"data row month", f[1], 1, 12},
		{"data row day", f[2], 1, 31},
		{"data row hour", f[3], 1, 24},
	}
	var mdh [4]int // year, month, day, hour
	for i, c := range ints {
		v, err := p.integer(c.name, c.s)
		if err != nil {
			return err
		}
		if v < c.min || v > c.max {
			return errorf(p.lines.n, "%s %d is outside %d..%d", c.name, v, c.min, c.max)
		}
		mdh[i] = v
	}
	month := mdh[1]
	db, err := p.number("data row dry bulb temperature", f[6])
	if err != nil {
		return err
	}
	p.h.DataRows++
	p.last, p.lastLine = [3]int{mdh[1], mdh[2], mdh[3]}, p.lines.n
	if db < missingDryBulb {
		p.sums[month-1] += db
		p.h.MonthlyDryBulbCount[month-1]++
	}
	return nil
}

func (p *parser) number(field, s string) (float64, error) {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	// NaN would slip through every range check below, so it counts as not a number.
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, errorf(p.lines.n, "%s %s is not a number", field, quoteShort(p.decode(s)))
	}
	return v, nil
}

func (p *parser) integer(field, s string) (int, error) {
	v, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return 0, errorf(p.lines.n, "%s %s is not a whole number", field, quoteShort(p.decode(s)))
	}
	return v, nil
}

func (p *parser) decode(s string) string {
	if p.latin1 {
		return latin1ToUTF8(s)
	}
	return s
}

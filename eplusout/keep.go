package eplusout

import (
	"bytes"
	"compress/gzip"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// Hourly meters outlive eplusout.sql: once a run's results are stored its outputs are deleted
// (a run of a small office leaves ~20 MB), and the hourly chart reads them from this compact
// form instead: every meter of the run in one gzipped blob, values as float32 (the chart's
// precision; each total is kept as the float64 sum of the full values).

type packedMeter struct {
	Name, Units string
	Total       float64
	Values      []float32
}

type packedMeters struct {
	Version          int
	Month, Day, Hour []uint8 // the first meter's hours; the others must match them
	Meters           []packedMeter
}

const packedVersion = 1

// ReadAllMeterSeries reads every hourly meter of eplusout.sql, in ReadMeters's order, in one
// query.
func ReadAllMeterSeries(sqlPath string) ([]MeterSeries, error) {
	meters, err := ReadMeters(sqlPath)
	if err != nil || len(meters) == 0 {
		return nil, err
	}
	db, err := openEplusSQL(sqlPath)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	rows, err := db.Query(`SELECT d.Name, d.Units, t.Month, t.Day, t.Hour, rd.Value` + hourlyMeterRows +
		` ORDER BY d.ReportDataDictionaryIndex, t.TimeIndex`)
	if err != nil {
		return nil, fmt.Errorf("query meters in %s: %w", sqlPath, err)
	}
	defer rows.Close()
	byName := make(map[string]*MeterSeries, len(meters))
	for _, m := range meters {
		byName[m.Name] = &MeterSeries{Name: m.Name}
	}
	for rows.Next() {
		var name, units string
		var month, day, hour int
		var v float64
		if err := rows.Scan(&name, &units, &month, &day, &hour, &v); err != nil {
			return nil, fmt.Errorf("scan meters in %s: %w", sqlPath, err)
		}
		s := byName[name]
		if s == nil { // a meter ReadMeters leaves out
			continue
		}
		u, factor := displayUnits(units)
		s.Units = u
		v *= factor
		s.Month, s.Day, s.Hour, s.Values = append(s.Month, month), append(s.Day, day), append(s.Hour, hour), append(s.Values, v)
		s.Total += v
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read meters in %s: %w", sqlPath, err)
	}
	out := make([]MeterSeries, 0, len(meters))
	for _, m := range meters {
		out = append(out, *byName[m.Name])
	}
	return out, nil
}

// PackMeters reads every hourly meter of eplusout.sql and packs them; nil (no error) when the
// run wrote none (a design-day run).
func PackMeters(sqlPath string) ([]byte, error) {
	series, err := ReadAllMeterSeries(sqlPath)
	if err != nil || len(series) == 0 {
		return nil, err
	}
	return EncodeMeters(series)
}

// EncodeMeters packs a run's hourly meters (all over the same hours, as one run writes them).
func EncodeMeters(series []MeterSeries) ([]byte, error) {
	p := packedMeters{Version: packedVersion}
	for i, s := range series {
		if len(s.Month) != len(s.Values) || len(s.Day) != len(s.Values) || len(s.Hour) != len(s.Values) {
			return nil, fmt.Errorf("meter %s: %d values but %d/%d/%d times", s.Name, len(s.Values), len(s.Month), len(s.Day), len(s.Hour))
		}
		if i == 0 {
			p.Month, p.Day, p.Hour = bytesOf(s.Month), bytesOf(s.Day), bytesOf(s.Hour)
		} else if !bytes.Equal(p.Month, bytesOf(s.Month)) || !bytes.Equal(p.Day, bytesOf(s.Day)) || !bytes.Equal(p.Hour, bytesOf(s.Hour)) {
			return nil, fmt.Errorf("meter %s is not over the same hours as %s", s.Name, series[0].Name)
		}
		v := make([]float32, len(s.Values))
		for k, x := range s.Values {
			v[k] = float32(x)
		}
		p.Meters = append(p.Meters, packedMeter{Name: s.Name, Units: s.Units, Total: s.Total, Values: v})
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err := gob.NewEncoder(zw).Encode(p); err != nil {
		return nil, fmt.Errorf("pack the hourly meters: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func bytesOf(v []int) []byte {
	b := make([]byte, len(v))
	for i, x := range v {
		b[i] = byte(x)
	}
	return b
}

// ErrNotPacked is wrapped when a blob is not hourly meters EncodeMeters wrote.
var ErrNotPacked = errors.New("not packed hourly meters")

func decode(blob []byte) (packedMeters, error) {
	var p packedMeters
	zr, err := gzip.NewReader(bytes.NewReader(blob))
	if err != nil {
		return p, fmt.Errorf("%w: %v", ErrNotPacked, err)
	}
	if err := gob.NewDecoder(io.LimitReader(zr, 64<<20)).Decode(&p); err != nil {
		return p, fmt.Errorf("%w: %v", ErrNotPacked, err)
	}
	if p.Version != packedVersion {
		return p, fmt.Errorf("%w: version %d", ErrNotPacked, p.Version)
	}
	for _, m := range p.Meters {
		if len(m.Values) != len(p.Month) || len(p.Day) != len(p.Month) || len(p.Hour) != len(p.Month) {
			return p, fmt.Errorf("%w: meter %s has %d values over %d hours", ErrNotPacked, m.Name, len(m.Values), len(p.Month))
		}
	}
	return p, nil
}

// PackedMeterList lists the meters of a packed blob as ReadMeters does.
func PackedMeterList(blob []byte) ([]Meter, error) {
	p, err := decode(blob)
	if err != nil {
		return nil, err
	}
	out := make([]Meter, 0, len(p.Meters))
	for _, m := range p.Meters {
		out = append(out, Meter{Name: m.Name, Units: m.Units, Hours: len(m.Values)})
	}
	return out, nil
}

// PackedMeterSeries returns one meter of a packed blob as ReadMeterSeries does (the name
// matched case-insensitively).
func PackedMeterSeries(blob []byte, name string) (*MeterSeries, error) {
	p, err := decode(blob)
	if err != nil {
		return nil, err
	}
	for _, m := range p.Meters {
		if !strings.EqualFold(m.Name, name) {
			continue
		}
		s := &MeterSeries{Name: m.Name, Units: m.Units, Total: m.Total,
			Month: make([]int, len(m.Values)), Day: make([]int, len(m.Values)), Hour: make([]int, len(m.Values)), Values: make([]float64, len(m.Values))}
		for i, v := range m.Values {
			s.Month[i], s.Day[i], s.Hour[i] = int(p.Month[i]), int(p.Day[i]), int(p.Hour[i])
			// float32 to float64 through its shortest decimal, so 1.1 shows as 1.1 in the window.
			s.Values[i] = shortest(v)
		}
		return s, nil
	}
	return nil, fmt.Errorf("meter %q: %w", name, ErrNoHourlyMeter)
}

func shortest(v float32) float64 {
	if math.IsInf(float64(v), 0) || math.IsNaN(float64(v)) {
		return float64(v)
	}
	f, _ := strconv.ParseFloat(strconv.FormatFloat(float64(v), 'g', -1, 32), 64)
	return f
}

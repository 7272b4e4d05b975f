package epw

import "fmt"

// Location is the LOCATION header line.
type Location struct {
	City      string  `json:"city"`
	State     string  `json:"state"`
	Country   string  `json:"country"`
	Source    string  `json:"source"`
	WMO       string  `json:"wmo"`
	Latitude  float64 `json:"latitude"`  // degrees N
	Longitude float64 `json:"longitude"` // degrees E
	TimeZone  float64 `json:"timeZone"`  // hours from GMT
	Elevation float64 `json:"elevation"` // m
}

// Header is what the app shows about a weather file.
type Header struct {
	Location       Location `json:"location"`
	DataPeriods    int      `json:"dataPeriods"`
	RecordsPerHour int      `json:"recordsPerHour"`
	// From DATA PERIODS with the spaces removed ("1/ 1" -> "1/1"): the first period's start
	// weekday and date and the last period's end date.
	StartDayOfWeek string `json:"startDayOfWeek"`
	PeriodStart    string `json:"periodStart"`
	PeriodEnd      string `json:"periodEnd"`
	Comments1      string `json:"comments1"`
	Comments2      string `json:"comments2"`
	DataRows       int    `json:"dataRows"` // data rows after the 8 header lines
	// Mean dry-bulb temperature (C) per month over the data rows, and how many rows each mean
	// covers: a month without data has mean 0 and count 0. Missing values (99.9) are skipped.
	MonthlyMeanDryBulb  [12]float64 `json:"monthlyMeanDryBulb"`
	MonthlyDryBulbCount [12]int     `json:"monthlyDryBulbCount"`
}

// FormatError reports a malformed weather file with its line.
type FormatError struct {
	Line int // 1-based; 0 when the problem is the file as a whole
	Msg  string
	// NotEPW: the file is not a weather file at all (empty, or no LOCATION line), rather than
	// a weather file with a fault in it.
	NotEPW bool
}

func (e *FormatError) Error() string {
	if e.Line <= 0 {
		return e.Msg
	}
	return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
}

func errorf(line int, format string, args ...any) error {
	return &FormatError{Line: line, Msg: fmt.Sprintf(format, args...)}
}

// notEPW is the error of a file that is not a weather file at all.
func notEPW(format string, args ...any) error {
	return &FormatError{Msg: "not an EPW weather file: " + fmt.Sprintf(format, args...), NotEPW: true}
}

package idf

import "time"

// Environment kinds.
const (
	KindDesignDay = "DesignDay"
	KindRunPeriod = "RunPeriod"
)

// Environment is one simulation environment that EnergyPlus will run in its primary
// simulation, in run order. Kind is "DesignDay" or "RunPeriod" (SizingPeriod:WeatherFileDays
// count as "RunPeriod" with their days; SizingPeriod:WeatherFileConditionType as 7 days).
type Environment struct {
	Name string `json:"name"`
	Kind string `json:"kind"`
	Days int    `json:"days"`
}

// Environments lists what the primary simulation runs, in order (sizing periods first when
// RunSizingPeriods, then run periods when RunWeatherPeriods). forceAnnual models EnergyPlus's
// -a flag: no sizing period is run, and the weather run periods are (a single "ANNUAL"
// 1/1-12/31 of 365 days if the file has none).
func (s Summary) Environments(forceAnnual bool) []Environment {
	var envs []Environment
	if s.RunSizingPeriods && !forceAnnual {
		for _, d := range s.DesignDays {
			envs = append(envs, Environment{Name: d.Name, Kind: KindDesignDay, Days: 1})
		}
		envs = append(envs, s.WeatherSizingPeriods...)
	}
	if s.RunWeatherPeriods || forceAnnual {
		for _, rp := range s.RunPeriods {
			envs = append(envs, Environment{Name: rp.Name, Kind: KindRunPeriod, Days: rp.Days})
		}
		if forceAnnual && len(s.RunPeriods) == 0 {
			envs = append(envs, Environment{Name: "ANNUAL", Kind: KindRunPeriod, Days: 365})
		}
	}
	return envs
}

// TotalDays is the number of simulated (non-warm-up) days over all environments: the
// denominator EnergyPlus itself uses for its percent done.
func (s Summary) TotalDays(forceAnnual bool) int {
	total := 0
	for _, e := range s.Environments(forceAnnual) {
		total += e.Days
	}
	return total
}

// periodDays is the inclusive number of days from the begin to the end date, or 0 if a date
// is invalid. With years it uses the real calendar (leap years, several years); a missing
// year is inferred from the other one. Without years it counts in a non-leap year, across the
// year end when the period wraps (e.g. 12/1-1/31).
func periodDays(bm, bd, by, em, ed, ey int) int {
	if !validMonthDay(bm, bd) || !validMonthDay(em, ed) {
		return 0
	}
	wraps := bm > em || (bm == em && bd > ed)
	if by == 0 && ey == 0 {
		b, e := dayOfYear(bm, bd), dayOfYear(em, ed)
		if wraps {
			return 365 - b + 1 + e
		}
		return e - b + 1
	}
	switch {
	case by == 0 && wraps:
		by = ey - 1
	case by == 0:
		by = ey
	case ey == 0 && wraps:
		ey = by + 1
	case ey == 0:
		ey = by
	}
	if by < 1 || ey > 9999 || !realDate(by, bm, bd) || !realDate(ey, em, ed) {
		return 0
	}
	b := time.Date(by, time.Month(bm), bd, 0, 0, 0, 0, time.UTC)
	e := time.Date(ey, time.Month(em), ed, 0, 0, 0, 0, time.UTC)
	if e.Before(b) {
		return 0
	}
	// Unix seconds, not e.Sub(b): a time.Duration overflows after 292 years.
	return int((e.Unix()-b.Unix())/86400) + 1
}

var daysInMonth = [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// validMonthDay accepts February 29: it exists in leap years.
func validMonthDay(m, d int) bool {
	return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth[m]
}

func realDate(y, m, d int) bool {
	return !(m == 2 && d == 29 && !isLeap(y))
}

func isLeap(y int) bool {
	return y%4 == 0 && (y%100 != 0 || y%400 == 0)
}

// dayOfYear in a non-leap year; February 29 counts as February 28.
func dayOfYear(m, d int) int {
	if m == 2 && d == 29 {
		d = 28
	}
	n := d
	for i := 1; i < m; i++ {
		n += daysInMonth[i]
	}
	if m > 2 {
		n-- // daysInMonth has 29 for February
	}
	return n
}

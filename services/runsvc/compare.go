package runsvc

import (
	"fmt"
	"io"

	"epsm/eplusout"
	"epsm/idf"
)

// RunComparison is two runs side by side, for the comparison view: each run's details, its
// energy by month and its peak hourly power from the hourly meters, and the distinct messages
// of its eplusout.err. Every figure is computed here; the window only subtracts.
type RunComparison struct {
	A RunSide `json:"a"`
	B RunSide `json:"b"`
}

// RunSide is one run of a comparison.
type RunSide struct {
	Details  RunDetails    `json:"details"`
	Monthly  MonthlyEnergy `json:"monthly"`
	Messages RunMessages   `json:"messages"`
}

// MonthlyEnergy is a run's site energy by month, per facility meter (one per fuel).
type MonthlyEnergy struct {
	Meters []FacilityMeter `json:"meters"`
	// Total is the sum over Meters by month, kWh; nil for a month no hour of the run falls in.
	Total []*float64 `json:"total"`
	// Reason is set when Meters is empty: why the run has no hourly data.
	Reason string `json:"reason"`
}

// FacilityMeter is one fuel's facility meter: kWh by month (index 0 is January; nil for a
// month the run does not cover) and the highest hourly mean power over the year, kW.
type FacilityMeter struct {
	Name    string     `json:"name"`
	Monthly []*float64 `json:"monthly"`
	PeakKW  *float64   `json:"peakKW"`
}

// RunMessages are the distinct warning, severe and fatal messages of a run's eplusout.err.
type RunMessages struct {
	Messages []eplusout.ErrMessage `json:"messages"`
	// Truncated: the file is larger than the part read (maxErrFileView), so messages after it are not listed.
	Truncated bool `json:"truncated"`
	// Reason is set when the file could not be read.
	Reason string `json:"reason"`
}

// CompareRuns returns runs a and b side by side; the window shows b − a.
func (q *Queue) CompareRuns(a, b int64) (RunComparison, error) {
	var c RunComparison
	for _, side := range []struct {
		id  int64
		out *RunSide
	}{{a, &c.A}, {b, &c.B}} {
		s, err := q.runSide(side.id)
		if err != nil {
			return RunComparison{}, err
		}
		*side.out = s
	}
	return c, nil
}

func (q *Queue) runSide(id int64) (RunSide, error) {
	d, err := q.RunDetails(id)
	if err != nil {
		return RunSide{}, err
	}
	monthly, err := q.monthlyEnergy(id)
	if err != nil {
		return RunSide{}, err
	}
	return RunSide{Details: d, Monthly: monthly, Messages: q.errMessages(id)}, nil
}

func (q *Queue) monthlyEnergy(id int64) (MonthlyEnergy, error) {
	out := MonthlyEnergy{Meters: []FacilityMeter{}, Total: make([]*float64, 12)}
	list, err := q.RunMeters(id)
	if err != nil {
		return out, err
	}
	for _, m := range list.Meters {
		if !idf.IsFacilityMeter(m.Name) || m.Units != "kWh" {
			continue
		}
		s, err := q.MeterSeries(id, m.Name)
		if err != nil {
			return out, err
		}
		fm := FacilityMeter{Name: s.Name, Monthly: eplusout.MonthlySums(s), PeakKW: eplusout.Peak(s)}
		for i, v := range fm.Monthly {
			if v == nil {
				continue
			}
			if out.Total[i] == nil {
				out.Total[i] = new(float64)
			}
			*out.Total[i] += *v
		}
		out.Meters = append(out.Meters, fm)
	}
	switch {
	case list.Reason != "" && len(out.Meters) == 0:
		out.Reason = list.Reason
	case len(out.Meters) == 0:
		out.Reason = "This run wrote no hourly facility meter (Electricity:Facility and the like)."
	}
	return out, nil
}

// errMessages reads the distinct messages of a run's eplusout.err; a file that cannot be read
// gives the reason instead (a queued run has none yet), not an error for the whole comparison.
func (q *Queue) errMessages(id int64) RunMessages {
	out := RunMessages{Messages: []eplusout.ErrMessage{}}
	f, err := q.openRunFile(id, "eplusout.err")
	if err != nil {
		out.Reason = fmt.Sprintf("eplusout.err could not be read: %v", err)
		return out
	}
	defer f.Close()
	limited := &io.LimitedReader{R: f, N: maxErrFileView}
	msgs, err := eplusout.ErrMessages(limited)
	if err != nil {
		out.Reason = fmt.Sprintf("eplusout.err could not be read: %v", err)
		return out
	}
	out.Messages = msgs
	if limited.N == 0 {
		if n, _ := f.Read(make([]byte, 1)); n > 0 {
			out.Truncated = true
		}
	}
	return out
}

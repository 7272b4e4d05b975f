package studysvc

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"

	"epsm/sensitivity"
	"epsm/study"
)

// MethodView is what the window and the CLI show about a method study: its progress, the
// NSGA-II fronts per generation, or the Morris effects per objective.
type MethodView struct {
	MethodProgress
	Objectives []study.Figure `json:"objectives"`
	Weather    string         `json:"weather"` // mean or worst over the weather files
	Axes       []study.Axis   `json:"axes"`
	// Fronts are, per finished NSGA-II generation, the labels (B, V1, ...) of the variants on
	// its first front; GenerationOf is the generation that first asked for each label.
	Fronts       [][]string     `json:"fronts,omitempty"`
	GenerationOf map[string]int `json:"generationOf,omitempty"`
	// Screening is the Morris screening per objective, once its runs are done; Indices the
	// Sobol indices per objective.
	Screening []Screening   `json:"screening,omitempty"`
	Indices   []Sensitivity `json:"indices,omitempty"`
}

// Sensitivity is the Sobol indices of every factor on one objective.
type Sensitivity struct {
	Objective study.Figure `json:"objective"`
	Indices   []SobolIndex `json:"indices"` // ranked, largest total index first
	Summary   string       `json:"summary"`
	Missing   int          `json:"missing"` // design points without a value
	Why       string       `json:"why,omitempty"`
}

// SobolIndex is sensitivity.SobolIndex with JSON-safe figures (nil where too few runs).
type SobolIndex struct {
	Factor  string   `json:"factor"`
	S1      *float64 `json:"s1"`
	ST      *float64 `json:"st"`
	S1Conf  *float64 `json:"s1Conf"` // 95 % bootstrap half-widths
	STConf  *float64 `json:"stConf"`
	Rows    int      `json:"rows"`
	Dropped int      `json:"dropped"`
}

// Screening is the elementary effects of every factor on one objective.
type Screening struct {
	Objective study.Figure `json:"objective"`
	Effects   []Effect     `json:"effects"` // ranked, largest mu* first
	Summary   string       `json:"summary"` // names the factors that matter most
	// Missing counts the design's points without a value (failed runs, incomplete figures),
	// and Why gives the first reason.
	Missing int    `json:"missing"`
	Why     string `json:"why,omitempty"`
}

// Effect is sensitivity.Effect with JSON-safe figures: nil where there is no effect to
// average (NaN in package sensitivity).
type Effect struct {
	Factor  string   `json:"factor"`
	Mu      *float64 `json:"mu"`
	MuStar  *float64 `json:"muStar"`
	Sigma   *float64 `json:"sigma"`
	Effects int      `json:"effects"`
	Dropped int      `json:"dropped"`
}

// Method returns a method study's view; a sampled study has none (an error says so).
func (s *Studies) Method(studyID int64) (MethodView, error) {
	st, variants, err := s.store.Study(studyID)
	if err != nil {
		return MethodView{}, err
	}
	if st.MethodJSON == "" {
		return MethodView{}, fmt.Errorf("study %q has no method: its variants were sampled", st.Name)
	}
	var state methodState
	var spec study.Spec
	if err := json.Unmarshal([]byte(st.MethodJSON), &state); err != nil {
		return MethodView{}, fmt.Errorf("study %q: its method state: %w", st.Name, err)
	}
	if err := json.Unmarshal([]byte(st.SpecJSON), &spec); err != nil || spec.Method == nil {
		return MethodView{}, fmt.Errorf("study %q: its spec has no method", st.Name)
	}
	m := spec.Method.WithDefaults()
	v := MethodView{Weather: m.Weather, Axes: state.Axes, GenerationOf: map[string]int{}}
	v.MethodProgress = MethodProgress{StudyID: st.ID, Kind: state.Kind, Status: state.Status, Message: state.Message,
		Generation: state.Generation, Generations: state.Generations, Variants: len(variants)}
	for _, id := range m.Objectives {
		v.Objectives = append(v.Objectives, figureByID(id))
	}
	labels := map[string]string{}
	for i, label := range shortLabels(variants) {
		sv := variants[i]
		labels[sv.Key] = label
		v.GenerationOf[label] = sv.Generation
	}
	for _, front := range state.Fronts {
		var ls []string
		for _, k := range front {
			if l, ok := labels[k]; ok {
				ls = append(ls, l)
			}
		}
		sort.Slice(ls, func(i, j int) bool { return labelOrder(ls[i]) < labelOrder(ls[j]) })
		v.Fronts = append(v.Fronts, ls)
	}
	if state.Status == MethodDone && (state.Design != nil || state.SobolDesign != nil) {
		table, err := s.Table(studyID)
		if err != nil {
			return v, err
		}
		byKey := rowsByKey(table.Rows)
		for _, id := range m.Objectives {
			outputs, missing, why := pointOutputs(state.Points, byKey, id, m.Weather)
			if state.Design != nil {
				v.Screening = append(v.Screening, screen(*state.Design, outputs, missing, why, id))
			} else {
				v.Indices = append(v.Indices, sobolIndices(*state.SobolDesign, outputs, missing, why, id))
			}
		}
	}
	return v, nil
}

// pointOutputs is each design point's objective (NaN where a run failed or the figure is
// missing), how many are missing, and the first reason.
func pointOutputs(points []string, byKey map[string][]VariantResult, objective, how string) ([]float64, int, string) {
	outputs := make([]float64, len(points))
	missing, why := 0, ""
	for i, key := range points {
		rows := byKey[key]
		y, err := aggregate(rows, objective, how)
		failed := len(rows) == 0
		for _, r := range rows {
			failed = failed || !r.Status.Succeeded()
		}
		if failed && err == nil {
			err = fmt.Errorf("a run of point %d failed", i+1)
		}
		if err != nil {
			outputs[i] = math.NaN()
			missing++
			if why == "" {
				why = err.Error()
			}
			continue
		}
		outputs[i] = y
	}
	return outputs, missing, why
}

// sobolIndices analyses the Sobol design for one objective.
func sobolIndices(design sensitivity.SobolDesign, outputs []float64, missing int, why, objective string) Sensitivity {
	out := Sensitivity{Objective: figureByID(objective), Missing: missing, Why: why}
	indices, err := sensitivity.AnalyseSobol(design, outputs)
	if err != nil {
		out.Why = err.Error()
		return out
	}
	for _, x := range sensitivity.RankedSobol(indices) {
		out.Indices = append(out.Indices, SobolIndex{Factor: x.Factor, S1: finiteOrNil(x.S1), ST: finiteOrNil(x.ST),
			S1Conf: finiteOrNil(x.S1Conf), STConf: finiteOrNil(x.STConf), Rows: x.Rows, Dropped: x.Dropped})
	}
	out.Summary = sensitivity.SobolSummary(indices)
	return out
}

// screen analyses the Morris design for one objective.
func screen(design sensitivity.Design, outputs []float64, missing int, why, objective string) Screening {
	sc := Screening{Objective: figureByID(objective), Missing: missing, Why: why}
	effects, err := sensitivity.Analyse(design, outputs)
	if err != nil {
		sc.Why = err.Error()
		return sc
	}
	for _, e := range sensitivity.Ranked(effects) {
		sc.Effects = append(sc.Effects, Effect{Factor: e.Factor, Mu: finiteOrNil(e.Mu), MuStar: finiteOrNil(e.MuStar),
			Sigma: finiteOrNil(e.Sigma), Effects: e.Effects, Dropped: e.Dropped})
	}
	sc.Summary = sensitivity.Summary(effects)
	return sc
}

func finiteOrNil(v float64) *float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return &v
}

func figureByID(id string) study.Figure {
	for _, f := range study.Figures() {
		if f.ID == id {
			return f
		}
	}
	return study.Figure{ID: id, Name: id}
}

// labelOrder sorts B before V1 before V2 ... before V10.
func labelOrder(label string) int {
	var n int
	if _, err := fmt.Sscanf(label, "V%d", &n); err != nil {
		return 0
	}
	return n
}

package studysvc

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"

	"epsm/events"
	"epsm/lca"
	"epsm/optimize"
	"epsm/sensitivity"
	"epsm/sim"
	"epsm/store"
	"epsm/study"
)

// Method statuses.
const (
	MethodRunning = "running"
	MethodDone    = "done"
	MethodFailed  = "failed" // an objective could not be computed; Message says which and why
	// MethodStopped: the user cancelled runs the method waits for; ContinueMethod re-queues
	// them and goes on.
	MethodStopped = "stopped"
)

// methodState is what a method study keeps in the store between generations (studies.method_json):
// enough to continue after a restart exactly where it stopped.
type methodState struct {
	Kind    string       `json:"kind"`
	Status  string       `json:"status"`
	Message string       `json:"message,omitempty"`
	Target  string       `json:"target,omitempty"` // where the runs go ("" this computer)
	Axes    []study.Axis `json:"axes"`
	Vars    []int        `json:"vars"` // the axes that vary, in the optimiser's variable order

	// NSGA-II: the optimiser between Ask and Tell, the variant keys of the generation being
	// evaluated (in Ask order), and per finished generation the keys of its first front.
	Optimizer   *optimize.State `json:"optimizer,omitempty"`
	Pending     []string        `json:"pending,omitempty"`
	Generation  int             `json:"generation"`
	Generations int             `json:"generations"`
	Fronts      [][]string      `json:"fronts,omitempty"`

	// Morris (Design) or Sobol indices (SobolDesign): the design and the variant key of each of
	// its points, in the design's Points order.
	Design      *sensitivity.Design      `json:"design,omitempty"`
	SobolDesign *sensitivity.SobolDesign `json:"sobolDesign,omitempty"`
	Points      []string                 `json:"points,omitempty"`
}

// MethodProgress is pushed as events.StudyMethod whenever a method study moves.
type MethodProgress struct {
	StudyID     int64  `json:"studyId"`
	Kind        string `json:"kind"`
	Status      string `json:"status"`
	Message     string `json:"message,omitempty"`
	Generation  int    `json:"generation"`  // finished generations
	Generations int    `json:"generations"` // asked for
	Variants    int    `json:"variants"`    // distinct variants evaluated or queued, the baseline among them
}

// createMethod makes a study whose variants a method chooses: Morris lays out its whole design
// at once; NSGA-II queues the baseline and its first generation, and the rest follows
// generation by generation (Drive).
func (s *Studies) createMethod(in *studyInputs) (StudyInfo, error) {
	m := in.spec.Method.WithDefaults()
	axes, err := in.spec.Axes(in.resolve)
	if err != nil {
		return StudyInfo{}, err
	}
	state := methodState{Kind: m.Kind, Status: MethodRunning, Target: in.target, Axes: axes}
	for i, a := range axes {
		if a.Varies() {
			state.Vars = append(state.Vars, i)
		}
	}
	if len(state.Vars) == 0 {
		return StudyInfo{}, errors.New("study spec: method: no element or measure has more than one option: there is nothing to search")
	}
	var points [][]float64
	switch m.Kind {
	case study.MethodNSGA2:
		problem := optimize.Problem{Objectives: len(m.Objectives)}
		for _, i := range state.Vars {
			a := axes[i]
			v := optimize.Var{Name: a.Key, Options: len(a.Options)}
			if b := a.Continuous; b != nil {
				v = optimize.Var{Name: a.Key, Min: b.Min, Max: b.Max}
			}
			problem.Vars = append(problem.Vars, v)
		}
		opt, err := optimize.New(problem, optimize.Settings{PopSize: m.Population, Seed: m.Seed})
		if err != nil {
			return StudyInfo{}, fmt.Errorf("study spec: method nsga2: %w", err)
		}
		for _, c := range opt.Ask() {
			points = append(points, c.Values)
		}
		st := opt.State()
		state.Optimizer, state.Generations = &st, m.Generations
	case study.MethodMorris:
		design, err := sensitivity.NewDesign(state.factors(), sensitivity.Settings{Trajectories: m.Trajectories, Levels: m.Levels, Seed: m.Seed})
		if err != nil {
			return StudyInfo{}, fmt.Errorf("study spec: method morris: %w", err)
		}
		for _, p := range design.Points() {
			points = append(points, p.Values)
		}
		state.Design, state.Generations = &design, 1
	case study.MethodSobolIndices:
		design, err := sensitivity.NewSobolDesign(state.factors(), sensitivity.SobolSettings{N: m.Samples, Seed: m.Seed})
		if err != nil {
			return StudyInfo{}, fmt.Errorf("study spec: method sobol-indices: %w", err)
		}
		for _, p := range design.Points() {
			points = append(points, p.Values)
		}
		state.SobolDesign, state.Generations = &design, 1
	}
	variants, keys, err := s.pointVariants(in, &state, points)
	if err != nil {
		return StudyInfo{}, err
	}
	if m.Kind == study.MethodNSGA2 {
		state.Pending = keys
	} else {
		state.Points = keys
	}
	variants = append([]study.Variant{study.Baseline()}, variants...)
	rows, runs, batchID, err := s.addVariants(in, variants, 1, nil, in.name)
	if err != nil {
		return StudyInfo{}, err
	}
	rows[0].Generation = 0
	sj, _ := json.Marshal(state)
	st, _, err := s.store.CreateStudy(store.Study{Name: in.name, SpecJSON: savedSpec(in), BaseModelID: in.base.ID, BatchID: batchID, MethodJSON: string(sj)}, rows)
	if err != nil {
		return StudyInfo{}, err
	}
	s.emitMethod(st.ID, state, len(rows))
	return StudyInfo{Study: st, Spec: in.spec, Variants: len(rows) - 1, Runs: runs, Weather: in.weathers}, nil
}

// factors are the varying axes as a sensitivity design's factors.
func (state *methodState) factors() []sensitivity.Factor {
	var out []sensitivity.Factor
	for _, i := range state.Vars {
		a := state.Axes[i]
		f := sensitivity.Factor{Name: a.Label, Options: a.Options}
		if b := a.Continuous; b != nil {
			f = sensitivity.Factor{Name: a.Label, Min: b.Min, Max: b.Max}
		}
		out = append(out, f)
	}
	return out
}

// pointVariants turns the method's points (values of the varying axes) into variants, and
// returns the new ones (each once, none that is the baseline) and every point's variant key.
func (s *Studies) pointVariants(in *studyInputs, state *methodState, points [][]float64) ([]study.Variant, []string, error) {
	baseline := study.Baseline().ID
	seen := map[string]bool{baseline: true}
	var out []study.Variant
	var keys []string
	for _, p := range points {
		full := make([]float64, len(state.Axes)) // fixed axes take their only option
		for k, i := range state.Vars {
			full[i] = p[k]
		}
		v, err := in.spec.VariantAt(state.Axes, full, in.namer)
		if err != nil {
			return nil, nil, err
		}
		keys = append(keys, v.ID)
		if !seen[v.ID] {
			seen[v.ID] = true
			out = append(out, v)
		}
	}
	return out, keys, nil
}

// Drive carries an NSGA-II study on until its last generation is evaluated, or ctx ends: it
// waits for the pending generation's runs, tells the optimiser their objectives, saves its
// state, and queues the next generation (variants the study already has are not run again).
// Morris studies need no driving: their design is queued whole. It returns at once for a
// study that is done or failed.
func (s *Studies) Drive(ctx context.Context, studyID int64) error {
	for {
		st, variants, err := s.store.Study(studyID)
		if err != nil {
			return err
		}
		if st.MethodJSON == "" {
			return nil
		}
		var state methodState
		if err := json.Unmarshal([]byte(st.MethodJSON), &state); err != nil {
			return fmt.Errorf("study %q: its method state: %w", st.Name, err)
		}
		if state.Status != MethodRunning {
			return nil
		}
		var waitFor []int64
		if state.Kind != study.MethodNSGA2 { // a design queued whole
			waitFor = studyRunIDs(variants, nil)
		} else {
			pending := map[string]bool{}
			for _, k := range state.Pending {
				pending[k] = true
			}
			waitFor = studyRunIDs(variants, pending)
		}
		if err := s.queue.Wait(ctx, waitFor); err != nil {
			return err
		}
		// Cancelled runs are the user stopping the method, not results to rank.
		if n, err := s.cancelledRuns(waitFor); err != nil {
			return err
		} else if n > 0 {
			state.Status = MethodStopped
			state.Message = fmt.Sprintf("%d run(s) the method waits for were cancelled: continue the study to run them and go on", n)
			return s.saveMethod(st, state, len(variants))
		}
		if state.Kind != study.MethodNSGA2 {
			state.Status, state.Generation = MethodDone, 1
			return s.saveMethod(st, state, len(variants))
		}
		if err := s.tell(st, &state); err != nil {
			state.Status, state.Message = MethodFailed, err.Error()
			return s.saveMethod(st, state, len(variants))
		}
		if state.Generation >= state.Generations {
			state.Status, state.Pending = MethodDone, nil
			return s.saveMethod(st, state, len(variants))
		}
		if err := s.askNext(st, &state, variants); err != nil {
			return err
		}
	}
}

// cancelledRuns counts the runs among ids that were cancelled.
func (s *Studies) cancelledRuns(ids []int64) (int, error) {
	n := 0
	for _, id := range ids {
		r, err := s.store.Run(id)
		if err != nil {
			return 0, err
		}
		if r.Status == sim.StatusCancelled {
			n++
		}
	}
	return n, nil
}

// ContinueMethod goes on with a method study the user stopped by cancelling its runs: the
// cancelled runs are queued again (on the target their batch went to) and the method resumes.
func (s *Studies) ContinueMethod(studyID int64) error {
	st, variants, err := s.store.Study(studyID)
	if err != nil {
		return err
	}
	var state methodState
	if st.MethodJSON == "" || json.Unmarshal([]byte(st.MethodJSON), &state) != nil {
		return fmt.Errorf("study %q has no method to continue", st.Name)
	}
	if state.Status != MethodStopped {
		return fmt.Errorf("study %q: its method is %s, not stopped", st.Name, state.Status)
	}
	batches := map[int64]bool{}
	for _, id := range studyRunIDs(variants, nil) {
		r, err := s.store.Run(id)
		if err != nil {
			return err
		}
		if r.Status == sim.StatusCancelled {
			batches[r.BatchID] = true
		}
	}
	for b := range batches {
		if _, err := s.queue.RerunFailed(b); err != nil {
			return fmt.Errorf("study %q: %w", st.Name, err)
		}
	}
	state.Status, state.Message = MethodRunning, ""
	if err := s.saveMethod(st, state, len(variants)); err != nil {
		return err
	}
	s.startDriver(studyID)
	return nil
}

// studyRunIDs are the runs of the baseline and of the variants whose keys are in only (all
// variants when only is nil).
func studyRunIDs(variants []store.StudyVariant, only map[string]bool) []int64 {
	var ids []int64
	for _, v := range variants {
		if v.Baseline || only == nil || only[v.Key] {
			for _, r := range v.Runs {
				ids = append(ids, r)
			}
		}
	}
	return ids
}

// tell computes the pending generation's objectives from the study table and gives them to the
// optimiser, then records the generation's front.
func (s *Studies) tell(st store.Study, state *methodState) error {
	var spec study.Spec
	if err := json.Unmarshal([]byte(st.SpecJSON), &spec); err != nil {
		return fmt.Errorf("its spec: %w", err)
	}
	m := spec.Method.WithDefaults()
	table, err := s.Table(st.ID)
	if err != nil {
		return err
	}
	byKey := rowsByKey(table.Rows)
	opt, err := optimize.Restore(*state.Optimizer)
	if err != nil {
		return err
	}
	results := make([]optimize.Result, len(state.Pending))
	for i, key := range state.Pending {
		r, err := evaluate(byKey[key], m)
		if err != nil {
			return err
		}
		results[i] = r
	}
	if err := opt.Tell(results); err != nil {
		return err
	}
	// The front holds individuals kept from earlier generations too: each is found by its point.
	front := map[string]bool{}
	for _, ind := range opt.Front() {
		full := make([]float64, len(state.Axes))
		for k, i := range state.Vars {
			full[i] = ind.Candidate.Values[k]
		}
		if v, err := spec.VariantAt(state.Axes, full, nil); err == nil {
			front[v.ID] = true
		}
	}
	keys := make([]string, 0, len(front))
	for k := range front {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	state.Fronts = append(state.Fronts, keys)
	next := opt.State()
	state.Optimizer = &next
	state.Generation++
	return nil
}

// askNext queues the optimiser's next generation and saves the state with its variants.
func (s *Studies) askNext(st store.Study, state *methodState, have []store.StudyVariant) error {
	var spec study.Spec
	if err := json.Unmarshal([]byte(st.SpecJSON), &spec); err != nil {
		return fmt.Errorf("study %q: its spec: %w", st.Name, err)
	}
	spec.Name = st.Name
	in, err := s.prepare(spec, state.Target)
	if err != nil {
		return fmt.Errorf("study %q: %w", st.Name, err)
	}
	opt, err := optimize.Restore(*state.Optimizer)
	if err != nil {
		return err
	}
	var points [][]float64
	for _, c := range opt.Ask() {
		points = append(points, c.Values)
	}
	variants, keys, err := s.pointVariants(in, state, points)
	if err != nil {
		return err
	}
	known := map[string]bool{}
	for _, v := range have {
		known[v.Key] = true
	}
	// A variant an earlier generation asked for is not simulated again: its runs answer.
	fresh := slices.DeleteFunc(variants, func(v study.Variant) bool { return known[v.ID] })
	name := fmt.Sprintf("%s · generation %d", st.Name, state.Generation+1)
	rows, _, _, err := s.addVariants(in, fresh, state.Generation+1, nil, name)
	if err != nil {
		return err
	}
	next := opt.State()
	state.Optimizer, state.Pending = &next, keys
	sj, _ := json.Marshal(state)
	if _, err := s.store.AddStudyVariants(st.ID, rows, string(sj)); err != nil {
		return err
	}
	s.emitMethod(st.ID, *state, len(have)+len(rows))
	return nil
}

func (s *Studies) saveMethod(st store.Study, state methodState, variants int) error {
	sj, _ := json.Marshal(state)
	if err := s.store.SetStudyMethod(st.ID, string(sj)); err != nil {
		return err
	}
	s.emitMethod(st.ID, state, variants)
	return nil
}

func (s *Studies) emitMethod(studyID int64, state methodState, variants int) {
	if s.emit == nil {
		return
	}
	s.emit.Emit(events.StudyMethod, MethodProgress{StudyID: studyID, Kind: state.Kind, Status: state.Status, Message: state.Message,
		Generation: state.Generation, Generations: state.Generations, Variants: variants})
}

func rowsByKey(rows []VariantResult) map[string][]VariantResult {
	out := map[string][]VariantResult{}
	for _, r := range rows {
		out[r.Key] = append(out[r.Key], r)
	}
	return out
}

// failedViolation is the constraint violation told for a variant whose run failed: far beyond
// any real one, so the optimiser ranks it behind every variant that ran.
const failedViolation = 1e12

// evaluate is one variant's objectives and constraint violation over its weather files.
func evaluate(rows []VariantResult, m study.Method) (optimize.Result, error) {
	r := optimize.Result{Objectives: make([]float64, len(m.Objectives))}
	if len(rows) == 0 {
		return r, errors.New("a variant the optimiser asked for has no runs")
	}
	for _, row := range rows {
		if !row.Status.Succeeded() {
			r.Violation = failedViolation
			return r, nil
		}
	}
	for j, id := range m.Objectives {
		v, err := aggregate(rows, id, m.Weather)
		if err != nil {
			return r, err
		}
		r.Objectives[j] = v
	}
	for _, c := range m.Constraints {
		v, err := aggregate(rows, c.Figure, m.Weather)
		if err != nil {
			return r, err
		}
		if v > c.Max {
			r.Violation += (v - c.Max) / math.Max(math.Abs(c.Max), 1)
		}
	}
	return r, nil
}

// aggregate is a figure over a variant's weather files: their mean, or the worst (largest).
func aggregate(rows []VariantResult, id, how string) (float64, error) {
	total, worst := 0.0, math.Inf(-1)
	for _, row := range rows {
		v, err := figureOf(row, id)
		if err != nil {
			return 0, err
		}
		total += v
		worst = math.Max(worst, v)
	}
	if how == study.WeatherWorst {
		return worst, nil
	}
	return total / float64(len(rows)), nil
}

// figureOf reads one study figure of a row; a figure that is missing or incomplete is an
// error naming the variant, the weather and what is missing, since ranking on part of a
// figure would mislead.
func figureOf(row VariantResult, id string) (float64, error) {
	where := fmt.Sprintf("%s (%s) with %s", row.Label, row.Name, row.WeatherName)
	amount := func(a *lca.Amount) (float64, error) {
		if row.LCA == nil {
			return 0, fmt.Errorf("%s: %s needs the baseline's run with the same weather, which has no results", where, id)
		}
		if !a.Complete {
			return 0, fmt.Errorf("%s: %s is incomplete: %v", where, id, a.Missing)
		}
		return a.Value, nil
	}
	optional := func(p *float64, why string) (float64, error) {
		if p == nil {
			return 0, fmt.Errorf("%s: %s is missing (%s)", where, id, why)
		}
		return *p, nil
	}
	switch id {
	case "siteEnergyKWh":
		if row.Results == nil {
			return 0, fmt.Errorf("%s: no results", where)
		}
		return row.Results.TotalSiteKWh, nil
	case "primaryEnergyNumber":
		return optional(row.PrimaryEnergyNumber, "set the model's Atemp and building type in its Swedish settings")
	case "overheatingHours":
		return optional(row.OverheatingHours, "the run has no zone temperatures")
	case "peakHeatingW":
		return optional(row.PeakHeatingW, "the run has no heating meter")
	}
	if row.LCA == nil {
		return amount(nil)
	}
	switch id {
	case "lifeCycleCost":
		return amount(&row.LCA.LifeCycleCost)
	case "lifeCycleKgCO2e":
		return amount(&row.LCA.LifeCycleKgCO2e)
	case "investmentCost":
		return amount(&row.LCA.InvestmentCost)
	case "embodiedKgCO2e":
		return amount(&row.LCA.EmbodiedKgCO2e)
	case "energyCostPerYear":
		return amount(&row.LCA.EnergyCostPerYear)
	case "operationalKgCO2ePerYear":
		return amount(&row.LCA.OperationalKgCO2ePerYear)
	}
	return 0, fmt.Errorf("unknown figure %q", id)
}

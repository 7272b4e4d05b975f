package studysvc

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"epsm/bbr"
	"epsm/lca"
	"epsm/library"
	"epsm/services/runsvc"
	"epsm/sim"
	"epsm/store"
	"epsm/study"
	"epsm/takeoff"
)

// VariantFigures are what a variant changes, fixed when the study is made: the area of each
// changed element (the exterior surfaces the variant reassigns) and the embodied carbon and
// investment that follow from the library. Unchanged elements are absent, not zero.
type VariantFigures struct {
	Areas      map[string]float64 `json:"areas"` // element -> m2
	Embodied   lca.Amount         `json:"embodiedKgCO2e"`
	Investment lca.Amount         `json:"investment"`
	Choices    map[string]string  `json:"choices"`
	// MeasureChoices are the measures' options (measure id -> values, or "keep"), and Measures
	// what each applied measure installs, with the spec's costs per unit: the life-cycle
	// figures are counted from them with the current settings.
	MeasureChoices map[string]string `json:"measureChoices,omitempty"`
	Measures       []study.Applied   `json:"measures,omitempty"`
}

// StudyInfo is a study as made: its variants and the runs queued for them.
type StudyInfo struct {
	Study    store.Study     `json:"study"`
	Spec     study.Spec      `json:"spec"`
	Variants int             `json:"variants"` // besides the baseline
	Runs     []store.Run     `json:"runs"`
	Weather  []store.Weather `json:"weather"`
}

// CreateStudy builds a study from a spec: it resolves the base model and weather files (paths
// are imported, ids must exist), makes the variants, writes each variant's IDF into the data
// folder with the library's real constructions, imports them as models and queues every
// variant with every weather file in one batch.
func (s *Studies) Create(spec study.Spec) (StudyInfo, error) { return s.create(spec, nil, "") }

// CreateOn is Create with the runs sent to a Slurm target (a saved name or a URL; "" is this
// computer).
func (s *Studies) CreateOn(spec study.Spec, target string) (StudyInfo, error) {
	return s.create(spec, nil, target)
}

// studyInputs are what making a study's variants needs, read once: the base model and its
// parse, the weather files, the library and how options resolve against it.
type studyInputs struct {
	spec     study.Spec
	name     string
	base     store.Model
	b        *study.Base
	weathers []store.Weather
	lib      *library.Library
	resolve  func(element, option string) (string, error)
	namer    study.Namer
	target   string
}

// createStudy makes the study; known answers runs by run key with results from elsewhere (an
// imported study file) instead of queueing them.
func (s *Studies) create(spec study.Spec, known map[string]sim.Outcome, target string) (StudyInfo, error) {
	in, err := s.prepare(spec, target)
	if err != nil {
		return StudyInfo{}, err
	}
	return s.createFrom(in, known)
}

// createFrom makes the study of prepared inputs.
func (s *Studies) createFrom(in *studyInputs, known map[string]sim.Outcome) (StudyInfo, error) {
	spec := in.spec
	if spec.Method != nil {
		return s.createMethod(in)
	}
	variants, err := spec.Variants(in.resolve, in.namer)
	if err != nil {
		return StudyInfo{}, err
	}
	rows, runs, batchID, err := s.addVariants(in, variants, 0, known, in.name)
	if err != nil {
		return StudyInfo{}, err
	}
	st, _, err := s.store.CreateStudy(store.Study{Name: in.name, SpecJSON: savedSpec(in), BaseModelID: in.base.ID, BatchID: batchID}, rows)
	if err != nil {
		return StudyInfo{}, err
	}
	return StudyInfo{Study: st, Spec: spec, Variants: len(variants) - 1, Runs: runs, Weather: in.weathers}, nil
}

// prepare reads everything a spec's variants are made from, and checks its measures against
// the model.
func (s *Studies) prepare(spec study.Spec, target string) (*studyInputs, error) {
	if err := spec.Validate(); err != nil {
		return nil, err
	}
	base, err := s.studyModel(spec)
	if err != nil {
		return nil, err
	}
	weathers, err := s.studyWeather(spec)
	if err != nil {
		return nil, err
	}
	if spec.ModelSettings != nil {
		if _, err := s.settings.SaveModelSwedish(base.ID, *spec.ModelSettings); err != nil {
			return nil, fmt.Errorf("study spec: modelSettings: %w", err)
		}
	}
	lib, err := s.store.Library()
	if err != nil {
		return nil, err
	}
	b, err := readBase(base)
	if err != nil {
		return nil, err
	}
	for _, m := range spec.Measures {
		if err := b.Check(m); err != nil {
			return nil, fmt.Errorf("study spec: %w (model %s)", err, base.Name)
		}
	}
	in := &studyInputs{spec: spec, base: base, b: b, weathers: weathers, lib: lib, target: target}
	in.resolve = func(element, option string) (string, error) {
		con, ok := lib.FindConstruction(option)
		if !ok {
			return "", fmt.Errorf("%s option %q: no such construction in the library", element, option)
		}
		if con.Element != element {
			return "", fmt.Errorf("%s option %q is a %s construction", element, option, con.Element)
		}
		if err := lib.Usable(con); err != nil {
			return "", fmt.Errorf("%s option %q: %w", element, option, err)
		}
		return con.ID, nil
	}
	in.namer = func(id string) string {
		if con, ok := lib.Construction(id); ok {
			return con.Name
		}
		return id
	}
	in.name = spec.Name
	if in.name == "" {
		in.name = strings.TrimSuffix(base.Name, filepath.Ext(base.Name)) + " renovation study"
	}
	return in, nil
}

// readBase parses an imported model for a study's variants.
func readBase(m store.Model) (*study.Base, error) {
	src, err := os.ReadFile(m.StoredPath)
	if err != nil {
		return nil, fmt.Errorf("model %s: %w", m.Name, err)
	}
	b, err := study.NewBase(src)
	if err != nil {
		return nil, fmt.Errorf("model %s: %w", m.Name, err)
	}
	return b, nil
}

// addVariants writes the variants' models, imports them and queues each with every weather
// file as one batch named batchName; the rows are ready to store (generation set).
func (s *Studies) addVariants(in *studyInputs, variants []study.Variant, generation int, known map[string]sim.Outcome, batchName string) ([]store.StudyVariant, []store.Run, int64, error) {
	// The variants go straight into the data folder's content-addressed files: writing each to
	// a study folder first kept every variant twice (a fifth of a 448-run study's footprint).
	// Their names say which study and variant they are.
	dir := filepath.Join(s.store.Dir(), "studies", unsafeName.ReplaceAllString(in.name, "_"))
	var rows []store.StudyVariant
	var modelIDs []int64
	modelOf := map[int64][]int{} // model id -> indices in rows
	for _, v := range variants {
		built, err := in.spec.Build(in.b, in.lib, v)
		if err != nil {
			return nil, nil, 0, err
		}
		path := filepath.Join(dir, fmt.Sprintf("%s [%s].idf", strings.TrimSuffix(in.base.Name, filepath.Ext(in.base.Name)), v.ID))
		if v.Baseline {
			path = filepath.Join(dir, in.base.Name)
		}
		m, _, err := s.store.ImportModelText(path, built.Text)
		if err != nil {
			return nil, nil, 0, fmt.Errorf("variant %q: %w", v.Name, err)
		}
		figures := variantFigures(v, in.b.Takeoff, in.lib, in.spec.CostRanges)
		figures.MeasureChoices, figures.Measures = v.Measures, built.Measures
		fj, _ := json.Marshal(figures)
		cj, _ := json.Marshal(v.Choices)
		rows = append(rows, store.StudyVariant{Key: v.ID, Name: v.Name, ChoicesJSON: string(cj), Baseline: v.Baseline,
			ModelID: m.ID, FiguresJSON: string(fj), Runs: map[int64]int64{}, Generation: generation})
		if len(modelOf[m.ID]) == 0 {
			modelIDs = append(modelIDs, m.ID)
		}
		modelOf[m.ID] = append(modelOf[m.ID], len(rows)-1)
	}
	if len(rows) == 0 {
		return nil, nil, 0, nil
	}
	var weatherIDs []int64
	for _, w := range in.weathers {
		weatherIDs = append(weatherIDs, w.ID)
	}
	spec := in.spec
	runs, err := s.queue.StartKnown(runsvc.RunRequest{ModelIDs: modelIDs, WeatherIDs: weatherIDs, ForceAnnual: spec.ForceAnnual, DesignDaysOnly: spec.DesignDaysOnly, Name: batchName, Target: in.target, KeepAll: spec.KeepAllOutputs}, known)
	if err != nil {
		return nil, nil, 0, err
	}
	batchID := int64(0)
	for _, r := range runs {
		batchID = r.BatchID
		for _, i := range modelOf[r.ModelID] {
			rows[i].Runs[r.WeatherID] = r.ID
		}
	}
	return rows, runs, batchID, nil
}

// savedSpec is the spec as stored: naming the data folder's own copies, so a study made in
// the window can be exported and run again with `epsm study`.
func savedSpec(in *studyInputs) string {
	saved := in.spec
	saved.ModelID, saved.WeatherIDs, saved.Name = 0, nil, in.name
	saved.Model, saved.Weather = in.base.StoredPath, nil
	for _, w := range in.weathers {
		saved.Weather = append(saved.Weather, w.StoredPath)
	}
	specJSON, _ := json.MarshalIndent(saved, "", "  ")
	return string(specJSON)
}

func (s *Studies) studyModel(spec study.Spec) (store.Model, error) {
	if spec.ModelID != 0 {
		return s.store.Model(spec.ModelID)
	}
	if spec.Model == "" {
		return store.Model{}, errors.New("study spec: name the base model (model: path, or modelId)")
	}
	m, _, err := s.store.ImportModel(spec.Model)
	return m, err
}

func (s *Studies) studyWeather(spec study.Spec) ([]store.Weather, error) {
	var out []store.Weather
	for _, id := range spec.WeatherIDs {
		w, err := s.store.Weather(id)
		if err != nil {
			return nil, fmt.Errorf("weather file %d: %w", id, err)
		}
		out = append(out, w)
	}
	for _, p := range spec.Weather {
		w, _, err := s.store.ImportWeather(p)
		if err != nil {
			return nil, err
		}
		out = append(out, w)
	}
	if len(out) == 0 {
		return nil, errors.New("study spec: name at least one weather file (weather: [paths], or weatherIds)")
	}
	return out, nil
}

// variantFigures: embodied carbon and investment = sum over the changed elements of the
// reassigned surfaces' area × the construction's GWP (cost) per m2, a cost published only as a
// range taken as the spec's costRanges says.
func variantFigures(v study.Variant, tk *takeoff.Takeoff, lib *library.Library, ranges library.RangeUse) VariantFigures {
	vf := VariantFigures{Areas: map[string]float64{}, Embodied: lca.Known(0), Investment: lca.Known(0), Choices: v.Choices}
	for _, el := range study.Elements {
		id := v.Choices[el]
		if id == "" || id == study.Keep {
			continue
		}
		area := 0.0
		for _, s := range tk.ExteriorSurfaces(el) {
			area += s.NetAreaM2
		}
		vf.Areas[el] = area
		con, _ := lib.Construction(id)
		fig, err := lib.FiguresUsing(con, ranges)
		if err != nil {
			vf.Embodied = vf.Embodied.Add(lca.Unknown(fmt.Sprintf("%s: %v", el, err)))
			vf.Investment = vf.Investment.Add(lca.Unknown(fmt.Sprintf("%s: %v", el, err)))
			continue
		}
		vf.Embodied = vf.Embodied.Add(lca.Known(area).Mul(fromLibrary(fig.GWPPerM2)))
		vf.Investment = vf.Investment.Add(lca.Known(area).Mul(fromLibrary(fig.CostPerM2)))
	}
	return vf
}

// components are a variant's measures as life-cycle components: the spec's cost and carbon
// per unit times the quantity installed. A value the spec leaves out stays missing.
func components(measures []study.Applied) []lca.Component {
	var out []lca.Component
	for _, a := range measures {
		q, qerr := a.Quantity()
		total := func(perUnit *float64, what string) lca.Amount {
			switch {
			case qerr != nil:
				return lca.Unknown(qerr.Error())
			case perUnit == nil:
				return lca.Unknown(fmt.Sprintf("%s: %s missing", a.Name, what))
			}
			return lca.Known(*perUnit * q)
		}
		out = append(out, lca.Component{Name: a.Name, Investment: total(a.Investment, "investment cost"),
			EmbodiedKgCO2e: total(a.GWP, "GWP"), LifeYears: a.LifeYears})
	}
	return out
}

func fromLibrary(a library.Amount) lca.Amount {
	return lca.Amount{Value: a.Value, Complete: a.Complete, Missing: a.Missing, Assumed: a.Assumed}
}

// VariantResult is one row of a study's table: a variant with one weather file.
type VariantResult struct {
	VariantID int64  `json:"variantId"`
	Key       string `json:"key"`
	// Label is the variant's short id within its study, the same in every view (table,
	// scatter, report): "B" for the baseline, then "V1", "V2", ... in the study's order.
	Label    string            `json:"label"`
	Name     string            `json:"name"`
	Choices  map[string]string `json:"choices"`
	Measures map[string]string `json:"measures,omitempty"` // measure id -> option values or "keep"
	Baseline bool              `json:"baseline"`
	// Generation is the method's generation that first asked for the variant (0: made with
	// the study).
	Generation  int                `json:"generation,omitempty"`
	WeatherID   int64              `json:"weatherId"`
	WeatherName string             `json:"weatherName"`
	RunID       int64              `json:"runId"`
	Status      sim.Status         `json:"status"`
	Kind        sim.FailureKind    `json:"kind"`
	Message     string             `json:"message"`
	Headline    string             `json:"headline"`
	Cached      bool               `json:"cached"`
	Areas       map[string]float64 `json:"areas"`
	Results     *sim.Results       `json:"results"`
	LCA         *lca.Result        `json:"lca"` // once this run and its baseline succeeded
	// The Swedish figures (package bbr) with the base model's settings: nil where an input is
	// missing, as the run's own figures say.
	Atemp               *float64 `json:"atemp"`               // m2
	PrimaryEnergyNumber *float64 `json:"primaryEnergyNumber"` // EP_pet, kWh/m2 Atemp per year
	EnergyClass         string   `json:"energyClass"`         // A-G
	PeakHeatingW        *float64 `json:"peakHeatingW"`        // W
	OverheatingHours    *float64 `json:"overheatingHours"`    // h, worst zone, above the threshold
	// Pareto-optimal within the study (same weather) on (life-cycle carbon, life-cycle cost)
	// and on (annual energy, embodied carbon).
	ParetoCarbonCost     bool `json:"paretoCarbonCost"`
	ParetoEnergyEmbodied bool `json:"paretoEnergyEmbodied"`
}

// StudyTable is a study's results, a row per variant and weather file, baseline rows first.
type StudyTable struct {
	Study    store.Study     `json:"study"`
	Rows     []VariantResult `json:"rows"`
	Settings lca.Settings    `json:"settings"`
	// Swedish are the rules the rows' Swedish figures were computed with.
	Swedish  bbr.Settings `json:"swedish"`
	Finished int          `json:"finished"`
	Total    int          `json:"total"`
	// MissingText is set on the window's copy only: its rows' Missing lists are indexes into it.
	MissingText []string `json:"missingText,omitempty"`
}

// StudyTable computes a study's KPIs from the stored results and the LCA settings.
func (s *Studies) Table(studyID int64) (StudyTable, error) {
	// The runs and their results are the larger half of the reading (a 10,000-variant study:
	// about 250 ms of 700): they are read on another connection while this one reads the
	// variants and decodes their figures. The channel is buffered, so an early return here
	// leaves nothing waiting.
	type studyRuns struct {
		runs    map[int64]store.Run
		results map[int64]*sim.Results
		err     error
	}
	ranRuns := make(chan studyRuns, 1)
	go func() {
		runs, results, err := s.store.StudyRuns(studyID)
		ranRuns <- studyRuns{runs, results, err}
	}()
	st, variants, err := s.store.Study(studyID)
	if err != nil {
		return StudyTable{}, err
	}
	settings, err := s.LCASettings()
	if err != nil {
		return StudyTable{}, err
	}
	swedish, err := s.settings.Swedish()
	if err != nil {
		return StudyTable{}, err
	}
	modelSwedish, err := s.settings.ModelSwedish(st.BaseModelID)
	if err != nil {
		return StudyTable{}, err
	}
	figures := make([]VariantFigures, len(variants))
	for i, v := range variants {
		_ = json.Unmarshal([]byte(v.FiguresJSON), &figures[i])
	}
	got := <-ranRuns
	if got.err != nil {
		return StudyTable{}, got.err
	}
	runs, results := got.runs, got.results
	t := StudyTable{Study: st, Settings: settings, Swedish: swedish}
	weatherNames := map[int64]string{}
	inputs := map[int]lca.Inputs{}
	baseline := map[int64]int{} // weather -> row index of the baseline
	labels := shortLabels(variants)
	for vi, v := range variants {
		label := labels[vi]
		fig := figures[vi]
		weatherIDs := make([]int64, 0, len(v.Runs))
		for w := range v.Runs {
			weatherIDs = append(weatherIDs, w)
		}
		sort.Slice(weatherIDs, func(i, j int) bool { return weatherIDs[i] < weatherIDs[j] })
		for _, wid := range weatherIDs {
			run, ok := runs[v.Runs[wid]]
			if !ok {
				return t, fmt.Errorf("run %d of variant %q: %w", v.Runs[wid], v.Name, store.ErrNotFound)
			}
			d := runsvc.RunDetails{Run: run, Results: results[run.ID]}
			if _, ok := weatherNames[wid]; !ok {
				weatherNames[wid] = d.Run.WeatherName
			}
			row := VariantResult{VariantID: v.ID, Key: v.Key, Label: label, Name: v.Name, Choices: fig.Choices, Measures: fig.MeasureChoices, Baseline: v.Baseline, Generation: v.Generation,
				WeatherID: wid, WeatherName: d.Run.WeatherName, RunID: d.Run.ID, Status: d.Run.Status, Kind: d.Run.Kind, Message: d.Run.Message, Headline: d.Run.Headline,
				Cached: d.Run.CachedFrom != 0, Areas: fig.Areas, Results: d.Results}
			if d.Results != nil {
				sum := bbr.Compute(d.Results, modelSwedish, swedish).Summary()
				row.Atemp, row.PrimaryEnergyNumber, row.EnergyClass, row.PeakHeatingW, row.OverheatingHours =
					sum.Atemp, sum.PrimaryEnergyNumber, sum.EnergyClass, sum.PeakHeatingW, sum.OverheatingHours
				// The zones' temperature counts stay in the store: the row carries their figure,
				// and 10,000 rows of them would swamp the window.
				lean := *d.Results
				lean.Zones = nil
				row.Results = &lean
			}
			t.Total++
			if d.Run.Status.Final() {
				t.Finished++
			}
			t.Rows = append(t.Rows, row)
			i := len(t.Rows) - 1
			if d.Results != nil && d.Run.Status.Succeeded() {
				byFuel := map[string]float64{}
				for _, e := range d.Results.EndUses {
					byFuel[e.Fuel] += e.KWh
				}
				inputs[i] = lca.Inputs{EnergyKWh: d.Results.TotalSiteKWh, ByFuel: byFuel,
					EmbodiedKgCO2e: fig.Embodied, InvestmentCost: fig.Investment, Components: components(fig.Measures), Unchanged: v.Baseline}
			}
			if v.Baseline {
				baseline[wid] = i
			}
		}
	}
	// Life-cycle figures against the baseline with the same weather; Pareto within a weather.
	byWeather := map[int64][]int{}
	for i := range t.Rows {
		row := &t.Rows[i]
		in, ok := inputs[i]
		b, hasBase := baseline[row.WeatherID]
		bin, baseOK := inputs[b]
		if !ok || !hasBase || !baseOK {
			continue
		}
		res := lca.Evaluate(in, bin, settings)
		row.LCA = &res
		byWeather[row.WeatherID] = append(byWeather[row.WeatherID], i)
	}
	for _, idx := range byWeather {
		cc := make([]lca.Point, len(idx))
		ee := make([]lca.Point, len(idx))
		for k, i := range idx {
			cc[k] = lca.CarbonCostPoint(*t.Rows[i].LCA)
			ee[k] = lca.EnergyEmbodiedPoint(*t.Rows[i].LCA)
		}
		for _, k := range lca.ParetoFront(cc) {
			t.Rows[idx[k]].ParetoCarbonCost = true
		}
		for _, k := range lca.ParetoFront(ee) {
			t.Rows[idx[k]].ParetoEnergyEmbodied = true
		}
	}
	return t, nil
}

// shortLabels are the variants' short ids within their study, in its order: "B" for the
// baseline, then "V1", "V2", ...
func shortLabels(variants []store.StudyVariant) []string {
	out := make([]string, len(variants))
	numbered := 0
	for i, v := range variants {
		out[i] = "B"
		if !v.Baseline {
			numbered++
			out[i] = fmt.Sprintf("V%d", numbered)
		}
	}
	return out
}

// ExportStudySpec writes a study's spec to path, runnable with `epsm study`.
func (s *Studies) ExportSpec(studyID int64, path string) error {
	st, _, err := s.store.Study(studyID)
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, []byte(st.SpecJSON+"\n"), 0o644); err != nil {
		return fmt.Errorf("export study %q: %w", st.Name, err)
	}
	return nil
}

// Studies lists the stored studies.
func (s *Studies) List() ([]store.Study, error) { return s.store.Studies() }

const settingLCA = "lca"

// LCASettings returns the emission factors, prices and analysis period (defaults with
// sources until the user changes them).
func (s *Studies) LCASettings() (lca.Settings, error) {
	raw, ok, err := s.store.Setting(settingLCA)
	if err != nil || !ok {
		return lca.DefaultSettings(), err
	}
	var l lca.Settings
	if err := json.Unmarshal([]byte(raw), &l); err != nil {
		return lca.DefaultSettings(), nil
	}
	return l, nil
}

// SaveLCASettings validates and stores them.
func (s *Studies) SaveLCASettings(l lca.Settings) (lca.Settings, error) {
	if err := l.Validate(); err != nil {
		return l, err
	}
	js, _ := json.Marshal(l)
	return l, s.store.SetSetting(settingLCA, string(js))
}

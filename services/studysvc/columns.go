package studysvc

import (
	"encoding/json"
	"sort"

	"epsm/bbr"
	"epsm/lca"
	"epsm/sim"
	"epsm/store"
	"epsm/study"
)

// The window's copy of a study table in columns: one array per field, a row's values at the
// same index in every array. A 10,000-row table as objects is ~20 MB of JSON, most of it the
// same field names again and again, which the window then parses and collects; in columns it is
// a few MB. A run's end uses are not in it: the window asks for the selected run's (RunDetails).

// AmountColumn is one lca.Amount per row.
type AmountColumn struct {
	Value    []float64 `json:"value"`
	Complete []bool    `json:"complete"`
	// Missing are indexes into StudyColumns.Texts; nil for a row with none.
	Missing [][]int `json:"missing"`
	// Assumed are indexes into StudyColumns.Texts: values taken from a published range.
	Assumed [][]int `json:"assumed"`
}

// PaybackColumn is one lca.Payback per row.
type PaybackColumn struct {
	Years        []*float64       `json:"years"`
	Reason       []int            `json:"reason"` // into StudyColumns.Texts
	ReasonCode   []lca.ReasonCode `json:"reasonCode"`
	Complete     []bool           `json:"complete"`
	Missing      [][]int          `json:"missing"`
	BeyondPeriod []bool           `json:"beyondPeriod"`
}

// StudyColumns is a study's variant table for the window, in columns.
type StudyColumns struct {
	Study    store.Study  `json:"study"`
	Settings lca.Settings `json:"settings"`
	Swedish  bbr.Settings `json:"swedish"`
	Finished int          `json:"finished"`
	Total    int          `json:"total"`
	// Rows is the number of rows in these columns; AllRows the table's. Fewer when only the first
	// screenful was asked for.
	Rows    int `json:"rows"`
	AllRows int `json:"allRows"`
	// Texts holds each string the rows repeat once: the "missing" notes, messages, headlines,
	// payback reasons and construction ids. The columns that carry them hold indexes into it.
	// 10,091 rows repeating them were a third of the table's JSON, and the time the window
	// spends receiving it delays the table's and the scatter's first render.
	Texts []string `json:"texts"`
	// FuelsUsed are the fuels with delivered energy in any row's results.
	FuelsUsed    []string         `json:"fuelsUsed"`
	WeatherNames map[int64]string `json:"weatherNames"`

	VariantID []int64  `json:"variantId"`
	Key       []string `json:"key"`
	Label     []string `json:"label"`
	Name      []string `json:"name"`
	// Elements are the elements any row chooses a construction for; Choices, per element in
	// that order and per row, the construction id or "keep", as an index into Texts. (Not a map
	// of int slices: Wails's TypeScript generator writes those as an unknown type "int[]".)
	Elements []string              `json:"elements"`
	Choices  [][]int               `json:"choices"`
	Areas    map[string][]*float64 `json:"areas"` // element -> m2 changed, nil where unchanged
	// MeasureIDs are the measures any row sets, in the spec's order, MeasureNames their readable
	// names; MeasureChoices, per measure in that order and per row, how the row's option reads
	// (its label or values, "keep" where the row leaves the model's value) as an index into Texts.
	MeasureIDs     []string          `json:"measureIds"`
	MeasureNames   []string          `json:"measureNames"`
	MeasureChoices [][]int           `json:"measureChoices"`
	Baseline       []bool            `json:"baseline"`
	WeatherID      []int64           `json:"weatherId"`
	RunID          []int64           `json:"runId"`
	Status         []sim.Status      `json:"status"`
	Kind           []sim.FailureKind `json:"kind"`
	Message        []int             `json:"message"`  // into Texts
	Headline       []int             `json:"headline"` // into Texts
	Cached         []bool            `json:"cached"`
	HasResults     []bool            `json:"hasResults"`
	SiteKWh        []float64         `json:"totalSiteKWh"`
	NetSiteKWh     []float64         `json:"netSiteKWh"`
	SourceKWh      []float64         `json:"totalSourceKWh"`
	AreaM2         []float64         `json:"totalAreaM2"`
	CondAreaM2     []float64         `json:"conditionedAreaM2"`
	EUI            []float64         `json:"euiKWhPerM2"`
	UnmetHeatH     []float64         `json:"unmetHeatingHours"`
	UnmetCoolH     []float64         `json:"unmetCoolingHours"`
	Atemp          []*float64        `json:"atemp"`
	PENumber       []*float64        `json:"primaryEnergyNumber"`
	EnergyClass    []string          `json:"energyClass"`
	PeakHeatW      []*float64        `json:"peakHeatingW"`
	OverheatH      []*float64        `json:"overheatingHours"`
	HasLCA         []bool            `json:"hasLca"`
	Unchanged      []bool            `json:"unchanged"`
	// Amounts: operationalKgCO2ePerYear, embodiedKgCO2e, lifeCycleKgCO2e, energyCostPerYear,
	// investmentCost, lifeCycleCost. Paybacks: simplePayback, carbonPayback.
	Amounts              map[string]*AmountColumn  `json:"amounts"`
	Paybacks             map[string]*PaybackColumn `json:"paybacks"`
	ParetoCarbonCost     []bool                    `json:"paretoCarbonCost"`
	ParetoEnergyEmbodied []bool                    `json:"paretoEnergyEmbodied"`
}

// amountFields are the life-cycle amounts the window shows, by their JSON name.
var amountFields = []struct {
	name string
	get  func(*lca.Result) lca.Amount
}{
	{"operationalKgCO2ePerYear", func(l *lca.Result) lca.Amount { return l.OperationalKgCO2ePerYear }},
	{"embodiedKgCO2e", func(l *lca.Result) lca.Amount { return l.EmbodiedKgCO2e }},
	{"lifeCycleKgCO2e", func(l *lca.Result) lca.Amount { return l.LifeCycleKgCO2e }},
	{"energyCostPerYear", func(l *lca.Result) lca.Amount { return l.EnergyCostPerYear }},
	{"investmentCost", func(l *lca.Result) lca.Amount { return l.InvestmentCost }},
	{"lifeCycleCost", func(l *lca.Result) lca.Amount { return l.LifeCycleCost }},
}

var paybackFields = []struct {
	name string
	get  func(*lca.Result) lca.Payback
}{
	{"simplePayback", func(l *lca.Result) lca.Payback { return l.SimplePayback }},
	{"carbonPayback", func(l *lca.Result) lca.Payback { return l.CarbonPayback }},
}

// toColumns puts the first n rows of t (all when n <= 0 or beyond) in columns.
func toColumns(t StudyTable, n int) StudyColumns {
	if n <= 0 || n > len(t.Rows) {
		n = len(t.Rows)
	}
	c := StudyColumns{Study: t.Study, Settings: t.Settings, Swedish: t.Swedish, Finished: t.Finished, Total: t.Total,
		Rows: n, AllRows: len(t.Rows), FuelsUsed: fuelsUsed(t.Rows), WeatherNames: map[int64]string{},
		Areas: map[string][]*float64{}, Amounts: map[string]*AmountColumn{}, Paybacks: map[string]*PaybackColumn{}}
	notes := noteIndex{index: map[string]int{}}
	c.Elements = elementNames(t.Rows[:n])
	for _, el := range c.Elements {
		c.Choices = append(c.Choices, make([]int, n))
		c.Areas[el] = make([]*float64, n)
	}
	measures := tableMeasures(t.Study.SpecJSON, t.Rows[:n])
	for _, m := range measures {
		c.MeasureIDs = append(c.MeasureIDs, m.ID)
		c.MeasureNames = append(c.MeasureNames, m.Label())
		c.MeasureChoices = append(c.MeasureChoices, make([]int, n))
	}
	for _, f := range amountFields {
		c.Amounts[f.name] = &AmountColumn{Value: make([]float64, n), Complete: make([]bool, n), Missing: make([][]int, n), Assumed: make([][]int, n)}
	}
	for _, f := range paybackFields {
		c.Paybacks[f.name] = &PaybackColumn{Years: make([]*float64, n), Reason: make([]int, n), ReasonCode: make([]lca.ReasonCode, n),
			Complete: make([]bool, n), Missing: make([][]int, n), BeyondPeriod: make([]bool, n)}
	}
	for i, r := range t.Rows[:n] {
		c.WeatherNames[r.WeatherID] = r.WeatherName
		c.VariantID = append(c.VariantID, r.VariantID)
		c.Key = append(c.Key, r.Key)
		c.Label = append(c.Label, r.Label)
		c.Name = append(c.Name, r.Name)
		for k, el := range c.Elements {
			c.Choices[k][i] = notes.ref(r.Choices[el])
		}
		for k, m := range measures {
			c.MeasureChoices[k][i] = notes.ref(measureChoice(m, r.Measures))
		}
		for el, col := range c.Areas {
			if a, ok := r.Areas[el]; ok {
				col[i] = &a
			}
		}
		c.Baseline = append(c.Baseline, r.Baseline)
		c.WeatherID = append(c.WeatherID, r.WeatherID)
		c.RunID = append(c.RunID, r.RunID)
		c.Status = append(c.Status, r.Status)
		c.Kind = append(c.Kind, r.Kind)
		c.Message = append(c.Message, notes.ref(r.Message))
		c.Headline = append(c.Headline, notes.ref(r.Headline))
		c.Cached = append(c.Cached, r.Cached)
		res := r.Results
		if res == nil {
			res = &sim.Results{}
		}
		c.HasResults = append(c.HasResults, r.Results != nil)
		c.SiteKWh = append(c.SiteKWh, res.TotalSiteKWh)
		c.NetSiteKWh = append(c.NetSiteKWh, res.NetSiteKWh)
		c.SourceKWh = append(c.SourceKWh, res.TotalSourceKWh)
		c.AreaM2 = append(c.AreaM2, res.TotalAreaM2)
		c.CondAreaM2 = append(c.CondAreaM2, res.ConditionedAreaM2)
		c.EUI = append(c.EUI, res.EUIKWhPerM2)
		c.UnmetHeatH = append(c.UnmetHeatH, res.UnmetHeatingHours)
		c.UnmetCoolH = append(c.UnmetCoolH, res.UnmetCoolingHours)
		c.Atemp = append(c.Atemp, r.Atemp)
		c.PENumber = append(c.PENumber, r.PrimaryEnergyNumber)
		c.EnergyClass = append(c.EnergyClass, r.EnergyClass)
		c.PeakHeatW = append(c.PeakHeatW, r.PeakHeatingW)
		c.OverheatH = append(c.OverheatH, r.OverheatingHours)
		c.ParetoCarbonCost = append(c.ParetoCarbonCost, r.ParetoCarbonCost)
		c.ParetoEnergyEmbodied = append(c.ParetoEnergyEmbodied, r.ParetoEnergyEmbodied)
		c.HasLCA = append(c.HasLCA, r.LCA != nil)
		c.Unchanged = append(c.Unchanged, r.LCA != nil && r.LCA.Unchanged)
		if r.LCA == nil {
			continue
		}
		for _, f := range amountFields {
			a, col := f.get(r.LCA), c.Amounts[f.name]
			col.Value[i], col.Complete[i], col.Missing[i], col.Assumed[i] = a.Value, a.Complete, notes.refs(a.Missing), notes.refs(a.Assumed)
		}
		for _, f := range paybackFields {
			p, col := f.get(r.LCA), c.Paybacks[f.name]
			col.Years[i], col.Reason[i], col.ReasonCode[i], col.Complete[i], col.Missing[i], col.BeyondPeriod[i] =
				p.Years, notes.ref(p.Reason), p.ReasonCode, p.Complete, notes.refs(p.Missing), p.BeyondPeriod
		}
	}
	c.Texts = notes.texts
	return c
}

// noteIndex numbers each distinct string once.
type noteIndex struct {
	texts []string
	index map[string]int
}

func (n *noteIndex) ref(s string) int {
	k, ok := n.index[s]
	if !ok {
		k = len(n.texts)
		n.index[s] = k
		n.texts = append(n.texts, s)
	}
	return k
}

func (n *noteIndex) refs(list []string) []int {
	if len(list) == 0 {
		return nil
	}
	out := make([]int, len(list))
	for i, s := range list {
		out[i] = n.ref(s)
	}
	return out
}

// elementNames are the elements any row chooses for, sorted.
func elementNames(rows []VariantResult) []string {
	seen := map[string]bool{}
	for _, r := range rows {
		for el := range r.Choices {
			seen[el] = true
		}
	}
	out := make([]string, 0, len(seen))
	for el := range seen {
		out = append(out, el)
	}
	sort.Strings(out)
	return out
}

// tableMeasures are the measures any of the rows sets, in the spec's order; an id the spec does
// not name (a spec edited since) stays a measure of that id, after the spec's.
func tableMeasures(specJSON string, rows []VariantResult) []study.Measure {
	used := map[string]bool{}
	for _, r := range rows {
		for id := range r.Measures {
			used[id] = true
		}
	}
	if len(used) == 0 {
		return nil
	}
	var spec study.Spec
	_ = json.Unmarshal([]byte(specJSON), &spec) // a spec that does not read names its measures by id
	var out []study.Measure
	for _, m := range spec.Measures {
		if used[m.ID] {
			out = append(out, m)
			delete(used, m.ID)
		}
	}
	rest := make([]string, 0, len(used))
	for id := range used {
		rest = append(rest, id)
	}
	sort.Strings(rest)
	for _, id := range rest {
		out = append(out, study.Measure{ID: id})
	}
	return out
}

// measureChoice is how a row's choice of the measure reads; "keep" where the row leaves it.
func measureChoice(m study.Measure, choices map[string]string) string {
	c := choices[m.ID]
	if c == "" || c == study.Keep {
		return study.Keep
	}
	return m.ChoiceLabel(c)
}

// fuelsUsed are the fuels with delivered energy in any row, sorted: each needs an emission
// factor and a price for the carbon and cost figures.
func fuelsUsed(rows []VariantResult) []string {
	seen := map[string]bool{}
	for _, r := range rows {
		if r.Results == nil {
			continue
		}
		for _, e := range r.Results.EndUses {
			if e.KWh != 0 && e.Fuel != "" {
				seen[e.Fuel] = true
			}
		}
	}
	out := make([]string, 0, len(seen))
	for f := range seen {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}

// firstScreen is how many rows StudyColumns sends first: more than a tall window shows.
const firstScreen = 80

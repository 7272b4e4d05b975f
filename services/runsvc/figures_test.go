package runsvc

import (
	"testing"

	"epsm/sim"
	"epsm/store"
)

// The run list carries each succeeded run's EP_pet and energy class, the same numbers its
// details show; a run that failed carries none, a cached run its original's.
func TestTheRunListCarriesTheFiguresTheDetailsShow(t *testing.T) {
	f := newFixture(t, false)
	defer f.close()
	f.queue.Pause()
	spec := store.RunSpec{ModelID: f.model.ID, WeatherID: f.weather.ID}
	results := func(heatingKWh float64) *sim.Outcome {
		return &sim.Outcome{Status: sim.StatusSucceeded, Progress: sim.Progress{Percent: 100}, Results: &sim.Results{
			TotalSiteKWh: heatingKWh + 2000, ConditionedAreaM2: 120,
			EndUses: []sim.EndUse{{EndUse: "Heating", Fuel: "Electricity", KWh: heatingKWh}, {EndUse: "InteriorLights", Fuel: "Electricity", KWh: 2000}},
		}}
	}
	_, runs, err := f.store.CreateBatch("known", []store.NewRun{
		{Spec: spec, Known: results(9000)},
		{Spec: spec, Known: results(30000)},
		{Spec: spec, Known: &sim.Outcome{Status: sim.StatusFatal, Kind: sim.KindModelFatal, FirstSevere: "** Severe ** bad field"}},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	cached, err := f.store.CreateCachedRun(spec, runs[0])
	if err != nil {
		t.Fatal(err)
	}
	o, err := NewService(f.queue).Overview()
	if err != nil {
		t.Fatal(err)
	}
	byID := map[int64]store.Run{}
	for _, r := range o.Runs {
		byID[r.ID] = r
	}
	for _, id := range []int64{runs[0].ID, runs[1].ID} {
		got := byID[id].Figures
		d, err := f.queue.RunDetails(id)
		if err != nil {
			t.Fatal(err)
		}
		want := d.Swedish.Summary()
		if got == nil || got.PrimaryEnergyNumber == nil || want.PrimaryEnergyNumber == nil {
			t.Fatalf("run %d: list figures %+v, details %+v", id, got, want)
		}
		if *got.PrimaryEnergyNumber != *want.PrimaryEnergyNumber || got.EnergyClass != want.EnergyClass || got.EnergyClass == "" {
			t.Errorf("run %d: list says EP_pet %v class %q, details %v class %q", id, *got.PrimaryEnergyNumber, got.EnergyClass, *want.PrimaryEnergyNumber, want.EnergyClass)
		}
	}
	if a, b := *byID[runs[0].ID].Figures.PrimaryEnergyNumber, *byID[runs[1].ID].Figures.PrimaryEnergyNumber; a >= b {
		t.Errorf("more heating, EP_pet %v, is not above %v", b, a)
	}
	if fig := byID[runs[2].ID].Figures; fig != nil {
		t.Errorf("the failed run has figures %+v", fig)
	}
	if c := byID[cached.ID].Figures; c == nil || *c.PrimaryEnergyNumber != *byID[runs[0].ID].Figures.PrimaryEnergyNumber {
		t.Errorf("the cached run's figures %+v are not its original's", c)
	}
}

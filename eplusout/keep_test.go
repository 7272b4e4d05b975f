package eplusout

import (
	"errors"
	"math"
	"testing"
)

// A year of two meters packs small and reads back as the window shows it: the same hours, the
// values to float32's precision, the exact totals; a blob that is not one is refused.
func TestPackedMetersRoundTrip(t *testing.T) {
	year := func(name, units string, f func(i int) float64) MeterSeries {
		s := MeterSeries{Name: name, Units: units}
		for i := 0; i < 8760; i++ {
			day := i / 24
			s.Month = append(s.Month, 1+day/31%12)
			s.Day = append(s.Day, 1+day%28)
			s.Hour = append(s.Hour, 1+i%24)
			v := f(i)
			s.Values = append(s.Values, v)
			s.Total += v
		}
		return s
	}
	elec := year("Electricity:Facility", "kWh", func(i int) float64 { return 1.1 + math.Sin(float64(i)/24)*0.37 })
	heat := year("DistrictHeating:Facility", "kWh", func(i int) float64 { return float64(i%24) * 0.1 })
	blob, err := EncodeMeters([]MeterSeries{elec, heat})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("2 meters x 8760 hours: %d bytes packed", len(blob))
	if len(blob) > 60_000 {
		t.Errorf("packed %d bytes, want under 60 kB for 2 meters", len(blob))
	}
	list, err := PackedMeterList(blob)
	if err != nil || len(list) != 2 || list[0] != (Meter{Name: "Electricity:Facility", Units: "kWh", Hours: 8760}) {
		t.Fatalf("list = %+v, %v", list, err)
	}
	got, err := PackedMeterSeries(blob, "electricity:FACILITY")
	if err != nil {
		t.Fatal(err)
	}
	if got.Total != elec.Total || got.Name != elec.Name || len(got.Values) != 8760 {
		t.Fatalf("series %s total %v (%d values), want %v", got.Name, got.Total, len(got.Values), elec.Total)
	}
	for i := range got.Values {
		if math.Abs(got.Values[i]-elec.Values[i]) > 1e-6*math.Abs(elec.Values[i]) || got.Month[i] != elec.Month[i] || got.Day[i] != elec.Day[i] || got.Hour[i] != elec.Hour[i] {
			t.Fatalf("hour %d: %v %d/%d %d, want %v %d/%d %d", i, got.Values[i], got.Month[i], got.Day[i], got.Hour[i], elec.Values[i], elec.Month[i], elec.Day[i], elec.Hour[i])
		}
	}
	if h, _ := PackedMeterSeries(blob, "DistrictHeating:Facility"); h.Values[5] != 0.5 {
		t.Errorf("0.5 reads back as %v", h.Values[5])
	}
	if _, err := PackedMeterSeries(blob, "Gas:Facility"); !errors.Is(err, ErrNoHourlyMeter) {
		t.Errorf("a meter it lacks: %v", err)
	}
	if _, err := PackedMeterList([]byte("not gzip")); !errors.Is(err, ErrNotPacked) {
		t.Errorf("garbage: %v", err)
	}
	short := heat
	short.Values = short.Values[:10]
	if _, err := EncodeMeters([]MeterSeries{short}); err == nil {
		t.Error("a meter with fewer values than hours was packed")
	}
}

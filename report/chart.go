package report

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"epsm/lca"
)

// chart is a scatter of two figures, both better when lower, laid out in a unit square (x to
// the right, y up) that the HTML's SVG and the PDF each scale to their own page: one layout, so
// the two reports draw the same picture.
type chart struct {
	ID      string
	Title   string
	Weather string
	XLabel  string
	YLabel  string
	Points  []chartPoint
	Front   []chartPoint // the Pareto-optimal points by rising x
	XTicks  []tick
	YTicks  []tick
	// Left out are the rows lacking one of the two figures.
	LeftOut []string
}

type chartPoint struct {
	Key      string
	X, Y     float64 // 0..1 in the plot area
	VX, VY   float64 // the figures
	Baseline bool
	Pareto   bool
}

type tick struct {
	At    float64 // 0..1 along the axis
	Label string
}

// axis is one figure a chart plots.
type axis struct {
	id    string
	label string
	value func(Variant) *float64
}

// charts are EP_pet against life-cycle carbon and against life-cycle cost, one pair per weather
// file, each with its own Pareto front (lca.ParetoFront, the study's own definition).
func (r Report) charts() []chart {
	ep := axis{"ep", "EP_pet [kWh/m² Atemp per year]", func(v Variant) *float64 { return v.PrimaryEnergyNumber }}
	ys := []axis{
		{"carbon", "Life-cycle carbon [kg CO₂e/m²]", func(v Variant) *float64 { return v.LifeCycleKgPerM2 }},
		{"cost", "Life-cycle cost [" + r.Currency + "]", func(v Variant) *float64 { return v.LifeCycleCost }},
	}
	var out []chart
	for wi, w := range r.Weathers {
		var rows []Variant
		for _, v := range r.Variants {
			if v.Weather == w {
				rows = append(rows, v)
			}
		}
		for _, y := range ys {
			c := scatter(rows, ep, y)
			c.ID = y.id + "-" + strconv.Itoa(wi)
			c.Weather = w
			c.Title = "EP_pet × " + map[string]string{"carbon": "life-cycle carbon", "cost": "life-cycle cost"}[y.id]
			out = append(out, c)
		}
	}
	return out
}

func scatter(rows []Variant, x, y axis) chart {
	c := chart{XLabel: x.label, YLabel: y.label}
	var pts []lca.Point
	var keep []Variant
	for _, v := range rows {
		vx, vy := x.value(v), y.value(v)
		if vx == nil || vy == nil || !finite(*vx) || !finite(*vy) {
			c.LeftOut = append(c.LeftOut, v.Key)
			continue
		}
		keep = append(keep, v)
		pts = append(pts, lca.Point{X: lca.Known(*vx), Y: lca.Known(*vy)})
	}
	if len(keep) == 0 {
		return c
	}
	xs, ys := make([]float64, len(pts)), make([]float64, len(pts))
	for i, p := range pts {
		xs[i], ys[i] = p.X.Value, p.Y.Value
	}
	xlo, xhi, xt := niceAxis(padded(xs))
	ylo, yhi, yt := niceAxis(padded(ys))
	c.XTicks, c.YTicks = xt, yt
	optimal := map[int]bool{}
	for _, i := range lca.ParetoFront(pts) {
		optimal[i] = true
	}
	for i, v := range keep {
		p := chartPoint{Key: v.Key, VX: xs[i], VY: ys[i], X: (xs[i] - xlo) / (xhi - xlo), Y: (ys[i] - ylo) / (yhi - ylo),
			Baseline: v.Baseline, Pareto: optimal[i]}
		c.Points = append(c.Points, p)
		if p.Pareto {
			c.Front = append(c.Front, p)
		}
	}
	slices.SortStableFunc(c.Front, func(a, b chartPoint) int {
		if a.VX != b.VX {
			return cmpFloat(a.VX, b.VX)
		}
		return cmpFloat(a.VY, b.VY)
	})
	return c
}

// padded is the range of vs widened by a twentieth on each side, so no point sits on an axis.
func padded(vs []float64) (float64, float64) {
	lo, hi := slices.Min(vs), slices.Max(vs)
	pad := (hi - lo) / 20
	return lo - pad, hi + pad
}

// niceAxis widens [lo, hi] to round ticks (1, 2 or 5 times a power of ten, about five of them)
// and returns the axis's ends and its ticks.
func niceAxis(lo, hi float64) (float64, float64, []tick) {
	if hi == lo {
		pad := math.Max(math.Abs(lo)*0.1, 1)
		lo, hi = lo-pad, hi+pad
	}
	raw := (hi - lo) / 5
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag * 10
	for _, m := range []float64{1, 2, 5} {
		if raw <= m*mag {
			step = m * mag
			break
		}
	}
	start, end := math.Floor(lo/step)*step, math.Ceil(hi/step)*step
	decimals := max(0, -int(math.Floor(math.Log10(step)+1e-9)))
	var ticks []tick
	for v := start; v <= end+step/2; v += step {
		ticks = append(ticks, tick{At: (v - start) / (end - start), Label: formatNumber(v, decimals)})
	}
	return start, end, ticks
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// leftOutText names the rows a chart leaves out, the first twenty of them.
func (c chart) leftOutText() string {
	const most = 20
	if len(c.LeftOut) <= most {
		return strings.Join(c.LeftOut, ", ")
	}
	return strings.Join(c.LeftOut[:most], ", ") + fmt.Sprintf(" and %d more", len(c.LeftOut)-most)
}

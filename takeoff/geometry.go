package takeoff

import "math"

type vec3 struct{ x, y, z float64 }

func (a vec3) sub(b vec3) vec3 { return vec3{a.x - b.x, a.y - b.y, a.z - b.z} }
func (a vec3) length() float64 { return math.Sqrt(a.x*a.x + a.y*a.y + a.z*a.z) }

// newell returns the Newell area vector of a polygon: its direction is the normal given by the
// right-hand rule over the vertex order, its length twice the area. EnergyPlus uses the same
// construction (CreateNewellAreaVector), which is exact for planar polygons and well defined for
// slightly warped ones.
func newell(vs []vec3) vec3 {
	var n vec3
	for i, a := range vs {
		b := vs[(i+1)%len(vs)]
		n.x += (a.y - b.y) * (a.z + b.z)
		n.y += (a.z - b.z) * (a.x + b.x)
		n.z += (a.x - b.x) * (a.y + b.y)
	}
	return n
}

// polygonArea is the area of a polygon and its unit normal (zero when degenerate).
func polygonArea(vs []vec3) (float64, vec3) {
	n := newell(vs)
	l := n.length()
	if l == 0 {
		return 0, vec3{}
	}
	return l / 2, vec3{n.x / l, n.y / l, n.z / l}
}

// orientOf gives the azimuth (clockwise from the y axis) and tilt of a unit outward normal.
// A horizontal surface has no azimuth (ok is false); it gets 0 so that it never lands in a
// wall bin by rounding noise.
func orientOf(n vec3) (azimuth, tilt float64, ok bool) {
	tilt = math.Acos(math.Max(-1, math.Min(1, n.z))) * 180 / math.Pi
	if math.Hypot(n.x, n.y) < 1e-9 {
		return 0, tilt, false
	}
	return normDeg(math.Atan2(n.x, n.y) * 180 / math.Pi), tilt, true
}

// normDeg maps an angle to [0, 360).
func normDeg(a float64) float64 {
	a = math.Mod(a, 360)
	if a < 0 {
		a += 360
	}
	if a >= 360 { // -1e-17 + 360 rounds to 360
		a = 0
	}
	return a
}

// reportAzimuth rounds like EnergyPlus's Window-Wall Ratio table does before binning
// (to 0.01°), so a wall at 44.999° is East in both.
func reportAzimuth(a float64) float64 { return normDeg(math.Round(a*100) / 100) }

// isHorizontal says whether a surface is flat enough that its azimuth means nothing.
func isHorizontal(tilt float64) bool { return tilt < 1 || tilt > 179 }

var eightWay = [...]string{"N", "NE", "E", "SE", "S", "SW", "W", "NW"}

// orientation8 bins an azimuth into 45° sectors centred on the compass points.
func orientation8(azimuth, tilt float64) string {
	if isHorizontal(tilt) {
		return Horizontal
	}
	return eightWay[int(math.Floor(reportAzimuth(azimuth)+22.5)/45)%8]
}

// orientation4 is the bin of EnergyPlus's Window-Wall Ratio table: North [315, 45),
// East [45, 135), South [135, 225), West [225, 315).
func orientation4(azimuth float64) string {
	a := reportAzimuth(azimuth)
	switch {
	case a >= 315 || a < 45:
		return "N"
	case a < 135:
		return "E"
	case a < 225:
		return "S"
	default:
		return "W"
	}
}

// rectFrameArea is the frame ring EnergyPlus adds outside a rectangular opening of sides a×b
// (OutputReportTabular: (H + 2w)(W + 2w) − H·W).
func rectFrameArea(a, b, width float64) float64 {
	return (a+2*width)*(b+2*width) - a*b
}

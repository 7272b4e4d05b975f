package takeoff

import (
	"strconv"
	"strings"

	"epsm/idf"
)

var axes = [3]string{"X", "Y", "Z"}

// readVertices reads the vertex list of a detailed surface: the Number of Vertices field at
// countField and the coordinates from countField+1 on. maxSides is 0 for no limit (base
// surfaces) or 4 (fenestration). The vertices are returned counterclockwise as seen from
// outside, as EnergyPlus stores them after GetVertices.
func (m *model) readVertices(o idf.Object, countField, maxSides int) ([]vec3, error) {
	var coords []string
	if countField+1 < len(o.Fields) {
		coords = o.Fields[countField+1:]
	}
	// Trailing blank fields are absent fields to EnergyPlus.
	for len(coords) > 0 && strings.TrimSpace(coords[len(coords)-1]) == "" {
		coords = coords[:len(coords)-1]
	}
	n := len(coords) / 3
	if c := o.Field(countField); !isAuto(c) {
		v, ok := parseNumber(c)
		if !ok || v != float64(int(v)) {
			return nil, geomErr(o, "Number of Vertices %q is not a whole number", c)
		}
		if v < 3 {
			return nil, geomErr(o, "Number of Vertices is %s; a surface needs at least 3", c)
		}
		// Compared as floats: a huge count must not overflow into a small one.
		if 3*v > float64(len(coords)) {
			return nil, geomErr(o, "Number of Vertices is %s but only %d coordinate values follow (%.0f needed)", c, len(coords), 3*v)
		}
		if int(v)*3 < len(coords) {
			m.warn("%s %q (line %d): Number of Vertices is %s but %d coordinate values follow; only the first %d are used, as EnergyPlus does",
				o.Class, o.Field(0), o.Line, c, len(coords), int(v)*3)
		}
		n = int(v)
	} else if len(coords)%3 != 0 {
		return nil, geomErr(o, "%d vertex coordinate values is not a whole number of X,Y,Z vertices", len(coords))
	}
	if n < 3 {
		return nil, geomErr(o, "has %d vertices; a surface needs at least 3", n)
	}
	if maxSides > 0 && n > maxSides {
		return nil, geomErr(o, "has %d vertices; EnergyPlus allows at most %d for this object", n, maxSides)
	}
	vs := make([]vec3, n)
	for i := range vs {
		var xyz [3]float64
		for a := range 3 {
			s := strings.TrimSpace(coords[3*i+a])
			v, ok := parseNumber(s)
			if !ok {
				what := "is blank"
				if s != "" {
					what = strconv.Quote(s) + " is not a number"
				}
				return nil, geomErr(o, "Vertex %d %s-coordinate %s", i+1, axes[a], what)
			}
			xyz[a] = v
		}
		vs[i] = vec3{xyz[0], xyz[1], xyz[2]}
	}
	if m.clockwise {
		// EnergyPlus reverses clockwise input so the Newell normal points outward.
		for i, j := 0, len(vs)-1; i < j; i, j = i+1, j-1 {
			vs[i], vs[j] = vs[j], vs[i]
		}
	}
	return vs, nil
}

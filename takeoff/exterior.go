package takeoff

// ExteriorSurfaces says which surfaces a renovation of an element touches, in file order:
// "wall" the exterior walls, "roof" the outdoor-exposed roofs, "floor" the ground floors and
// "window" the windows and glass doors in exterior walls together with the skylights in
// exterior roofs. The other element names (skylight, door, exposedFloor, groundWall) give
// their own surfaces; an unknown name gives none.
func (t *Takeoff) ExteriorSurfaces(element string) []Surface {
	var out []Surface
	for _, s := range t.Surfaces {
		if s.Element == "" {
			continue
		}
		if s.Element == element || (element == ElementWindow && s.Element == ElementSkylight) {
			out = append(out, s)
		}
	}
	return out
}

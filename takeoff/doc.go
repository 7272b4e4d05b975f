// Package takeoff computes the quantity take-off of a building envelope from an IDF model: the
// gross and net areas of exterior walls, roofs, ground floors, windows, skylights and doors, per
// orientation and per construction, with zone and window multipliers applied.
//
// It reads the geometry the way EnergyPlus 25.2 does (SurfaceGeometry.cc): BuildingSurface and
// FenestrationSurface:Detailed polygons, the simple rectangular objects (Wall:Exterior, Roof,
// Window, Door, ...), GlobalGeometryRules, zone origins and relative north, Building North Axis
// and zone multipliers. An element is decided by the Surface Type as written (EnergyPlus does
// not reclassify by tilt; a Ceiling is a roof-class surface) and by the outside boundary
// condition: only outdoor-exposed roofs count as roof, never interior ceilings.
//
// EnergyPlus's own envelope report (InputVerificationandResultsSummary, Window-Wall Ratio)
// bins surfaces by tilt instead, counts underground walls as wall and adds window frames to
// the opening area; Compute names every surface where that makes the two figures differ in
// Takeoff.Warnings, and Surface.FrameAreaM2 carries the frame area EnergyPlus adds.
package takeoff

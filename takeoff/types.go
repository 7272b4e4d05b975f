package takeoff

// Elements a surface can belong to. Interior surfaces (boundary Surface, Zone, Space or
// Adiabatic) and the ones no renovation element covers have the empty element.
const (
	ElementWall         = "wall"         // Wall with outside boundary Outdoors
	ElementRoof         = "roof"         // Roof or Ceiling with outside boundary Outdoors
	ElementFloor        = "floor"        // Floor in contact with the ground
	ElementExposedFloor = "exposedFloor" // Floor over outdoor air (boundary Outdoors)
	ElementGroundWall   = "groundWall"   // Wall in contact with the ground (basement wall)
	ElementWindow       = "window"       // Window or GlassDoor in an exterior wall
	ElementSkylight     = "skylight"     // Window, GlassDoor or tubular dome in an exterior roof
	ElementDoor         = "door"         // opaque Door in an exterior wall or roof
)

// Horizontal is the orientation of surfaces within 1° of flat, whose azimuth means nothing.
// The others are binned N, NE, E, SE, S, SW, W, NW (45° sectors centred on the points).
const Horizontal = "H"

// Surface is one heat-transfer surface or subsurface of the model.
type Surface struct {
	Name         string `json:"name"`
	Class        string `json:"class"`        // IDF class as written, e.g. "BuildingSurface:Detailed"
	Type         string `json:"type"`         // Wall, Floor, Ceiling, Roof, Window, GlassDoor, Door, TubularDaylightDome, ...
	Construction string `json:"construction"` // as declared by the Construction object when found
	Zone         string `json:"zone"`
	Boundary     string `json:"boundary"` // outside boundary condition, canonical spelling; subsurfaces inherit their parent's
	Parent       string `json:"parent"`   // base surface of a subsurface, "" for base surfaces
	Element      string `json:"element"`  // one of the Element constants, "" for interior surfaces

	// Areas with every multiplier applied (zone × zone list × window multiplier). For base
	// surfaces NetAreaM2 is the gross area less all its subsurfaces; for subsurfaces it equals
	// GrossAreaM2 (the glazed or door opening as EnergyPlus computes it, frame not included).
	GrossAreaM2 float64 `json:"grossAreaM2"`
	NetAreaM2   float64 `json:"netAreaM2"`
	// FrameAreaM2 is the window frame EnergyPlus adds around the opening of an exterior
	// rectangular window or glass door with a WindowProperty:FrameAndDivider (multipliers
	// applied); EnergyPlus takes it from the wall's net area and counts it as window opening.
	FrameAreaM2     float64 `json:"frameAreaM2,omitempty"`
	FrameAndDivider string  `json:"frameAndDivider,omitempty"`

	AzimuthDeg  float64 `json:"azimuthDeg"`  // outward normal, clockwise from true north; 0 when horizontal
	TiltDeg     float64 `json:"tiltDeg"`     // 0 faces up, 90 vertical, 180 faces down
	Orientation string  `json:"orientation"` // N, NE, E, SE, S, SW, W, NW or H
	Multiplier  int     `json:"multiplier"`  // product of the multipliers applied to the areas
	Line        int     `json:"line"`        // line of the object in the IDF
}

// ElementArea is the take-off of one element.
type ElementArea struct {
	GrossM2 float64 `json:"grossM2"`
	NetM2   float64 `json:"netM2"`
	// ByOrientation is the net area per 8-way orientation (N..NW, H for horizontal).
	ByOrientation map[string]float64 `json:"byOrientation"`
	// Constructions is the net area per construction name.
	Constructions map[string]float64 `json:"constructions"`
}

// WallWindow is the gross exterior wall and window area of one four-way orientation.
type WallWindow struct {
	GrossWallM2 float64 `json:"grossWallM2"`
	WindowM2    float64 `json:"windowM2"`
}

// Takeoff is the envelope take-off of a model.
type Takeoff struct {
	Surfaces []Surface `json:"surfaces"` // every heat-transfer surface, in file order

	Wall         ElementArea `json:"wall"`         // exterior walls: NetM2 = gross − windows − doors
	Roof         ElementArea `json:"roof"`         // outdoor-exposed roofs and ceilings only
	GroundFloor  ElementArea `json:"groundFloor"`  // floors in contact with the ground
	ExposedFloor ElementArea `json:"exposedFloor"` // floors over outdoor air
	GroundWall   ElementArea `json:"groundWall"`   // walls in contact with the ground
	Window       ElementArea `json:"window"`       // windows and glass doors in exterior walls
	Skylight     ElementArea `json:"skylight"`     // windows in exterior roofs
	Door         ElementArea `json:"door"`         // opaque doors in exterior walls and roofs

	// WindowWallRatio is Window.GrossM2 / Wall.GrossM2 (a fraction, 0 without walls).
	WindowWallRatio float64 `json:"windowWallRatio"`
	// ByFourWay bins exterior walls (gross) and their windows by the four orientations of
	// EnergyPlus's Window-Wall Ratio table: N 315–45°, E 45–135°, S 135–225°, W 225–315°.
	ByFourWay map[string]WallWindow `json:"byFourWay"`

	Warnings []string `json:"warnings"`
}

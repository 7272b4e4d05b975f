package sim

import "strings"

// Engine is an EnergyPlus executable that answered `--version`.
type Engine struct {
	Path    string `json:"path"`
	Version string `json:"version"` // "25.2.0"
	Build   string `json:"build"`   // "cf7368216c"
	Source  string `json:"source"`  // where discovery found it
}

// MajorMinor returns "25.2", the form an IDF's Version object uses.
func (e Engine) MajorMinor() string { return MajorMinor(e.Version) }

// MajorMinor cuts a version ("9.4.0", "25.2") to its major.minor form ("9.4", "25.2").
func MajorMinor(v string) string {
	parts := strings.SplitN(strings.TrimSpace(v), ".", 3)
	if len(parts) < 2 {
		return strings.TrimSpace(v)
	}
	return parts[0] + "." + parts[1]
}

package library

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
)

// defaultData is the default library, a copy of ../shared/data/library, embedded so the app
// works offline from its single binary. Its README.md is the attribution of every source and
// ships with it.
//
//go:embed defaultdata/materials.csv defaultdata/glazing.csv defaultdata/constructions.csv defaultdata/README.md
var defaultData embed.FS

// Default returns a fresh copy of the default library, every item with origin "default".
func Default() (*Library, error) {
	sub, err := fs.Sub(defaultData, "defaultdata")
	if err != nil {
		return nil, fmt.Errorf("default library: %w", err)
	}
	lib, err := loadFS(sub, func(name string) string { return path.Join("default library", name) })
	if err != nil {
		return nil, err
	}
	for i := range lib.Materials {
		lib.Materials[i].Origin = OriginDefault
	}
	for i := range lib.Windows {
		lib.Windows[i].Origin = OriginDefault
	}
	for i := range lib.Constructions {
		lib.Constructions[i].Origin = OriginDefault
	}
	return lib, nil
}

// DefaultAttribution is the default library's README: its sources, their terms, and the
// values it leaves blank and why. The app shows it wherever the default data is shown.
func DefaultAttribution() string {
	b, err := defaultData.ReadFile("defaultdata/README.md")
	if err != nil {
		return "" // cannot happen: the file is embedded at build time
	}
	return string(b)
}

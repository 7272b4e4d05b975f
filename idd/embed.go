package idd

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"sync"
)

//go:generate sh -c "go run ./gen -in \"$(dirname \"$(cat ../.cache/energyplus-path)\")/Energy+.idd\" -out data/Energy+25.2.idd.gz"

//go:embed data/Energy+25.2.idd.gz
var embeddedIDD []byte

var embedded = sync.OnceValues(parseEmbedded)

// Embedded returns the IDD of the engine the app ships with (EnergyPlus 25.2), parsed on the
// first call; every call returns the same Schema.
func Embedded() (*Schema, error) { return embedded() }

func parseEmbedded() (*Schema, error) {
	z, err := gzip.NewReader(bytes.NewReader(embeddedIDD))
	if err != nil {
		return nil, fmt.Errorf("idd: embedded Energy+25.2.idd.gz: %w", err)
	}
	s, err := Parse(z)
	if err != nil {
		return nil, fmt.Errorf("embedded Energy+25.2.idd.gz: %w", err)
	}
	return s, nil
}

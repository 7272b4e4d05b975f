package idd

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"sync"
	"weak"
)

//go:generate sh -c "go run ./gen -in \"$(dirname \"$(cat ../.cache/energyplus-path)\")/Energy+.idd\" -out data/Energy+25.2.idd.gz"

//go:embed data/Energy+25.2.idd.gz
var embeddedIDD []byte

// cache holds the parsed schema only weakly: parsed, it takes about 18 MB, which the window
// needs only while a study is made or its templates are listed. Calls close together share one
// Schema; once nothing holds it, the collector frees it and the next call parses again (~70 ms).
var cache struct {
	sync.Mutex
	schema weak.Pointer[Schema]
}

// Embedded returns the IDD of the engine the app ships with (EnergyPlus 25.2).
func Embedded() (*Schema, error) {
	cache.Lock()
	defer cache.Unlock()
	if s := cache.schema.Value(); s != nil {
		return s, nil
	}
	s, err := parseEmbedded()
	if err != nil {
		return nil, err
	}
	cache.schema = weak.Make(s)
	return s, nil
}

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

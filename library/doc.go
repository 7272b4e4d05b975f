// Package library is the renovation library: materials, window systems and constructions with
// their thermal, optical, embodied-carbon (GWP A1-A3) and cost figures, each with its source.
//
// It reads and writes the library's CSV format (../shared/data/library), validates items in
// words a user understands, computes a construction's U-value (EN ISO 6946), GWP and cost per
// m² from its layers (never typed in, so never stale), writes the EnergyPlus objects a variant
// needs with exactly the library's numbers, and imports the materials and constructions an IDF
// already has. A blank number stays blank (nil): a total that needs it is marked incomplete and
// names what is missing, instead of silently counting it as zero.
//
// The default library ships inside the binary (Default); its README in defaultdata/ is the
// attribution of every source.
package library

package runner

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"epsm/sim"
)

// diskFullFree is the free space under which a failed run is blamed on a full disk: a write
// that failed for lack of space leaves at most a few blocks free.
const diskFullFree = 1 << 20

// noSpaceTexts are how "no space left" reaches EnergyPlus's output: the C library's ENOSPC
// text, SQLite's SQLITE_FULL text, and Windows's ERROR_DISK_FULL text.
var noSpaceTexts = []string{"no space left on device", "database or disk is full", "not enough space on the disk"}

// mentionsNoSpace reports whether an output line says a write failed for lack of space.
func mentionsNoSpace(line string) bool {
	l := strings.ToLower(line)
	for _, t := range noSpaceTexts {
		if strings.Contains(l, t) {
			return true
		}
	}
	return false
}

// diskFullPrefix starts the message of a run that failed because its disk was full.
const diskFullPrefix = "disk full:"

// keptOnDiskFull are the outputs a user needs to see why a run failed; the rest of a run cut
// short by a full disk is partial and useless.
var keptOnDiskFull = map[string]bool{"in.idf": true, "eplusout.err": true, "eplusout.end": true}

// checkDiskFull turns a failure caused by a full disk into one that says so. The evidence is
// either the engine's own output (noSpaceLine) or the run folder's disk having (almost) no
// free space left when the run ended. A run that succeeded with its results is left alone: its
// outputs were written. The partial outputs are removed, so the app can still record the
// failure in its database on the same disk and the next runs get their space back.
func checkDiskFull(out *sim.Outcome, dir, noSpaceLine string) {
	if out.Status == sim.StatusCancelled || out.Status == sim.StatusInputError || (out.Status.Succeeded() && out.Results != nil) {
		return
	}
	for _, m := range []string{out.Message, out.LastSevere} {
		if noSpaceLine == "" && mentionsNoSpace(m) {
			noSpaceLine = m // written to eplusout.err rather than printed
		}
	}
	free, err := freeBytes(dir)
	low := err == nil && free < diskFullFree
	if noSpaceLine == "" && !low {
		return
	}
	why := "EnergyPlus said: " + noSpaceLine
	if noSpaceLine == "" {
		why = fmt.Sprintf("%s free on the disk of %s when EnergyPlus stopped", formatBytes(free), dir)
	}
	freed := removePartialOutputs(dir)
	msg := fmt.Sprintf(diskFullPrefix+" EnergyPlus could not write its outputs (%s); its partial outputs (%s) were removed. Free space on that disk, then re-run the failed runs.", why, formatBytes(freed))
	if out.Message != "" && !strings.Contains(noSpaceLine, out.Message) {
		msg += " Run ended as: " + out.Message
	}
	out.Status, out.Kind, out.Message, out.Results = sim.StatusCrashed, sim.KindDiskFull, msg, nil
}

// removePartialOutputs deletes the files of a run folder except the ones in keptOnDiskFull and
// returns the bytes freed.
func removePartialOutputs(dir string) uint64 {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0
	}
	var freed uint64
	for _, e := range entries {
		if keptOnDiskFull[e.Name()] || !e.Type().IsRegular() {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		if os.Remove(filepath.Join(dir, e.Name())) == nil {
			freed += uint64(info.Size())
		}
	}
	return freed
}

func formatBytes(n uint64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

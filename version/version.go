// Package version names this build: the app's name and version, and the git commit it was
// built from with that commit's date; shown by About and `epsm --version`, written into
// exported files and study bundles. The Makefile's builds (make build, make cli, the Windows
// build) stamp them:
//
//	-ldflags "-X epsm/version.Commit=<git rev-parse --short=12 HEAD>[-dirty] -X epsm/version.Date=<commit date, UTC>"
//
// A release build may also set Version (-X epsm/version.Version=1.2.3).
package version

// AppName is the product's name.
const AppName = "EPSM Desktop"

// Version follows wails.json's productVersion unless the build sets it.
var Version = "0.1.0"

// Commit is the git commit the binary was built from ("-dirty" when the tree had changes);
// empty for a plain `go build`, which the Makefile does not stamp.
var Commit = ""

// Date is the date of that commit (RFC 3339, UTC): the same commit always builds the same
// stamp, where a build clock would not.
var Date = ""

// String is the version with the commit and its date when the build has them:
// "0.1.0 (commit 0123456789ab, 2026-12-04T10:00:00Z)".
func String() string {
	switch {
	case Commit != "" && Date != "":
		return Version + " (commit " + Commit + ", " + Date + ")"
	case Commit != "":
		return Version + " (commit " + Commit + ")"
	}
	return Version + " (unstamped build)"
}

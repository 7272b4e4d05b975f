package settingsvc

import (
	"testing"

	"epsm/sim"
	"epsm/version"
)

// About names the commit the binary was built from and its date, as the build stamped them.
func TestAboutNamesTheCommitAndItsDate(t *testing.T) {
	commit, date := version.Commit, version.Date
	defer func() { version.Commit, version.Date = commit, date }()
	version.Commit, version.Date = "0123456789ab", "2026-12-04T10:00:00Z"
	a := open(t, sim.Engine{Path: "/a", Version: "25.2.0"}).About()
	if a.Version != version.Version || a.Commit != "0123456789ab" || a.CommitDate != "2026-12-04T10:00:00Z" {
		t.Fatalf("About = version %q, commit %q, date %q", a.Version, a.Commit, a.CommitDate)
	}
}

package settingsvc

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"time"

	"epsm/eplusout"
	"epsm/runner"
	"epsm/store"
)

// Storage is how much of the data folder each study and batch takes, for Settings > Storage.
type Storage struct {
	// RunBytes is what all run folders take; OtherBytes the database and imported copies.
	RunBytes   int64          `json:"runBytes"`
	OtherBytes int64          `json:"otherBytes"`
	Groups     []StorageGroup `json:"groups"`
}

// StorageGroup is a study (its batch) or a batch that is no study's.
type StorageGroup struct {
	Kind    string `json:"kind"` // "study" or "batch"
	ID      int64  `json:"id"`   // the study's or the batch's id
	BatchID int64  `json:"batchId"`
	Name    string `json:"name"`
	Runs    int    `json:"runs"`
	Bytes   int64  `json:"bytes"`
	// Full counts run folders with every output; Trimmed those with the err file, the report
	// and the run copy; Freed those with the err file only.
	Full    int    `json:"full"`
	Trimmed int    `json:"trimmed"`
	Freed   int    `json:"freed"`
	Newest  string `json:"newest"` // when its last run ended (RFC 3339)
}

// Storage measures the run folders by study and batch, largest first.
func (s *Settings) Storage() (Storage, error) {
	folders, err := s.store.FinishedRunFolders()
	if err != nil {
		return Storage{}, err
	}
	studies, err := s.store.Studies()
	if err != nil {
		return Storage{}, err
	}
	batches, err := s.store.Batches()
	if err != nil {
		return Storage{}, err
	}
	batchName := map[int64]string{}
	for _, b := range batches {
		batchName[b.ID] = b.Name
	}
	studyName := map[int64]string{}
	for _, st := range studies {
		studyName[st.ID] = st.Name
	}
	var out Storage
	groups := map[[2]int64]*StorageGroup{}
	for _, f := range folders {
		key := [2]int64{0, f.BatchID}
		g := StorageGroup{Kind: "batch", ID: f.BatchID, BatchID: f.BatchID, Name: batchName[f.BatchID]}
		if f.StudyID != 0 {
			key = [2]int64{1, f.StudyID}
			g = StorageGroup{Kind: "study", ID: f.StudyID, BatchID: f.BatchID, Name: studyName[f.StudyID]}
		}
		p := groups[key]
		if p == nil {
			p = &g
			groups[key] = p
		}
		n := runner.FolderSize(f.Dir)
		p.Runs++
		p.Bytes += n
		out.RunBytes += n
		switch f.Outputs {
		case store.OutputsResults:
			p.Trimmed++
		case store.OutputsNone:
			p.Freed++
		default:
			p.Full++
		}
		if f.FinishedAt > p.Newest {
			p.Newest = f.FinishedAt
		}
	}
	for _, g := range groups {
		out.Groups = append(out.Groups, *g)
	}
	sort.Slice(out.Groups, func(i, j int) bool {
		if out.Groups[i].Bytes != out.Groups[j].Bytes {
			return out.Groups[i].Bytes > out.Groups[j].Bytes
		}
		return out.Groups[i].BatchID > out.Groups[j].BatchID
	})
	out.OtherBytes = sizeOutside(s.store.Dir(), filepath.Join(s.store.Dir(), "runs"))
	return out, nil
}

// sizeOutside is what the files below dir take, leaving out the folder skip: the run folders
// are measured one by one above, and walking them again (twice, as dir and as runs) tripled
// the cost of opening Settings > Storage on a data folder of thousands of runs.
func sizeOutside(dir, skip string) int64 {
	var n int64
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return nil
		case d.IsDir() && path == skip:
			return filepath.SkipDir
		case d.Type().IsRegular():
			if fi, err := d.Info(); err == nil {
				n += fi.Size()
			}
		}
		return nil
	})
	return n
}

// FreeRequest chooses the run folders to free: a study, a batch, or runs that ended more than
// OlderThanDays ago (0: any age); KeepReports keeps each run's report and run copy.
type FreeRequest struct {
	StudyID       int64 `json:"studyId"`
	BatchID       int64 `json:"batchId"`
	OlderThanDays int   `json:"olderThanDays"`
	KeepReports   bool  `json:"keepReports"`
}

// Freed says what a FreeSpace did.
type Freed struct {
	Runs  int   `json:"runs"`
	Bytes int64 `json:"bytes"`
}

// ErrNothingChosen: a FreeRequest names no study, batch or age.
var ErrNothingChosen = errors.New("choose a study, a batch or an age to free space for")

// FreeSpace deletes outputs of finished runs. The results in the store are not touched, and a
// run's hourly meters are stored first when they are still only in its eplusout.sql (a run
// made before EPSM stored them); each run keeps its eplusout.err.
func (s *Settings) FreeSpace(req FreeRequest, now time.Time) (Freed, error) {
	if req.StudyID == 0 && req.BatchID == 0 && req.OlderThanDays <= 0 {
		return Freed{}, ErrNothingChosen
	}
	folders, err := s.store.FinishedRunFolders()
	if err != nil {
		return Freed{}, err
	}
	cutoff := now.Add(-time.Duration(req.OlderThanDays) * 24 * time.Hour).UTC().Format(time.RFC3339)
	var out Freed
	for _, f := range folders {
		switch {
		case req.StudyID != 0 && f.StudyID != req.StudyID,
			req.BatchID != 0 && f.BatchID != req.BatchID,
			req.OlderThanDays > 0 && (f.FinishedAt == "" || f.FinishedAt > cutoff),
			f.Outputs == store.OutputsNone,
			req.KeepReports && f.Outputs == store.OutputsResults:
			continue
		}
		if err := s.keepMeters(f); err != nil {
			return out, fmt.Errorf("run %d: %w; its folder was kept", f.RunID, err)
		}
		var n int64
		state := store.OutputsNone
		if req.KeepReports {
			n, err = runner.KeepResultsOnly(f.Dir)
			state = store.OutputsResults
		} else {
			n, err = runner.FreeOutputs(f.Dir)
		}
		if err != nil {
			return out, fmt.Errorf("free run %d (%s): %w", f.RunID, f.Dir, err)
		}
		if err := s.store.SetRunOutputs(f.RunID, state); err != nil {
			return out, err
		}
		out.Runs++
		out.Bytes += n
	}
	return out, nil
}

// keepMeters stores a run's hourly meters from its eplusout.sql when the store lacks them.
func (s *Settings) keepMeters(f store.RunFolder) error {
	if _, err := s.store.RunMeters(f.RunID); err == nil {
		return nil
	}
	sqlPath := filepath.Join(f.Dir, "eplusout.sql")
	if _, err := os.Stat(sqlPath); err != nil {
		return nil // no hourly meters to keep (a failed or design-day run)
	}
	blob, err := eplusout.PackMeters(sqlPath)
	if err != nil || blob == nil {
		return err
	}
	return s.store.PutRunMeters(f.RunID, blob)
}

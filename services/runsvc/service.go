package runsvc

import (
	"fmt"

	"epsm/eplusout"
	"epsm/store"
)

// Service is what the window calls about runs and the queue. What it sends is treated as
// untrusted (docs/SECURITY.md): ids that name nothing are refused, never taken as "nothing".
type Service struct {
	queue *Queue
}

// NewService binds q for the window.
func NewService(q *Queue) *Service { return &Service{queue: q} }

// Overview is the runs screen at start: every run, every batch's summary and the queue.
type Overview struct {
	Runs    []store.Run    `json:"runs"`
	Batches []BatchSummary `json:"batches"`
	Queue   QueueState     `json:"queue"`
}

// Overview returns the runs (newest first), the batches with their summaries and the queue;
// later changes arrive as run:status, batch:summary and queue:state events.
func (s *Service) Overview() (Overview, error) {
	runs, err := s.queue.store.Runs()
	if err != nil {
		return Overview{}, err
	}
	if runs == nil {
		runs = []store.Run{}
	}
	if runs, err = s.queue.withFigures(runs); err != nil {
		return Overview{}, err
	}
	return Overview{Runs: runs, Batches: s.queue.Batches(), Queue: s.queue.State()}, nil
}

// StartRuns queues one run per chosen model and weather file as one batch.
func (s *Service) StartRuns(req RunRequest) ([]store.Run, error) { return s.queue.StartRuns(req) }

// CancelRun stops a queued or running run.
func (s *Service) CancelRun(id int64) error { return s.queue.CancelRun(id) }

// CancelBatch stops every queued or running run of a batch; it returns how many.
func (s *Service) CancelBatch(batchID int64) (int, error) {
	if err := s.checkBatch(batchID); err != nil {
		return 0, err
	}
	return s.queue.CancelBatch(batchID), nil
}

// MoveBatchToFront makes a batch's queued runs start before all others.
func (s *Service) MoveBatchToFront(batchID int64) error {
	if err := s.checkBatch(batchID); err != nil {
		return err
	}
	s.queue.MoveBatchToFront(batchID)
	return nil
}

// RerunFailed re-queues the runs of a batch that ended without success.
func (s *Service) RerunFailed(batchID int64) ([]store.Run, error) {
	if err := s.checkBatch(batchID); err != nil {
		return nil, err
	}
	return s.queue.RerunFailed(batchID)
}

// checkBatch refuses a batch id that names no batch: cancelling or moving "nothing" would
// otherwise succeed silently.
func (s *Service) checkBatch(batchID int64) error {
	if !s.queue.book.has(batchID) {
		return fmt.Errorf("batch %d does not exist", batchID)
	}
	return nil
}

// PauseQueue lets running runs finish and starts no new ones.
func (s *Service) PauseQueue() { s.queue.Pause() }

// ResumeQueue starts queued runs again.
func (s *Service) ResumeQueue() { s.queue.Resume() }

// RunDetails returns a run with its results.
func (s *Service) RunDetails(id int64) (RunDetails, error) { return s.queue.RunDetails(id) }

// ReadErrFile returns the run's eplusout.err (its first 4 MiB).
func (s *Service) ReadErrFile(id int64) (string, error) { return s.queue.ReadErrFile(id) }

// RunMeters lists the meters a run wrote hourly (with the reason when there are none).
func (s *Service) RunMeters(runID int64) (RunMeters, error) { return s.queue.RunMeters(runID) }

// MeterSeries returns a meter's hourly values for one run: month, day, hour, value, units.
func (s *Service) MeterSeries(runID int64, name string) (eplusout.MeterSeries, error) {
	return s.queue.MeterSeries(runID, name)
}

// CompareRuns returns two runs side by side: details, monthly energy, peak power and the
// distinct messages of each; the window shows b − a.
func (s *Service) CompareRuns(a, b int64) (RunComparison, error) { return s.queue.CompareRuns(a, b) }

package sim

import (
	"errors"
	"time"
)

// Outcome is how a run ended: exactly one final Status, with what explains it.
type Outcome struct {
	Status Status `json:"status"`
	// Kind says why a run failed, as a code the window and the CLI match on (never the text).
	Kind        FailureKind   `json:"kind"`
	Message     string        `json:"message"` // first fatal message, crash reason or input error
	FirstSevere string        `json:"firstSevere"`
	LastSevere  string        `json:"lastSevere"`
	Warnings    int           `json:"warnings"`
	Severe      int           `json:"severe"`
	ExitCode    int           `json:"exitCode"`
	Signal      string        `json:"signal"`
	Elapsed     time.Duration `json:"elapsed"`
	Results     *Results      `json:"results"`
	Progress    Progress      `json:"progress"`
}

// FailureKind is the cause of a failed run, stored in its own column and sent to the window
// as a code. The empty kind is a run that did not fail.
type FailureKind string

const (
	KindNone FailureKind = ""
	// KindDiskFull: the disk of the run folder ran out of space while the run wrote.
	KindDiskFull FailureKind = "disk-full"
	// KindEngineMissing: no EnergyPlus, or the one the run was queued with is gone.
	KindEngineMissing FailureKind = "engine-missing"
	// KindVersionMismatch: the model failed on an engine of another version than its own.
	KindVersionMismatch FailureKind = "version-mismatch"
	// KindInputError: the model or weather file was refused before EnergyPlus started.
	KindInputError FailureKind = "input-error"
	// KindModelFatal: EnergyPlus stopped on a fatal error in the model.
	KindModelFatal FailureKind = "model-fatal"
	// KindSevereErrors: the run completed, with severe errors in eplusout.err.
	KindSevereErrors FailureKind = "severe-errors"
	// KindEngineCrash: EnergyPlus died (a signal, or an exit without an end line).
	KindEngineCrash FailureKind = "engine-crash"
	// KindTimeLimit: the run's wall-clock limit stopped it.
	KindTimeLimit FailureKind = "time-limit"
	// KindStalled: the stall watchdog stopped a silent run.
	KindStalled FailureKind = "stalled"
	// KindCancelled: the user cancelled it.
	KindCancelled FailureKind = "cancelled"
	// KindResultsUnreadable: EnergyPlus succeeded but eplusout.sql could not be read.
	KindResultsUnreadable FailureKind = "results-unreadable"
	// KindTargetFailed: the run could not be sent to its cluster target, or not followed there
	// (the message names the target and the step).
	KindTargetFailed FailureKind = "target-failed"
)

// AllFailureKinds feeds Wails's EnumBind, which generates the TypeScript enum.
var AllFailureKinds = []struct {
	Value  FailureKind
	TSName string
}{
	{KindNone, "None"},
	{KindDiskFull, "DiskFull"},
	{KindEngineMissing, "EngineMissing"},
	{KindVersionMismatch, "VersionMismatch"},
	{KindInputError, "InputError"},
	{KindModelFatal, "ModelFatal"},
	{KindSevereErrors, "SevereErrors"},
	{KindEngineCrash, "EngineCrash"},
	{KindTimeLimit, "TimeLimit"},
	{KindStalled, "Stalled"},
	{KindCancelled, "Cancelled"},
	{KindResultsUnreadable, "ResultsUnreadable"},
	{KindTargetFailed, "TargetFailed"},
}

// Failure is an error that knows its kind. Code that decides something from an error asks
// KindOf (errors.As), never the message.
type Failure struct {
	Kind FailureKind
	Err  error
}

func (f *Failure) Error() string { return f.Err.Error() }
func (f *Failure) Unwrap() error { return f.Err }

// Fail wraps err with its kind.
func Fail(kind FailureKind, err error) error {
	if err == nil {
		return nil
	}
	return &Failure{Kind: kind, Err: err}
}

// KindOf returns the kind of the first Failure in err's chain, KindNone when there is none.
func KindOf(err error) FailureKind {
	var f *Failure
	if errors.As(err, &f) {
		return f.Kind
	}
	return KindNone
}

// Headline is the one line that explains how a run ended, and the key its batch's failures are
// grouped by: the version mismatch when that is the cause; for a fatal run the first severe
// error, since EnergyPlus's fatal line is mostly the generic "Errors occurred on processing
// input file"; otherwise the message.
func Headline(status Status, kind FailureKind, message, firstSevere string) string {
	if status == StatusFatal && kind != KindVersionMismatch && firstSevere != "" {
		return firstSevere
	}
	return message
}

// Headline is the outcome's headline (see the function of that name).
func (o Outcome) Headline() string { return Headline(o.Status, o.Kind, o.Message, o.FirstSevere) }

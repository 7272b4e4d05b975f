package cli

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"epsm/app"
)

// session is what a command that runs simulations opens: a context that Ctrl-C or SIGTERM
// cancels, the terminal's progress lines, and the app on the data folder, logging at warning
// level (info with verbose).
type session struct {
	ctx      context.Context
	stop     context.CancelFunc
	progress *terminalProgress
	app      *app.App
}

// openSession opens a session for command (its name prefixes the error); on failure it says
// why on stderr.
func openSession(command, dataDir string, workers int, verbose bool, stderr io.Writer) (*session, error) {
	level := slog.LevelWarn
	if verbose {
		level = slog.LevelInfo
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	progress := newTerminalProgress(stderr)
	a, err := app.Open(ctx, app.Config{DataDir: dataDir, Workers: workers, Emitter: progress, Log: log})
	if err != nil {
		stop()
		fmt.Fprintf(stderr, "epsm %s: %v\n", command, err)
		return nil, err
	}
	return &session{ctx: ctx, stop: stop, progress: progress, app: a}, nil
}

func (s *session) close() {
	s.app.Close()
	s.stop()
}

package app

import (
	"sync"
	"time"

	"epsm/events"
)

type eventLog struct {
	mu     sync.Mutex
	events []recorded
}

type recorded struct {
	at      time.Time
	name    events.Name
	payload any
}

func (l *eventLog) Emit(name events.Name, payload any) {
	l.mu.Lock()
	l.events = append(l.events, recorded{time.Now(), name, payload})
	l.mu.Unlock()
}

func (l *eventLog) snapshot() []recorded {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]recorded(nil), l.events...)
}

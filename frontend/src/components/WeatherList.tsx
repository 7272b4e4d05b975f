import type { Weather } from '../bridge'
import { WeatherCard } from './WeatherCard'

interface Props {
  weather: Weather[]
  selected: number[]
  onToggle: (id: number, on: boolean) => void
  onReimport: (w: Weather) => void
  reimporting: Set<number>
}

export function WeatherList({ weather, selected, onToggle, onReimport, reimporting }: Props) {
  return (
    <section className="panel" aria-labelledby="weather-heading" data-testid="weather-list">
      <div className="panel-head">
        <h2 id="weather-heading">
          Weather files <span className="count">{weather.length}</span>
        </h2>
      </div>
      {weather.length === 0 ? (
        <p className="empty-note" data-testid="weather-empty">
          No weather files yet. Drop an .epw file on the window or use “Import files…”.
        </p>
      ) : (
        <div className="card-list">
          {weather.map((w) => (
            <WeatherCard key={w.id} weather={w} selected={selected.includes(w.id)} onToggle={onToggle} onReimport={onReimport} reimporting={reimporting.has(w.id)} />
          ))}
        </div>
      )}
    </section>
  )
}

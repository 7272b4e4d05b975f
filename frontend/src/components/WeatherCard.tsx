import type { Weather } from '../bridge'
import { formatBytes, formatElevation, formatLatLon, formatTimeZone } from '../lib/format'
import { placeName } from '../lib/weather'
import { MonthlyTempChart } from './MonthlyTempChart'

interface Props {
  weather: Weather
  selected: boolean
  onToggle: (id: number, on: boolean) => void
  /** imports the original file again (after it changed on disk) */
  onReimport: (w: Weather) => void
  reimporting: boolean
}

export function WeatherCard({ weather, selected, onToggle, onReimport, reimporting }: Props) {
  const h = weather.header
  const loc = h?.location
  const place = placeName(loc) || weather.name
  const inputId = `weather-card-checkbox-${weather.id}`
  return (
    <article className={`card weather-card${selected ? ' card-selected' : ''}`} data-testid={`weather-card-${weather.id}`} data-selected={selected ? 'true' : 'false'}>
      <div className="card-head">
        <input type="checkbox" id={inputId} checked={selected} onChange={(e) => onToggle(weather.id, e.target.checked)} data-testid={inputId} aria-label={`Run with ${weather.name}`} />
        <label htmlFor={inputId} className="card-title">
          <span data-testid={`weather-place-${weather.id}`}>{place}</span>
          <span className="file-name subtle" title={weather.originalPath}>
            {weather.name}
          </span>
        </label>
      </div>
      <dl className="facts">
        <div>
          <dt>City</dt>
          <dd>{loc?.city || '–'}</dd>
        </div>
        <div>
          <dt>State</dt>
          <dd>{loc?.state || '–'}</dd>
        </div>
        <div>
          <dt>Country</dt>
          <dd>{loc?.country || '–'}</dd>
        </div>
        <div>
          <dt>Lat / lon</dt>
          <dd>{formatLatLon(loc?.latitude, loc?.longitude)}</dd>
        </div>
        <div>
          <dt>Time zone</dt>
          <dd>{formatTimeZone(loc?.timeZone)}</dd>
        </div>
        <div>
          <dt>Elevation</dt>
          <dd>{formatElevation(loc?.elevation)}</dd>
        </div>
      </dl>
      {weather.sourceChangedAt ? (
        <div className="changed-note" role="status" data-testid={`weather-changed-${weather.id}`}>
          <p>
            <strong>Changed on disk since import.</strong>{' '}
            <span className="subtle">Runs use the imported copy; import the file again to run with its new content.</span>
          </p>
          <button type="button" className="btn btn-small" onClick={() => onReimport(weather)} disabled={reimporting} data-testid={`weather-reimport-${weather.id}`}>
            {reimporting ? 'Importing…' : 'Import again'}
          </button>
        </div>
      ) : null}
      <MonthlyTempChart values={h?.monthlyMeanDryBulb} counts={h?.monthlyDryBulbCount} testId={`weather-chart-${weather.id}`} />
      <p className="card-foot subtle">
        {formatBytes(weather.sizeBytes)}
        {h?.periodStart && h?.periodEnd ? ` · data ${h.periodStart} – ${h.periodEnd}` : ''}
      </p>
    </article>
  )
}

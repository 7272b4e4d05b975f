import type { Weather } from '../bridge'
import { formatBytes, formatElevation, formatLatLon, formatTimeZone } from '../lib/format'
import { placeName } from '../lib/weather'
import { MonthlyTempChart } from './MonthlyTempChart'

interface Props {
  weather: Weather
  selected: boolean
  onSelect: (id: number) => void
}

export function WeatherCard({ weather, selected, onSelect }: Props) {
  const h = weather.header
  const loc = h?.location
  const place = placeName(loc) || weather.name
  const inputId = `weather-radio-${weather.id}`
  return (
    <article className={`card weather-card${selected ? ' card-selected' : ''}`} data-testid={`weather-card-${weather.id}`} data-selected={selected ? 'true' : 'false'}>
      <div className="card-head">
        <input type="radio" name="weather" id={inputId} checked={selected} onChange={() => onSelect(weather.id)} data-testid={inputId} aria-label={`Use ${weather.name}`} />
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
      <MonthlyTempChart values={h?.monthlyMeanDryBulb} counts={h?.monthlyDryBulbCount} testId={`weather-chart-${weather.id}`} />
      <p className="card-foot subtle">
        {formatBytes(weather.sizeBytes)}
        {h?.periodStart && h?.periodEnd ? ` · data ${h.periodStart} – ${h.periodEnd}` : ''}
      </p>
    </article>
  )
}

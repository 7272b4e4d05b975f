import { useUnitSystem } from '../hooks/useUnitSystem'
import { saveUnitSystem, type UnitSystem } from '../lib/units'

const CHOICES: Array<[UnitSystem, string, string]> = [
  ['si', 'SI', 'kWh, kWh/m², m²'],
  ['ip', 'IP', 'kBtu, kBtu/ft², ft²'],
]

/** The unit system of energy, EUI and area on screen; applies at once (stored in this window's local storage). */
export function UnitSettings() {
  const units = useUnitSystem()
  return (
    <fieldset className="settings-form unit-settings" data-testid="settings-units">
      <legend className="field-label">Units</legend>
      {CHOICES.map(([value, label, example]) => (
        <label key={value} className="check">
          <input type="radio" name="unit-system" value={value} checked={units === value} onChange={() => saveUnitSystem(value)} data-testid={`settings-units-${value}`} />
          <span>
            {label} <span className="subtle">({example})</span>
          </span>
        </label>
      ))}
      <p className="subtle settings-help">Applies at once to the variant table, the KPI tiles and the charts. Carbon stays in kg CO2e and costs in your currency. Stored results and exports stay in SI.</p>
    </fieldset>
  )
}

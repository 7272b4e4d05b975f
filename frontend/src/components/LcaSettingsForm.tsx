import { useEffect, useRef, useState } from 'react'
import { checkLcaSettings, getLcaSettings, saveLcaSettings, type Fuel, type LcaSettings } from '../bridge'
import { errorMessage } from '../lib/format'
import { fuelField, fuelKey, fuelNeeds, GENERAL_FIELD, LCA_FIELD, lcaToForm, needsText, problemsByField, readLcaForm, type FuelForm, type LcaForm } from '../lib/lcaSettings'

interface Props {
  /** fuels with delivered energy in the open study's results */
  fuelsUsed: string[]
  onSaved: (s: LcaSettings) => void
  onClose: () => void
  onBusy: (busy: boolean) => void
}

/** Carbon and cost settings: currency, analysis period, discount rate, per-fuel factors and prices with sources. */
export function LcaSettingsForm({ fuelsUsed, onSaved, onClose, onBusy }: Props) {
  const [form, setForm] = useState<LcaForm | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [touched, setTouched] = useState<Set<string>>(new Set())
  const [tried, setTried] = useState(false)
  const [saving, setSaving] = useState(false)
  const [goErrors, setGoErrors] = useState<Record<string, string>>({})
  const [saved, setSaved] = useState(false)
  const touchedRef = useRef(false)

  useEffect(() => {
    let live = true
    getLcaSettings()
      .then((s) => {
        if (live && !touchedRef.current) setForm(lcaToForm(s))
      })
      .catch((e) => live && setLoadError(errorMessage(e)))
    return () => {
      live = false
    }
  }, [])

  useEffect(() => onBusy(saving), [saving, onBusy])

  if (!form) {
    return loadError ? (
      <p className="engine-error" role="alert" data-testid="lca-error">
        {loadError}
      </p>
    ) : (
      <p className="subtle">Loading the carbon and cost settings…</p>
    )
  }

  const read = readLcaForm(form)
  const error = (field: string) => {
    const mine = (tried || touched.has(field)) && read.errors[field]
    return [mine, goErrors[field]].filter(Boolean).join(' ')
  }
  const touch = (field: string) => {
    touchedRef.current = true
    setTouched((t) => new Set(t).add(field))
    setSaved(false)
    setGoErrors({})
  }
  const set = (patch: Partial<LcaForm>, field: string) => {
    setForm((f) => (f ? { ...f, ...patch } : f))
    touch(field)
  }
  const setFuel = (fuel: string, patch: Partial<FuelForm>, input: keyof Fuel) => {
    setForm((f) => (f ? { ...f, fuels: { ...f.fuels, [fuel]: { ...f.fuels[fuel], ...patch } } } : f))
    touch(fuelField(fuel, input))
  }

  const save = async () => {
    setTried(true)
    setSaved(false)
    setGoErrors({})
    if (!read.ok) return
    setSaving(true)
    try {
      // Go's rules name each problem's input: nothing is saved until there is none.
      const problems = await checkLcaSettings(read.settings)
      if (problems.length) {
        setGoErrors(problemsByField(problems, Object.keys(form.fuels)))
        return
      }
      const s = await saveLcaSettings(read.settings)
      setForm(lcaToForm(s))
      setTouched(new Set())
      setTried(false)
      setSaved(true)
      onSaved(s)
    } catch (e) {
      setGoErrors({ [GENERAL_FIELD]: errorMessage(e) })
    } finally {
      setSaving(false)
    }
  }

  const needs = fuelNeeds(fuelsUsed, form)
  const gaps = needsText(needs)
  const used = new Set(fuelsUsed)
  const input = (id: string, value: string, onChange: (v: string) => void, field: string, opts: { numeric?: boolean; label: string; placeholder?: string } = { label: '' }) => {
    const err = error(field)
    return (
      <input
        id={id}
        type="text"
        inputMode={opts.numeric ? 'decimal' : undefined}
        className={`text-input ${opts.numeric ? 'number-input' : 'text-input-plain'}`}
        value={value}
        placeholder={opts.placeholder}
        onChange={(e) => onChange(e.target.value)}
        aria-label={opts.label}
        aria-invalid={err ? true : undefined}
        title={err || undefined}
        disabled={saving}
        autoComplete="off"
        spellCheck={false}
        data-testid={id}
      />
    )
  }

  return (
    <form
      className="settings-form lca-form"
      data-testid="lca-settings"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <p className="subtle settings-help">
        Operational carbon and energy cost are delivered energy by fuel × these factors and prices. A blank stays blank: every figure that needs it is shown as incomplete (—), never computed with 0.
      </p>
      {fuelsUsed.length ? (
        <p className={`hint${gaps ? ' hint-warning' : ''}`} data-testid="lca-needs">
          The open study's results use {fuelsUsed.join(', ')}.{gaps ? ` Still blank: ${gaps}.` : ' Every factor and price they need is filled in.'}
        </p>
      ) : (
        <p className="subtle settings-help" data-testid="lca-needs">
          Open a study with results to see which fuels it uses.
        </p>
      )}
      <div className="lca-general">
        <div className="settings-field">
          <label htmlFor="lca-currency" className="field-label">
            Currency
          </label>
          <div className="settings-input-row">
            {input('lca-currency', form.currency, (v) => set({ currency: v }, LCA_FIELD.currency), LCA_FIELD.currency, { label: 'Currency', placeholder: 'SEK' })}
            {input('lca-currency-source', form.currencySource, (v) => set({ currencySource: v }, LCA_FIELD.currencySource), LCA_FIELD.currencySource, { label: 'Note on the currency' })}
          </div>
          {error(LCA_FIELD.currency) ? <p className="field-error">{error(LCA_FIELD.currency)}</p> : null}
        </div>
        <div className="settings-field">
          <label htmlFor="lca-period" className="field-label">
            Analysis period <span className="subtle">(years)</span>
          </label>
          <div className="settings-input-row">
            {input('lca-period', form.period, (v) => set({ period: v }, LCA_FIELD.period), LCA_FIELD.period, { numeric: true, label: 'Analysis period in years' })}
            {input('lca-period-source', form.periodSource, (v) => set({ periodSource: v }, LCA_FIELD.periodSource), LCA_FIELD.periodSource, { label: 'Source of the analysis period' })}
          </div>
          {error(LCA_FIELD.period) ? <p className="field-error">{error(LCA_FIELD.period)}</p> : null}
        </div>
        <div className="settings-field">
          <label htmlFor="lca-discount" className="field-label">
            Discount rate <span className="subtle">(% per year, real; blank or 0 = undiscounted)</span>
          </label>
          <div className="settings-input-row">
            {input('lca-discount', form.discountPercent, (v) => set({ discountPercent: v }, LCA_FIELD.discount), LCA_FIELD.discount, { numeric: true, label: 'Discount rate in percent per year', placeholder: '0' })}
            {input('lca-discount-source', form.discountSource, (v) => set({ discountSource: v }, LCA_FIELD.discountSource), LCA_FIELD.discountSource, { label: 'Source of the discount rate' })}
          </div>
          {error(LCA_FIELD.discount) ? <p className="field-error">{error(LCA_FIELD.discount)}</p> : null}
        </div>
      </div>

      <div className="table-scroll lca-fuels-scroll">
        <table className="grid-table lca-fuels">
          <thead>
            <tr>
              <th scope="col">Fuel</th>
              <th scope="col" className="num">
                Emission factor <span className="th-unit">kg CO2e/kWh</span>
              </th>
              <th scope="col">Source of the factor</th>
              <th scope="col" className="num">
                Price <span className="th-unit">{form.currency || 'currency'}/kWh</span>
              </th>
              <th scope="col">Source of the price</th>
            </tr>
          </thead>
          <tbody>
            {Object.keys(form.fuels).map((fuel) => {
              const k = fuelKey(fuel)
              const f = form.fuels[fuel]
              const need = needs.find((n) => n.fuel === fuel)
              const fe = error(fuelField(fuel, 'kgCO2ePerKWh'))
              const pe = error(fuelField(fuel, 'pricePerKWh'))
              return (
                <tr key={fuel} className={used.has(fuel) ? 'fuel-used' : undefined} data-testid={`lca-row-${k}`} data-used={used.has(fuel) ? 'true' : undefined}>
                  <th scope="row">
                    {fuel}
                    {used.has(fuel) ? <span className="badge badge-success">in use</span> : null}
                  </th>
                  <td className="num">
                    {input(`lca-factor-${k}`, f.factor, (v) => setFuel(fuel, { factor: v }, 'kgCO2ePerKWh'), fuelField(fuel, 'kgCO2ePerKWh'), { numeric: true, label: `${fuel} emission factor, kg CO2e per kWh`, placeholder: need?.factorMissing ? 'needed' : 'blank' })}
                    {fe ? <p className="field-error">{fe}</p> : null}
                  </td>
                  <td>
                    <textarea className="text-input text-input-plain source-input" rows={1} value={f.carbonSource} onChange={(e) => setFuel(fuel, { carbonSource: e.target.value }, 'carbonSource')} aria-label={`Source of the ${fuel} emission factor`} title={f.carbonSource} disabled={saving} data-testid={`lca-carbon-source-${k}`} />
                  </td>
                  <td className="num">
                    {input(`lca-price-${k}`, f.price, (v) => setFuel(fuel, { price: v }, 'pricePerKWh'), fuelField(fuel, 'pricePerKWh'), { numeric: true, label: `${fuel} price per kWh`, placeholder: need?.priceMissing ? 'needed' : 'blank' })}
                    {pe ? <p className="field-error">{pe}</p> : null}
                  </td>
                  <td>
                    <textarea className="text-input text-input-plain source-input" rows={1} value={f.priceSource} onChange={(e) => setFuel(fuel, { priceSource: e.target.value }, 'priceSource')} aria-label={`Source of the ${fuel} price`} title={f.priceSource} disabled={saving} data-testid={`lca-price-source-${k}`} />
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>

      {goErrors[GENERAL_FIELD] ? (
        <p className="engine-error" role="alert" data-testid="lca-error">
          {goErrors[GENERAL_FIELD]}
        </p>
      ) : Object.keys(goErrors).length ? (
        <p className="engine-error" role="alert" data-testid="lca-error">
          Not saved: {Object.values(goErrors).join(' ')}
        </p>
      ) : tried && !read.ok ? (
        <p className="engine-error" role="alert" data-testid="lca-error">
          Not saved: {Object.values(read.errors).join(' ')}
        </p>
      ) : null}
      {saved ? (
        <p className="engine-notice engine-notice-success" role="status" data-testid="lca-saved">
          Saved. Study tables are recomputed with these settings.
        </p>
      ) : null}
      <div className="engine-actions">
        <button type="submit" className="btn btn-primary" disabled={saving} data-testid="lca-save">
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="btn" onClick={onClose} disabled={saving}>
          Close
        </button>
      </div>
    </form>
  )
}

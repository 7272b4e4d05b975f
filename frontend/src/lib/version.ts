// Which engine a model will run on, mirroring the Go side's Settings.EngineFor
// (services/settingsvc/settings.go): the default engine when its major.minor version matches
// the model's Version object, else another installed engine that matches, else the default
// with a warning.
import type { Engine, EngineStatus, Model } from '../bridge/types'

/** "25.2.0" -> "25.2", " 9.4 " -> "9.4", "9" -> "9" (runner.majorMinor). */
export function majorMinor(v: string | null | undefined): string {
  const t = (v ?? '').trim()
  const parts = t.split('.')
  return parts.length < 2 ? t : `${parts[0]}.${parts[1]}`
}

export type VersionMatch = 'same' | 'other-engine' | 'mismatch'

export interface VersionCheck {
  modelId: number
  modelName: string
  /** the model's Version object, as written */
  modelVersion: string
  match: VersionMatch
  /** the engine the run will use */
  engine: Engine
  /** empty when the versions match */
  message: string
}

/** How a model's Version relates to the installed engines; null when there is no engine or no Version. */
export function versionCheck(model: Pick<Model, 'id' | 'name' | 'summary'>, status: EngineStatus | null | undefined): VersionCheck | null {
  const def = status?.engine
  const modelVersion = model.summary?.version?.trim() ?? ''
  if (!def || !modelVersion) return null
  const v = majorMinor(modelVersion)
  const base = { modelId: model.id, modelName: model.name, modelVersion }
  if (majorMinor(def.version) === v) return { ...base, match: 'same', engine: def, message: '' }
  const other = (status?.engines ?? []).find((e) => majorMinor(e.version) === v)
  if (other) {
    return {
      ...base,
      match: 'other-engine',
      engine: other,
      message: `${model.name} is written for EnergyPlus ${modelVersion}: it runs on the installed EnergyPlus ${other.version}, not on ${def.version}.`,
    }
  }
  return {
    ...base,
    match: 'mismatch',
    engine: def,
    message: `${model.name} is written for EnergyPlus ${modelVersion} but runs on ${def.version}: no matching engine is installed. EnergyPlus warns about the version, and inputs that changed since ${modelVersion} fail validation (transition the model first).`,
  }
}

/** The chosen models whose version differs from the engine in use, split by what happens. */
export function versionIssues(models: Pick<Model, 'id' | 'name' | 'summary'>[], status: EngineStatus | null | undefined) {
  const checks = models.map((m) => versionCheck(m, status)).filter((c): c is VersionCheck => c !== null)
  return {
    mismatches: checks.filter((c) => c.match === 'mismatch'),
    otherEngines: checks.filter((c) => c.match === 'other-engine'),
  }
}

/**
 * The chip of a run whose model is written for another EnergyPlus version than the engine it
 * ran on: "Version 9.4 ≠ engine 25.2" ("Version ≠ engine 25.2" when the model is not listed).
 */
export function versionChipText(modelVersion: string | null | undefined, engineVersion: string | null | undefined): string {
  const m = majorMinor(modelVersion)
  const e = majorMinor(engineVersion)
  return `Version${m ? ` ${m}` : ''} \u2260 engine${e ? ` ${e}` : ''}`
}

/** The same in a table row's few characters: "9.4 ≠ 25.2" (the full sentence is its tooltip). */
export function shortVersionChipText(modelVersion: string | null | undefined, engineVersion: string | null | undefined): string {
  return `${majorMinor(modelVersion) || '?'} \u2260 ${majorMinor(engineVersion) || '?'}`
}

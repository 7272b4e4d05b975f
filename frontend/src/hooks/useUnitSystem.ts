import { useEffect, useState } from 'react'
import { loadUnitSystem, onUnitSystemChange, type UnitSystem } from '../lib/units'

/** The SI / IP choice from Settings, updated everywhere as soon as it changes. */
export function useUnitSystem(): UnitSystem {
  const [system, setSystem] = useState<UnitSystem>(loadUnitSystem)
  useEffect(() => onUnitSystemChange(setSystem), [])
  return system
}

// A measure template as Go sends it (study.TemplateFit), for tests.
import type { TemplateFit } from '../bridge/types'

/** The heat-recovery template, fitting a model with ideal loads; applies: false and a reason for one without. */
export function heatRecoveryFit(over: Partial<TemplateFit> = {}): TemplateFit {
  return {
    id: 'heat-recovery',
    name: 'Ventilation heat recovery',
    description: 'Sets the sensible heat-recovery effectiveness.',
    values: [{ name: 'Sensible effectiveness', unit: '-', min: 0, max: 1 }],
    per: 'unit',
    suggested: [{ values: ['0.7'] }, { values: ['0.8'] }, { values: ['0.85'] }],
    applies: true,
    ...over,
  }
}

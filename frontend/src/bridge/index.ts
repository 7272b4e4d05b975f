export * from './types'
export * from './api'

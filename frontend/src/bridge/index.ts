export * from './types'
export * from './api'
export * from './events'
export * from './files'

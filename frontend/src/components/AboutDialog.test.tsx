import { render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import * as Settings from '../../wailsjs/go/settingsvc/Service'
import { AboutDialog } from './AboutDialog'

// The dialog calls the real bridge; only the bound Go service is replaced.
vi.mock('../../wailsjs/go/settingsvc/Service', () => ({ About: vi.fn() }))

const about = {
  app: 'EPSM Desktop',
  version: '0.1.0',
  commit: '042cc16de077aa11',
  commitDate: '2026-12-04T17:01:37Z',
  engineVersion: '25.2.0',
  enginePath: '/opt/energyplus',
  libraryVersion: 'default abc',
  libraryItems: 35,
  dataDir: '/data',
  go: 'go1.26',
  os: 'linux/amd64',
  dependencies: [],
}

describe('AboutDialog', () => {
  it('names the build: version, commit and its date', async () => {
    vi.mocked(Settings.About).mockResolvedValueOnce(about as never)
    render(<AboutDialog onClose={() => {}} />)
    expect(await screen.findByTestId('about-app')).toHaveTextContent('EPSM Desktop 0.1.0 (commit 042cc16de077, 2026-12-04)')
  })

  it('leaves the commit out of a build that was not stamped', async () => {
    vi.mocked(Settings.About).mockResolvedValueOnce({ ...about, commit: '', commitDate: '' } as never)
    render(<AboutDialog onClose={() => {}} />)
    const app = await screen.findByTestId('about-app')
    expect(app).toHaveTextContent('EPSM Desktop 0.1.0')
    expect(app).not.toHaveTextContent('commit')
  })
})

// Valid stored records for store and bot tests.
import type { Case, Staff } from '../../src/domain/schemas.js';

export function staffRecord(overrides: Partial<Staff> = {}): Staff {
  return {
    id: 'worker-1', name: 'Lucía Martín', role: 'worker', team: 'norte', availableHoursPerMonth: 120,
    language: 'es', timeZone: 'Europe/Madrid', createdAt: '2026-11-01T09:00:00.000Z', ...overrides,
  };
}

export function caseRecord(overrides: Partial<Case> = {}): Case {
  return {
    id: 'C-TEST01', status: 'open', workerId: 'worker-1', team: 'norte', sharedWith: [],
    createdAt: '2026-11-01T09:00:00.000Z', updatedAt: '2026-11-01T09:00:00.000Z',
    client: { kind: 'individual', name: 'Ana P.', contact: '600 000 000', language: 'es', timeZone: 'Europe/Madrid' },
    referralSource: 'Centro de salud', intakeDate: '2026-11-01',
    consent: { dataProcessing: true, messaging: true, recordedAt: '2026-11-01T09:00:00.000Z', recordedBy: 'worker-1' },
    model: 'strengths', priority: 'medium',
    assessments: [], goals: [], tasks: [], referrals: [], contacts: [], advocacy: [], reviews: [], alerts: [], reopenings: [],
    ...overrides,
  };
}

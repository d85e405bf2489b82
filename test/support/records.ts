// Valid stored records for store and bot tests.
import type { Achievement, Case, Staff, Task } from '../../src/domain/schemas.js';

export function staffRecord(overrides: Partial<Staff> = {}): Staff {
  return {
    id: 'worker-1',
    name: 'Lucía Martín',
    role: 'worker',
    team: 'norte',
    availableHoursPerMonth: 120,
    language: 'es',
    timeZone: 'Europe/Madrid',
    createdAt: '2026-11-01T09:00:00.000Z',
    ...overrides,
  };
}

export function caseRecord(overrides: Partial<Case> = {}): Case {
  return {
    id: 'C-TEST01',
    status: 'open',
    workerId: 'worker-1',
    team: 'norte',
    sharedWith: [],
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-01T09:00:00.000Z',
    client: { kind: 'individual', name: 'Ana P.', contact: '600 000 000', language: 'es', timeZone: 'Europe/Madrid' },
    referralSource: 'Centro de salud',
    intakeDate: '2026-11-01',
    consent: { dataProcessing: true, messaging: true, recordedAt: '2026-11-01T09:00:00.000Z', recordedBy: 'worker-1' },
    model: 'strengths',
    priority: 'medium',
    assessments: [],
    goals: [],
    tasks: [],
    referrals: [],
    contacts: [],
    advocacy: [],
    reviews: [],
    alerts: [],
    reopenings: [],
    ...overrides,
  };
}

/** An open client task, committed on 2 November, with one worker rating a day from the 10th. */
export function taskRecord(overrides: Partial<Task> = {}, ratings: Achievement[] = []): Task {
  return {
    id: 'T-SOLICI',
    description: 'Presentar la solicitud de vivienda',
    owner: 'client',
    dueDate: '2026-12-07',
    obstacles: [],
    checkInEveryDays: 7,
    commitment: { at: '2026-11-02T10:00:00.000Z', confirmedBy: 'worker-1' },
    status: 'open',
    createdAt: '2026-11-02T10:00:00.000Z',
    createdBy: 'worker-1',
    progress: ratings.map((rating, i) => ({ at: `2026-11-1${i}T10:00:00.000Z`, rating, source: 'worker' as const, by: 'worker-1' })),
    ...overrides,
  };
}

// A valid open case, frozen, for the domain tests that check no input is ever changed.
import { CaseSchema, type Case } from '../../src/domain/schemas.js';

/** Freezes deeply so that any mutation by the code under test throws. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** A valid open case (checked by the schema), frozen. */
export function makeCase(overrides: Partial<Case> = {}): Case {
  return deepFreeze(
    CaseSchema.parse({
      id: 'C-1',
      status: 'open',
      workerId: 'W-1',
      team: 'norte',
      sharedWith: [],
      createdAt: '2027-01-10T09:00:00+01:00',
      updatedAt: '2027-01-10T09:00:00+01:00',
      client: { kind: 'individual', name: 'Lucía Pérez', contact: '600000000', language: 'es', timeZone: 'Europe/Madrid' },
      referralSource: 'Servicios sociales de base',
      intakeDate: '2027-01-10',
      consent: { dataProcessing: true, messaging: true, recordedAt: '2027-01-10T09:00:00+01:00', recordedBy: 'W-1' },
      model: 'brokerage',
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
    }),
  );
}

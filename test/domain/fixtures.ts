// Valid records for tests: each helper fills the required fields and validates the result
// against its schema, so a fixture that drifts from the schema fails loudly.
import {
  AssessmentSchema,
  CaseSchema,
  ContactSchema,
  ProgressSchema,
  StaffSchema,
  TaskSchema,
  type Assessment,
  type Case,
  type Contact,
  type Progress,
  type Staff,
  type Task,
} from '../../src/domain/schemas.js';

export const WORKER_ID = 'S-WORKER';

export function makeCase(overrides: Partial<Case> = {}): Case {
  return CaseSchema.parse({
    id: 'C-TEST01',
    status: 'open',
    workerId: WORKER_ID,
    team: 'team-a',
    sharedWith: [],
    createdAt: '2027-01-04T09:00:00+01:00',
    updatedAt: '2027-01-04T09:00:00+01:00',
    client: { kind: 'individual', name: 'Test Client', contact: '', language: 'es', timeZone: 'Europe/Madrid' },
    referralSource: 'self',
    intakeDate: '2027-01-04',
    consent: { dataProcessing: true, messaging: true, recordedAt: '2027-01-04T09:00:00+01:00', recordedBy: WORKER_ID },
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
  });
}

export function makeTask(overrides: Partial<Task> = {}): Task {
  return TaskSchema.parse({
    id: 'T-TEST01',
    description: 'Presentar la solicitud de vivienda',
    owner: 'client',
    dueDate: '2027-02-01',
    obstacles: [],
    checkInEveryDays: 7,
    commitment: { at: '2027-01-04T10:00:00+01:00', confirmedBy: WORKER_ID },
    status: 'open',
    progress: [],
    createdAt: '2027-01-04T10:00:00+01:00',
    createdBy: WORKER_ID,
    ...overrides,
  });
}

export function makeProgress(overrides: Partial<Progress> = {}): Progress {
  return ProgressSchema.parse({ at: '2027-01-11T10:00:00+01:00', rating: 2, source: 'client', by: 'U-CLIENT', ...overrides });
}

export function makeContact(overrides: Partial<Contact> = {}): Contact {
  return ContactSchema.parse({
    id: 'K-TEST01',
    date: '2027-01-04',
    type: 'visit',
    minutes: 45,
    withWhom: 'client',
    note: '',
    by: WORKER_ID,
    at: '2027-01-04T12:00:00+01:00',
    ...overrides,
  });
}

export function makeAssessment(overrides: Partial<Assessment> = {}): Assessment {
  return AssessmentSchema.parse({
    id: 'A-TEST01',
    kind: 'initial',
    startedAt: '2027-01-04T09:30:00+01:00',
    by: WORKER_ID,
    ratings: {},
    strengths: {},
    context: {},
    notes: {},
    ...overrides,
  });
}

export function makeStaff(overrides: Partial<Staff> = {}): Staff {
  return StaffSchema.parse({
    id: WORKER_ID,
    name: 'Test Worker',
    role: 'worker',
    team: 'team-a',
    availableHoursPerMonth: 120,
    language: 'es',
    timeZone: 'Europe/Madrid',
    createdAt: '2027-01-01T09:00:00+01:00',
    ...overrides,
  });
}

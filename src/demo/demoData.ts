// The demo's records: a team (norte) with a supervisor, two workers and an admin, the four
// cases of demoCases.ts, and the Playground client already linked to her case. Ids are
// fixed, so seeding again finds the same records instead of adding copies.
import { createHash } from 'node:crypto';
import type { Case, ClientLink, LinkCode, Staff } from '../domain/schemas.js';
import { DEMO_ZONE, DemoClock } from './demoBuilders.js';
import { DEMO_CASE_IDS, demoCases } from './demoCases.js';
import { PLAYGROUND_USERS } from './playgroundUsers.js';

export { DEMO_CASE_IDS } from './demoCases.js';
export { PLAYGROUND_USERS } from './playgroundUsers.js';

const LUCIA = PLAYGROUND_USERS.worker.aadObjectId;
const CARMEN_CHAT = PLAYGROUND_USERS.client.aadObjectId;

export interface DemoRecords {
  staff: Staff[];
  cases: Case[];
  linkCodes: LinkCode[];
  clientLinks: ClientLink[];
}

export function demoRecords(now: Date): DemoRecords {
  const clock = new DemoClock(now);
  const carmenCode = { id: 'DMCR', code: 'DMCR-7KQ4' };
  return {
    staff: demoStaff(clock),
    cases: demoCases(clock),
    linkCodes: [
      {
        id: carmenCode.id,
        codeHash: createHash('sha256').update(carmenCode.code).digest('hex'),
        caseId: DEMO_CASE_IDS.strengths,
        createdBy: LUCIA,
        createdAt: clock.at(-80, 10),
        expiresAt: addHours(clock.at(-80, 10), 72),
        usedAt: clock.at(-79, 17),
        usedBy: CARMEN_CHAT,
      },
    ],
    clientLinks: [{ id: CARMEN_CHAT, caseId: DEMO_CASE_IDS.strengths, linkedAt: clock.at(-79, 17), codeId: carmenCode.id }],
  };
}

function addHours(iso: string, hours: number): string {
  return new Date(Date.parse(iso) + hours * 3600_000).toISOString();
}

function demoStaff(clock: DemoClock): Staff[] {
  const person = (who: keyof typeof PLAYGROUND_USERS, role: Staff['role'], team: string, hours: number): Staff => ({
    id: PLAYGROUND_USERS[who].aadObjectId,
    name: PLAYGROUND_USERS[who].name,
    role,
    team,
    availableHoursPerMonth: hours,
    language: 'es',
    timeZone: DEMO_ZONE,
    createdAt: clock.at(-400),
  });
  return [
    person('worker', 'worker', 'norte', 120),
    person('worker2', 'worker', 'norte', 100),
    person('supervisor', 'supervisor', 'norte', 60),
    person('admin', 'admin', 'central', 120),
  ];
}

// What a caseload listing needs of a case. The store keeps it in memory for every case, so a
// listing of hundreds of cases reads no case file and holds no full case.
import type { Case } from './schemas.js';

export type CaseHeader = Pick<
  Case,
  'id' | 'workerId' | 'sharedWith' | 'team' | 'status' | 'blocked' | 'intensity' | 'priority' | 'nextReviewDate' | 'updatedAt'
> & {
  client: Pick<Case['client'], 'name' | 'timeZone'>;
};

export function caseHeader(record: Case): CaseHeader {
  const header: CaseHeader = {
    id: record.id,
    workerId: record.workerId,
    sharedWith: record.sharedWith,
    team: record.team,
    status: record.status,
    priority: record.priority,
    updatedAt: record.updatedAt,
    client: { name: record.client.name, timeZone: record.client.timeZone },
  };
  if (record.blocked) header.blocked = record.blocked;
  if (record.intensity) header.intensity = record.intensity;
  if (record.nextReviewDate) header.nextReviewDate = record.nextReviewDate;
  return header;
}

// The store port's contract, run against the JSON store on a temp folder and the in-memory
// store; then what only the JSON store does: its case indexes survive a restart and follow
// a rollback.
import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/domain/schemas.js';
import { JsonStore } from '../../src/store/jsonStore.js';
import { memoryRepositories } from '../../src/store/memoryStore.js';
import { caseRecord } from '../support/records.js';
import { tempStore } from '../support/tempStore.js';
import { describeRepositoryContract } from './repositoryContract.js';
import { failJournalWrites } from '../support/journalFault.js';

describeRepositoryContract('JSON store', async () => (await tempStore()).store.repositories);
describeRepositoryContract('in-memory store', async () => memoryRepositories());

const ids = (cases: readonly Case[]) => cases.map((c) => c.id).sort();

describe('JSON store case indexes', () => {
  it('are rebuilt from the files when the store opens', async () => {
    const { dataDir, store } = await tempStore();
    await store.repositories.cases.put(caseRecord({ id: 'C-OWN001', workerId: 'worker-1', team: 'norte' }));
    await store.repositories.cases.put(
      caseRecord({
        id: 'C-SHARED',
        workerId: 'worker-2',
        team: 'sur',
        sharedWith: ['worker-1'],
        status: 'closed',
        closure: { at: '2026-11-18T09:00:00.000Z', by: 'worker-2', reason: 'goalsMet', outcomes: [], summary: 'Hecho' },
      }),
    );
    await store.close();
    const reopened = await JsonStore.open(dataDir);
    try {
      expect(ids(await reopened.repositories.cases.casesOfWorker('worker-1'))).toEqual(['C-OWN001', 'C-SHARED']);
      expect(ids(await reopened.repositories.cases.casesOfTeam('sur'))).toEqual(['C-SHARED']);
      expect(ids(await reopened.repositories.cases.byStatus('closed'))).toEqual(['C-SHARED']);
    } finally {
      await reopened.close();
    }
  });

  it('go back with a change that could not reach the disk', async () => {
    const { store } = await tempStore();
    const { cases } = store.repositories;
    await cases.put(caseRecord({ id: 'C-OWN001', workerId: 'worker-1', team: 'norte' }));
    const fault = await failJournalWrites(cases);
    await expect(cases.update('C-OWN001', (c) => c && { ...c, workerId: 'worker-2', team: 'sur', status: 'closed' })).rejects.toThrow(/EISDIR/);
    await expect(cases.put(caseRecord({ id: 'C-NEWONE', workerId: 'worker-1' }))).rejects.toThrow();
    expect(ids(await cases.casesOfWorker('worker-1'))).toEqual(['C-OWN001']);
    expect(ids(await cases.casesOfWorker('worker-2'))).toEqual([]);
    expect(ids(await cases.casesOfTeam('sur'))).toEqual([]);
    expect(ids(await cases.byStatus('open'))).toEqual(['C-OWN001']);
    expect(await cases.count()).toBe(1);
    await fault.restore();
    await cases.update('C-OWN001', (c) => c && { ...c, workerId: 'worker-2' });
    expect(ids(await cases.casesOfWorker('worker-2'))).toEqual(['C-OWN001']);
  });

  it('go back for a deletion that could not reach the disk', async () => {
    const { store } = await tempStore();
    const { cases } = store.repositories;
    await cases.put(caseRecord({ id: 'C-OWN001', workerId: 'worker-1' }));
    await failJournalWrites(cases);
    await expect(cases.delete('C-OWN001')).rejects.toThrow(/EISDIR/);
    expect(ids(await cases.casesOfWorker('worker-1'))).toEqual(['C-OWN001']);
  });
});

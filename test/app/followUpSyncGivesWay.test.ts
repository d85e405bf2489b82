// Deriving every case's follow-ups again runs after the server listens (src/server.ts), on a
// store held in memory that never waits: it must let waiting requests in as it goes, or
// /healthz and the first turns wait for all of it.
import { describe, expect, it } from 'vitest';
import { createServices, memoryFollowUpStores } from '../../src/app/services.js';
import { defaultConfig } from '../../src/domain/config.js';
import { memoryRepositories } from '../../src/store/memoryStore.js';
import { DEMO_STAFF } from '../support/botHarness.js';
import { caseRecord, taskRecord } from '../support/records.js';

const CASES = 400;

describe('syncing every case', () => {
  it('yields to the event loop while it runs, and derives every case', async () => {
    const repos = memoryRepositories();
    for (const staff of DEMO_STAFF) await repos.staff.put(staff);
    for (let n = 0; n < CASES; n++) {
      const id = `C-S${String(n).padStart(5, '0')}`;
      await repos.cases.put(
        caseRecord({
          id,
          nextReviewDate: '2027-03-22',
          tasks: [
            taskRecord({ id: 'T-CITA01', dueDate: '2027-04-30', checkInEveryDays: 7, commitment: { at: '2027-02-22T09:00:00.000Z', confirmedBy: 'worker-1' } }),
          ],
        }),
      );
    }
    const stores = memoryFollowUpStores();
    const services = createServices(repos, () => new Date('2027-03-01T08:00:00Z'), defaultConfig, stores);

    // Counts the turns of the event loop that a request arriving meanwhile would be served in.
    let turns = 0;
    let running = true;
    const tick = () => {
      if (!running) return;
      turns++;
      setImmediate(tick);
    };
    setImmediate(tick);
    const begun = performance.now();
    const synced = await services.followUps.syncAll();
    const tookMs = performance.now() - begun;
    running = false;

    expect(synced.cases).toBe(CASES);
    expect((await stores.jobs.dueSummary(new Date('2028-01-01T00:00:00Z'))).due).toBeGreaterThanOrEqual(CASES);
    // A turn at least every 20 ms of work (and a loaded machine may take longer per case).
    expect(turns).toBeGreaterThanOrEqual(Math.floor(tookMs / 100));
    expect(turns).toBeGreaterThan(0);
  });
});

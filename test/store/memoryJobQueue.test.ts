import { describe, expect, it } from 'vitest';
import { MemoryJobQueue } from '../../src/store/memoryJobQueue.js';
import { at, job, jobQueueContract } from './jobQueueContract.js';

jobQueueContract('in memory', async () => new MemoryJobQueue());

describe('in-memory job queue at scale', () => {
  it('claims the few due jobs among 100,000 without reading the rest', async () => {
    const queue = new MemoryJobQueue();
    const jobs = Array.from({ length: 100_000 }, (_, n) => job(1 + (n % 50_000), { caseId: `C-${n}` }));
    await queue.schedule(jobs);
    await queue.schedule([job(-1, { caseId: 'C-due1' }), job(0, { caseId: 'C-due2' })]);
    const claimed = await queue.claimDue(at(0), 'A', 60_000, 100);
    expect(claimed.map((j) => j.caseId)).toEqual(['C-due1', 'C-due2']);
    expect(queue.size).toBe(100_002);
    // A thousand rounds with nothing due: reading 100,000 jobs each time would take seconds.
    const started = performance.now();
    for (let round = 0; round < 1000; round++) expect(await queue.claimDue(at(0), 'A', 60_000, 100)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

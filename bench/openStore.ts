// Opens a filled store in a fresh process, so its memory is measured without the cases the
// benchmark itself built. Prints one JSON line: open time, resident memory before and after.
import { performance } from 'node:perf_hooks';
import { JsonStore } from '../src/store/jsonStore.js';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: openStore.ts <dataDir>');

const rssBefore = process.memoryUsage().rss;
const started = performance.now();
const store = await JsonStore.open(dataDir);
const openMs = performance.now() - started;
const { rss, heapUsed } = process.memoryUsage();
const cases = await store.repositories.cases.count();
await store.close();

console.log(JSON.stringify({ cases, openMs, rssBefore, rssAfter: rss, heapUsed }));

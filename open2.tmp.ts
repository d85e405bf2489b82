import { JsonStore } from './src/store/jsonStore.ts';
import { FileJobStore } from './src/store/fileJobStore.ts';
const dir = '/tmp/open-test';
const t0 = performance.now();
const store = await JsonStore.open(dir);
const t1 = performance.now();
const jobs = await FileJobStore.open(dir + '/jobs');
const t2 = performance.now();
console.log({ store: t1 - t0, jobs: t2 - t1, rss: process.memoryUsage().rss / 1e6, heap: process.memoryUsage().heapUsed / 1e6 });

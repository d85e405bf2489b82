// Imported first by the entry point. Under a steady churn of short-lived records (jobs claimed
// and marked, cases read and dropped), V8's default lets the heap grow to several times what
// is live before a full collection, and keeps that memory. A smaller growing factor keeps the
// resident size close to the live data, at the cost of more frequent (mostly concurrent)
// full collections. V8 reads this flag whenever it sets the next heap limit.
import { setFlagsFromString } from 'node:v8';

const HEAP_GROWING_PERCENT = Number(process.env.ENLACE_HEAP_GROWING_PERCENT ?? 50);
if (HEAP_GROWING_PERCENT > 0) setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);

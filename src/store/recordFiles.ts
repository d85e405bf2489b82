// A collection's record files: reading one, telling what it holds, naming it, and the notes
// kept beside the folder that let a start trust what was checked before.
import { createHash } from 'node:crypto';
import { readFile, stat, unlink } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { SCHEMA_VERSION } from '../domain/schemas.js';
import { replaceSynced, writeFileDurably } from './durableFile.js';
import { openText, sealText } from './encryption.js';
import { StoreError } from './errors.js';
import { writerAlive } from './journal.js';
import { deepFreeze } from './records.js';

/** Files read or written at once: enough to keep the disk busy, well under open-file limits. */
export const IO_PARALLEL = 32;

/** Temp files older than this are leftovers of a crash. */
const STALE_TEMP_MS = 10 * 60_000;

/**
 * Beside the folder (`cases.validated` for `cases/`): the digests of file contents this store
 * wrote or checked against the schema, under a fingerprint of that schema. A file whose
 * content is listed loads without being checked again.
 */
export const VALIDATED_SUFFIX = '.validated';

/** The digests of contents checked against this schema, or none when the schema is another. */
export async function readValidated(folder: string, schema: z.ZodType): Promise<Set<string>> {
  const fingerprint = schemaFingerprint(schema);
  if (!fingerprint) return new Set();
  const path = `${folder}${VALIDATED_SUFFIX}`;
  // Sealed like the records when a key is set; one this key cannot open (or plain) only means checking everything.
  const text = await readFile(path, 'utf8')
    .then(
      (read) => openText(read.trim(), path),
      () => '',
    )
    .catch(() => '');
  const [first, ...digests] = text.split('\n');
  return first === fingerprint ? new Set(digests.filter(Boolean)) : new Set();
}

/** Notes the digests of contents known valid; if it cannot be written, the next load checks everything. */
export async function writeValidated(folder: string, schema: z.ZodType, digests: Iterable<string>): Promise<void> {
  const fingerprint = schemaFingerprint(schema);
  if (!fingerprint) return;
  const list = `${fingerprint}\n${[...digests].join('\n')}\n`;
  await writeFileDurably(`${folder}${VALIDATED_SUFFIX}`, sealText(list)).catch(() => undefined);
}

/**
 * A temp file is a write that never completed, so it was never acknowledged. A recent one
 * may belong to another process writing right now (the bot while a CLI runs), unless the
 * process named in it is gone.
 */
export async function removeStaleTemps(folder: string, temps: string[]): Promise<void> {
  for (const entry of temps) {
    const path = join(folder, entry);
    const age = Date.now() - (await stat(path)).mtimeMs;
    if (age > STALE_TEMP_MS || !writerAlive(Number(/\.(\d+)\.\d+\.tmp$/.exec(entry)?.[1]))) await unlink(path).catch(() => undefined);
  }
}

/**
 * One record file's text, read at once: a case read on demand is a small file, mostly in the
 * page cache, and a synchronous read of it costs a tenth of an asynchronous one (no trips
 * through the thread pool). Undefined when there is no such file.
 */
export function readRecordTextNow(path: string): string | undefined {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw unreadable(path, error);
  }
  return openText(raw, path);
}

function unreadable(path: string, error: unknown): StoreError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EISDIR') return new StoreError(path, 'is a folder where a data file belongs: move it away');
  return new StoreError(path, `cannot be read (${code ?? (error as Error).message})`);
}

export async function readRecordFile(path: string): Promise<{ text: string; size: number; mtimeMs: number }> {
  let raw: string;
  let size: number;
  let mtimeMs: number;
  try {
    [raw, { size, mtimeMs }] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
  } catch (error) {
    throw unreadable(path, error);
  }
  return { text: openText(raw, path), size, mtimeMs };
}

/** A file this store checked before, in this very content: parsed, not checked again. */
export function parseTrusted<T>(text: string): { value: T; migrated: boolean } | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return isObject(value) && typeof value.id === 'string' ? { value: value as unknown as T, migrated: false } : undefined;
  } catch {
    return undefined;
  }
}

export function idOfHeld(held: unknown): string {
  return isObject(held) && typeof held.id === 'string' ? held.id : '';
}

export function digestOf(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

const fingerprints = new WeakMap<object, string | null>();

/**
 * What the schema accepts, as JSON Schema, with the stored-data version: a changed schema
 * has another fingerprint, so nothing checked against the old one is trusted. A check that
 * JSON Schema cannot express (a refinement) changes with SCHEMA_VERSION only.
 */
export function schemaFingerprint(schema: z.ZodType): string | undefined {
  if (!fingerprints.has(schema)) {
    try {
      const shape = JSON.stringify(z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }));
      fingerprints.set(schema, `v${SCHEMA_VERSION} ${digestOf(shape)}`);
    } catch {
      fingerprints.set(schema, null);
    }
  }
  return fingerprints.get(schema) ?? undefined;
}

/** Plain ids keep their name; others (Teams ids with ':' or '/') are hashed. */
export function fileNameFor(id: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/.test(id) ? `${id}.json` : `h-${createHash('sha256').update(id).digest('hex')}.json`;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A record file's text parsed and checked against `schema` (after `migrate`); a StoreError names what is wrong. */
export function parseRecord<T>(
  path: string,
  text: string,
  schema: z.ZodType<T>,
  collection: string,
  migrate?: (record: Record<string, unknown>) => Record<string, unknown>,
): { value: T; migrated: boolean } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new StoreError(path, `is not valid JSON (${(error as Error).message})`);
  }
  const input = migrate && isObject(raw) ? migrate(raw) : raw;
  const result = schema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new StoreError(path, `does not match the ${collection} schema at "${issue.path.join('.') || '(root)'}": ${issue.message}`);
  }
  return { value: result.data, migrated: input !== raw };
}

/** Replaces a record's file with `content` (synced; compaction syncs the folder); its size and time after. */
export async function writeRecordText(file: string, content: string): Promise<{ size: number; mtimeMs: number }> {
  await replaceSynced(file, content);
  const { size, mtimeMs } = await stat(file);
  return { size, mtimeMs };
}

export async function removeRecordFile(file: string): Promise<void> {
  await unlink(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}

/** A record file read at start, and the digest to trust next time (none when checking changed something). */
export interface LoadedRecord<T> {
  value: T;
  size: number;
  mtimeMs: number;
  migrated: boolean;
  trustedDigest?: string;
}

/**
 * Reads record files a few at a time, each checked against the schema unless its content is in
 * `trusted`, and yields them as read, so the caller need not keep them all. In name order, so
 * the file named in an error is the same on every start.
 */
export async function* readRecordFiles<T extends { id: string }>(
  folder: string,
  entries: readonly string[],
  schema: z.ZodType<T>,
  collection: string,
  trusted: ReadonlySet<string>,
  migrate?: (record: Record<string, unknown>) => Record<string, unknown>,
): AsyncGenerator<LoadedRecord<T>> {
  for (let i = 0; i < entries.length; i += IO_PARALLEL) {
    const chunk = entries.slice(i, i + IO_PARALLEL);
    const read = await Promise.all(chunk.map((entry) => readRecordFile(join(folder, entry))));
    for (const [n, entry] of chunk.entries()) {
      const path = join(folder, entry);
      const { text, size, mtimeMs } = read[n]!;
      const digest = digestOf(text);
      const trustedRecord = trusted.has(digest) ? parseTrusted<T>(text) : undefined;
      const record = trustedRecord ?? parseRecord(path, text, schema, collection, migrate);
      if (fileNameFor(record.value.id) !== entry) throw new StoreError(path, `holds record "${record.value.id}", which belongs in another file`);
      const value = deepFreeze(record.value);
      // Trusted next time only when checking changes nothing (no default filled in, no key dropped).
      const unchanged = !record.migrated && (trustedRecord !== undefined || JSON.stringify(value) === text);
      yield { value, size, mtimeMs, migrated: record.migrated, trustedDigest: unchanged ? digest : undefined };
    }
  }
}

// The embedded JSON store under DATA_DIR: meta.json (schema version, through lowdb), a
// folder of one-file-per-record collections, and the audit log.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import type { Repositories } from '../domain/ports.js';
import { SCHEMA_VERSION } from '../domain/schemas.js';
import { DurableJsonFile } from './durableFile.js';
import { StoreError } from './errors.js';
import { FileAuditLog } from './fileAuditLog.js';
import { FileCaseCollection } from './fileCaseCollection.js';
import { FileCollection } from './fileCollection.js';
import { COLLECTION_NAMES, COLLECTION_SCHEMAS, MIGRATIONS, migrationFor, type CollectionName, type Migration } from './migrations.js';

const MetaSchema = z.object({ schemaVersion: z.number().int().positive(), createdAt: z.string() });
type Meta = z.infer<typeof MetaSchema>;

export type { Repositories };

export interface OpenOptions {
  schemaVersion?: number;
  migrations?: Record<number, Migration>;
}

export class JsonStore {
  private constructor(
    readonly dataDir: string,
    readonly repositories: Repositories,
    private readonly collections: FileCollection<{ id: string }>[],
    private readonly auditLog: FileAuditLog,
  ) {}

  /**
   * Opens DATA_DIR, creating it when new; migrates older data; validates every file.
   * Throws StoreError naming the file and the problem, having changed nothing, when a file
   * is corrupt, invalid or from a newer version.
   */
  static async open(dataDir: string, options: OpenOptions = {}): Promise<JsonStore> {
    const targetVersion = options.schemaVersion ?? SCHEMA_VERSION;
    const metaFile = join(dataDir, 'meta.json');
    const meta = new Low<Meta | null>(new DurableJsonFile(metaFile), null);
    try {
      await meta.read();
    } catch (error) {
      throw new StoreError(metaFile, `is not valid JSON (${(error as Error).message})`);
    }
    const storedVersion = await storedSchemaVersion(dataDir, metaFile, meta.data, targetVersion);
    if (storedVersion > targetVersion) {
      throw new StoreError(metaFile, `has schema version ${storedVersion}, newer than this bot's ${targetVersion}: update the bot`);
    }

    const collections = Object.fromEntries(COLLECTION_NAMES.map((name) => [name, collectionFor(name, join(dataDir, name))])) as Record<
      CollectionName,
      FileCollection<{ id: string }>
    >;
    // Validate everything before writing anything, so a bad file leaves the data untouched.
    const toRewrite: [FileCollection<{ id: string }>, { id: string }[]][] = [];
    for (const name of COLLECTION_NAMES) {
      const { migrated } = await collections[name].load(migrationFor(name, storedVersion, targetVersion, options.migrations ?? MIGRATIONS));
      toRewrite.push([collections[name], migrated]);
    }
    for (const [collection, records] of toRewrite) await Promise.all(records.map((record) => collection.put(record)));
    if (meta.data?.schemaVersion !== targetVersion) {
      meta.data = { schemaVersion: targetVersion, createdAt: meta.data?.createdAt ?? new Date().toISOString() };
      await meta.write();
    }

    const audit = new FileAuditLog(join(dataDir, 'audit'));
    await audit.open();
    const repositories = { ...collections, audit } as unknown as Repositories;
    return new JsonStore(dataDir, repositories, Object.values(collections), audit);
  }

  /**
   * Files every journal into the record files (and snapshots): after an erasure, no earlier
   * value of the erased records is left in a journal.
   */
  async compact(): Promise<void> {
    await Promise.all(this.collections.map((c) => c.compact()));
  }

  /** Resolves once every acknowledged and pending change is on disk. */
  async flush(): Promise<void> {
    await Promise.all(this.collections.map((c) => c.flush()));
    await this.auditLog.flush();
  }

  async close(): Promise<void> {
    await Promise.all(this.collections.map((c) => c.close()));
    await this.auditLog.flush();
    await this.auditLog.close();
  }
}

/**
 * Dialog state changes on nearly every turn and no one reads it by hand: its journal and
 * snapshot hold it, without a file per conversation to write through each time.
 */
const WITHOUT_RECORD_FILES: ReadonlySet<CollectionName> = new Set(['botState']);

/** A collection of the store, as the store opens it. */
export function collectionFor(name: CollectionName, folder: string): FileCollection<{ id: string }> {
  if (name === 'cases') return new FileCaseCollection(folder) as unknown as FileCollection<{ id: string }>;
  return new FileCollection(name, folder, COLLECTION_SCHEMAS[name], {}, { recordFiles: !WITHOUT_RECORD_FILES.has(name) });
}

async function storedSchemaVersion(dataDir: string, metaFile: string, meta: unknown, newStoreVersion: number): Promise<number> {
  if (meta === null) {
    // No meta.json: a new store, unless collections exist, which means meta.json was lost.
    const existing = await readdir(dataDir).catch(() => [] as string[]);
    if (existing.some((entry) => (COLLECTION_NAMES as readonly string[]).includes(entry))) {
      throw new StoreError(metaFile, 'is missing but the folder holds data: restore it from a backup');
    }
    return newStoreVersion;
  }
  const parsed = MetaSchema.safeParse(meta);
  if (!parsed.success) throw new StoreError(metaFile, `does not match the meta schema: ${parsed.error.issues[0]!.message}`);
  return parsed.data.schemaVersion;
}

// Atomic, durable file writes: temp file + fsync + rename + fsync of the folder, so a crash
// leaves either the old or the new content, and a resolved write survives a power cut.
import { open, rename, unlink, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Adapter } from 'lowdb';

let tempCounter = 0;

/** Writes `content` to a temp file beside `file` and syncs it; returns the temp path. */
export async function writeSyncedTemp(file: string, content: string): Promise<string> {
  const temp = `${file}.${process.pid}.${++tempCounter}.tmp`;
  await writeSynced(temp, async (write) => {
    await write(content);
  });
  return temp;
}

/**
 * Creates `path` with what `produce` writes (in pieces, so a large file is never whole in
 * memory) and syncs it; on failure the file is removed.
 */
export async function writeSynced(path: string, produce: (write: (text: string) => Promise<unknown>) => Promise<void>): Promise<void> {
  const handle = await open(path, 'w', 0o600);
  try {
    await produce((text) => handle.write(text));
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(path).catch(() => undefined);
    throw error;
  }
  await handle.close();
}

export async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Replaces `file` with `content`, synced, by temp file and rename; the folder is not synced (the caller syncs it, once for many files). */
export async function replaceSynced(file: string, content: string): Promise<void> {
  const temp = await writeSyncedTemp(file, content);
  try {
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

export async function writeFileDurably(file: string, content: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await replaceSynced(file, content);
  await syncFolder(dirname(file));
}

/** A lowdb adapter for one JSON document with durable writes (lowdb's own never fsyncs). */
export class DurableJsonFile<T> implements Adapter<T> {
  constructor(private readonly file: string) {}

  async read(): Promise<T | null> {
    const { readFile } = await import('node:fs/promises');
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return JSON.parse(text) as T;
  }

  async write(data: T): Promise<void> {
    await writeFileDurably(this.file, JSON.stringify(data, null, 2));
  }
}

// `npm run data -- encrypt|rotate-key`: encryption of the store at rest. `encrypt` turns a
// plain store into one under ENLACE_DATA_KEY; `rotate-key` re-encrypts it from ENLACE_DATA_KEY
// to ENLACE_NEW_DATA_KEY. Both can be cut off at any point and run again; both check the
// result by opening the store with the key it now needs. Run them with the bot stopped.
import { join } from 'node:path';
import { OutboxRecordSchema } from '../domain/followups/outbox.js';
import { DATA_KEY_VARIABLE, DataKeyError, dataKeyFrom, NEW_DATA_KEY_VARIABLE, useDataKeys, type DataKey } from '../store/encryption.js';
import { convertStore } from '../store/encryptionConversion.js';
import { StoreError } from '../store/errors.js';
import { FileCollection } from '../store/fileCollection.js';
import { jobRecords } from '../store/fileJobStore.js';
import { JsonStore } from '../store/jsonStore.js';

export const ENCRYPTION_COMMANDS = ['encrypt', 'rotate-key'] as const;

export const ENCRYPTION_USAGE = `  npm run data -- encrypt
      Encrypts every record file and the audit log under ${DATA_KEY_VARIABLE} (32 bytes,
      base64: openssl rand -base64 32). Safe to run again after a crash. Stop the bot first.
  npm run data -- rotate-key
      Re-encrypts everything from ${DATA_KEY_VARIABLE} to ${NEW_DATA_KEY_VARIABLE}; then put the
      new key in ${DATA_KEY_VARIABLE}. Safe to run again after a crash. Stop the bot first.`;

export async function runEncryptionCommand(command: string, dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let current: DataKey | undefined;
  let next: DataKey | undefined;
  try {
    current = dataKeyFrom(env);
    if (!current) throw new DataKeyError(`${DATA_KEY_VARIABLE} is not set: set it to the key (openssl rand -base64 32) and keep a copy somewhere safe`);
    if (command === 'rotate-key') {
      next = dataKeyFrom(env, NEW_DATA_KEY_VARIABLE);
      if (!next) throw new DataKeyError(`${NEW_DATA_KEY_VARIABLE} is not set: set it to the new key (openssl rand -base64 32)`);
      if (next.id === current.id) throw new DataKeyError(`${NEW_DATA_KEY_VARIABLE} is the same key as ${DATA_KEY_VARIABLE}`);
    }
  } catch (error) {
    if (!(error instanceof DataKeyError)) throw error;
    console.error(`Error: ${error.message}`);
    return 2;
  }
  const target = next ?? current;
  try {
    const result = await convertStore(dataDir, target, [current], (done, total) => console.log(`${done}/${total} files`));
    await checkOpens(dataDir, target);
    const what = command === 'encrypt' ? 'Encrypted' : 'Re-encrypted';
    console.log(`${what} ${result.converted} files under key ${target.id} (${result.alreadyDone} already were).`);
    if (result.leftAlone.length > 0) console.log(`Left as they are (not store files): ${result.leftAlone.join(', ')}`);
    console.log(
      command === 'encrypt'
        ? `Keep ${DATA_KEY_VARIABLE} set for the bot and every command, and keep a copy of the key apart from the data: without it nothing can be read.`
        : `Now put the new key in ${DATA_KEY_VARIABLE} (key ${target.id}) and remove ${NEW_DATA_KEY_VARIABLE}. Keep the old key until the bot has started with the new one.`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    console.error(
      `Error: the data file ${error.file} ${error.problem}. The conversion stopped there: every file is whole, under the old form or the new. Fix that file, then run it again.`,
    );
    return 1;
  }
}

/** Opens the store, the follow-up jobs and the outbox with only `key`, as the bot will. */
async function checkOpens(dataDir: string, key: DataKey): Promise<void> {
  useDataKeys(key);
  const store = await JsonStore.open(dataDir);
  await store.close();
  const jobs = jobRecords(join(dataDir, 'jobs'));
  await jobs.load();
  await jobs.close();
  const outbox = new FileCollection('outbox', join(dataDir, 'outbox'), OutboxRecordSchema);
  await outbox.load();
  await outbox.close();
}

// Encryption at rest (SPEC §5): with ENLACE_DATA_KEY set (32 bytes, base64), every record file
// and every audit line is written as AES-256-GCM ciphertext, with a fresh nonce per write and
// the key's id beside it. Reading refuses, naming the file, anything the key cannot open, and
// any plain file while a key is set, so a wrong or missing key stops the bot before it writes.
// The store calls sealText where it writes a record or an audit line and openText where it
// reads one; nothing else in the store knows about keys.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { StoreError } from './errors.js';

/** Sealed text: `enlace-aes256gcm:v1:<key id>:<nonce>:<ciphertext and tag>`, base64url, one line. */
const PREFIX = 'enlace-aes256gcm:v1:';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export const DATA_KEY_VARIABLE = 'ENLACE_DATA_KEY';
export const NEW_DATA_KEY_VARIABLE = 'ENLACE_NEW_DATA_KEY';

export interface DataKey {
  /** Derived from the key, so it can be stored in the clear and names the key in messages. */
  id: string;
  key: Buffer;
}

/** A key that is not 32 bytes of base64: the message says how to make one. */
export class DataKeyError extends Error {
  override name = 'DataKeyError';
}

/** The key in `value` (base64 of 32 bytes); throws DataKeyError naming `variable` otherwise. */
export function parseDataKey(value: string, variable = DATA_KEY_VARIABLE): DataKey {
  const text = value.trim();
  const key = Buffer.from(text, 'base64');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || key.length !== 32) {
    throw new DataKeyError(`${variable} must be 32 random bytes in base64 (make one with \`openssl rand -base64 32\`), not a value of ${key.length} bytes`);
  }
  return { id: keyIdOf(key), key };
}

export function keyIdOf(key: Buffer): string {
  return `k${createHash('sha256').update('enlace-data-key-id:').update(key).digest('hex').slice(0, 12)}`;
}

/** The key in the environment variable, or undefined when it is not set (encryption off). */
export function dataKeyFrom(env: NodeJS.ProcessEnv, variable = DATA_KEY_VARIABLE): DataKey | undefined {
  const value = env[variable];
  return value === undefined || value.trim() === '' ? undefined : parseDataKey(value, variable);
}

/** What the store writes with (none: plain) and what it can read (the writing key, and during a rotation the old one). */
interface KeyRing {
  writing: DataKey | undefined;
  readable: Map<string, DataKey>;
}

let ring: KeyRing | undefined;

/** Sets the keys for this process; without a call, ENLACE_DATA_KEY is read at first use. */
export function useDataKeys(writing: DataKey | undefined, alsoReadable: readonly DataKey[] = []): void {
  ring = { writing, readable: new Map([...alsoReadable, ...(writing ? [writing] : [])].map((key) => [key.id, key])) };
}

/** Drops the keys set, so ENLACE_DATA_KEY is read again at next use. */
export function forgetDataKeys(): void {
  ring = undefined;
}

function keyRing(): KeyRing {
  if (!ring) useDataKeys(dataKeyFrom(process.env));
  return ring!;
}

/** The key records are written with, if any. */
export function writingKey(): DataKey | undefined {
  return keyRing().writing;
}

export function isSealed(text: string): boolean {
  return text.startsWith(PREFIX);
}

/** The key id a sealed text names. */
export function sealedKeyId(text: string): string | undefined {
  return isSealed(text) ? text.slice(PREFIX.length).split(':')[0] : undefined;
}

/** `plain` encrypted under `key` (the writing key by default) with a fresh nonce; plain again when there is no key. */
export function sealText(plain: string, key: DataKey | undefined = writingKey()): string {
  if (!key) return plain;
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key.key, nonce);
  cipher.setAAD(Buffer.from(`${PREFIX}${key.id}`));
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${PREFIX}${key.id}:${nonce.toString('base64url')}:${sealed.toString('base64url')}`;
}

/**
 * The plain text of what was read from `file`. Throws StoreError, naming the file, when it is
 * sealed under a key not given, cannot be opened, or is plain while a key is set.
 */
export function openText(text: string, file: string, keys: KeyRing = keyRing()): string {
  if (!isSealed(text)) {
    if (keys.writing) {
      throw new StoreError(file, `is not encrypted, but ${DATA_KEY_VARIABLE} is set: encrypt the store first (\`npm run data -- encrypt\`), or unset the key`);
    }
    return text;
  }
  const [keyId, nonceText, sealedText] = text.slice(PREFIX.length).trim().split(':');
  const key = keys.readable.get(keyId ?? '');
  if (!key) {
    throw new StoreError(
      file,
      keys.writing
        ? `is encrypted under key ${keyId}, but ${DATA_KEY_VARIABLE} is key ${keys.writing.id}: set the key this store was encrypted with`
        : `is encrypted (key ${keyId}): set ${DATA_KEY_VARIABLE} to that key`,
    );
  }
  try {
    const nonce = Buffer.from(nonceText ?? '', 'base64url');
    const sealed = Buffer.from(sealedText ?? '', 'base64url');
    if (nonce.length !== NONCE_BYTES || sealed.length < TAG_BYTES) throw new Error('truncated');
    const decipher = createDecipheriv('aes-256-gcm', key.key, nonce);
    decipher.setAAD(Buffer.from(`${PREFIX}${key.id}`));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw new StoreError(file, `cannot be decrypted with key ${keyId}: it is damaged or was changed`);
  }
}

/** Opens `text` with exactly these keys (a conversion reads under old and new keys alike). */
export function openTextWith(text: string, file: string, readable: readonly DataKey[]): string {
  return openText(text, file, { writing: undefined, readable: new Map(readable.map((key) => [key.id, key])) });
}

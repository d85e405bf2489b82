import { randomBytes } from 'node:crypto';

/** Letters and digits that cannot be misread for one another (no 0/O, 1/I/L). */
export const READABLE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function randomReadable(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  // 248 is the largest multiple of 31 below 256: rejecting above it keeps the draw uniform.
  for (let i = 0; out.length < length; i++) {
    const byte = i < bytes.length ? bytes[i]! : randomBytes(1)[0]!;
    if (byte < 248) out += READABLE_ALPHABET[byte % READABLE_ALPHABET.length];
  }
  return out;
}

/** A short id such as `C-7K3QPA`, readable aloud and safe to type. */
export function newId(prefix: string): string {
  return `${prefix}-${randomReadable(6)}`;
}

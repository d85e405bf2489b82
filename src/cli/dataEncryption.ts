// `npm run data -- encrypt|rotate-key`: encryption of the store at rest.
export const ENCRYPTION_COMMANDS = [] as const;
export const ENCRYPTION_USAGE = '';
export async function runEncryptionCommand(_command: string, _dataDir: string): Promise<number> {
  return 2;
}

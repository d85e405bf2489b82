/** A data file that cannot be used as it is: the bot must stop and leave it untouched. */
export class StoreError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'StoreError';
  }
}

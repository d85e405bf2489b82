// The bot process on a clock set by the system, not by the code: libfaketime (Debian package
// `faketime`), preloaded into the entry point, shifts every clock reading of the process by
// a fixed offset, so it runs at normal speed from a chosen instant. The test itself runs on
// the real clock and maps real instants to the process's with the same offset.
import { access } from 'node:fs/promises';

const LIBRARY_CANDIDATES = [
  '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1',
  '/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1',
  '/usr/lib/faketime/libfaketime.so.1',
  '/usr/local/lib/faketime/libfaketime.so.1',
];

/** The path of libfaketime; fails with what to install when it is missing. */
export async function faketimeLibrary(): Promise<string> {
  for (const path of LIBRARY_CANDIDATES) {
    if (
      await access(path).then(
        () => true,
        () => false,
      )
    )
      return path;
  }
  throw new Error(
    `libfaketime is not installed (looked for ${LIBRARY_CANDIDATES.join(', ')}). Install the Debian package "faketime": apt-get install -y faketime`,
  );
}

/** A process clock a fixed offset from the real one; every process started with it shares it. */
export class ShiftedClock {
  private constructor(
    private readonly library: string,
    readonly offsetMs: number,
  ) {}

  /** A clock that reads `iso` at this moment, and runs on from it at normal speed. */
  static async readingNow(iso: string): Promise<ShiftedClock> {
    return new ShiftedClock(await faketimeLibrary(), Date.parse(iso) - Date.now());
  }

  /** What the shifted clock reads at the real instant `realMs` (now by default). */
  at(realMs: number = Date.now()): Date {
    return new Date(realMs + this.offsetMs);
  }

  /** The variables that put a child process on this clock (an offset in seconds, to the millisecond). */
  env(): Record<string, string> {
    const seconds = (Math.abs(this.offsetMs) / 1000).toFixed(3);
    return { LD_PRELOAD: this.library, FAKETIME: `${this.offsetMs < 0 ? '-' : '+'}${seconds}` };
  }
}

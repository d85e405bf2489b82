// Process logs: one JSON line per event, with ids and codes only, never names or notes.
export function log(event: string, fields: Record<string, string | number | boolean> = {}): void {
  if (process.env.ENLACE_QUIET === '1') return;
  process.stdout.write(`${JSON.stringify({ at: new Date().toISOString(), event, ...fields })}\n`);
}

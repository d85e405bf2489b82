// A worker's answers to the Spanish intake, from the menu choice to the priority (the bot
// then shows the summary; 'sí' confirms it). 'ayer' is confirmed back with 'sí'.
export const INTAKE_ES = [
  'nueva apertura',
  '2',
  'Familia García',
  '600 123 456',
  'español',
  'Europe/Madrid',
  'Centro de salud Norte',
  'ayer',
  'sí',
  'sí',
  'no',
  'fortalezas',
  'alta',
];

/** The index in INTAKE_ES after which the bot is asking for the client's time zone. */
export const ASKING_TIME_ZONE = 5;

/** Yesterday's date (YYYY-MM-DD) in a time zone, as the intake stores 'ayer'. */
export function yesterdayIn(timeZone: string, now = new Date()): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

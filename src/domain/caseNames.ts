// Naming a case by its client: «contacto carmen», «valoración ortega». Only the cases given
// (those the person may see) are searched.

function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

/** The words that name a client, without the small words around them («con», «el caso de»). */
export function nameWords(typed: string, fillers: ReadonlySet<string>): string[] {
  return words(typed).filter((w) => !fillers.has(w));
}

/**
 * The cases whose client name holds every word typed, each as the start of one of its words
 * («carm ortega» finds «Carmen Ortega Ruiz»). A name typed in full beats names it only starts.
 */
export function casesNamed<T extends { client: { name: string } }>(cases: readonly T[], typed: readonly string[]): T[] {
  if (typed.length === 0) return [];
  const holds = (name: string[], exact: boolean) => typed.every((w) => name.some((part) => (exact ? part === w : part.startsWith(w))));
  const whole = cases.filter((c) => holds(words(c.client.name), true));
  return whole.length > 0 ? whole : cases.filter((c) => holds(words(c.client.name), false));
}

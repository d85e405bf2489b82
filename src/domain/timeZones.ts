// Time zones as people name them: a city or a country (accents and case forgiven), or an
// IANA name. Countries that span several zones (Estados Unidos, Brasil…) are left out on
// purpose: the worker is asked for a city instead.
import { dateTimeFormat } from './formatters.js';

const ZONES_BY_PLACE: Record<string, string[]> = {
  'Europe/Madrid': [
    'madrid',
    'espana',
    'spain',
    'peninsula',
    'barcelona',
    'valencia',
    'sevilla',
    'seville',
    'zaragoza',
    'malaga',
    'bilbao',
    'murcia',
    'palma',
    'palma de mallorca',
    'baleares',
    'ceuta',
    'melilla',
  ],
  'Atlantic/Canary': [
    'canarias',
    'islas canarias',
    'canary islands',
    'las palmas',
    'las palmas de gran canaria',
    'gran canaria',
    'tenerife',
    'santa cruz de tenerife',
  ],
  'Europe/London': ['londres', 'london', 'reino unido', 'united kingdom', 'uk', 'inglaterra', 'england', 'gran bretana', 'great britain'],
  'Europe/Lisbon': ['lisboa', 'lisbon', 'portugal'],
  'Europe/Paris': ['paris', 'francia', 'france'],
  'Europe/Berlin': ['berlin', 'alemania', 'germany'],
  'Europe/Rome': ['roma', 'rome', 'italia', 'italy'],
  'Africa/Casablanca': ['marruecos', 'morocco', 'rabat', 'casablanca', 'tanger'],
  'America/Bogota': ['bogota', 'colombia', 'medellin', 'cali', 'barranquilla'],
  'America/Mexico_City': ['ciudad de mexico', 'mexico city', 'cdmx', 'mexico', 'mexico df', 'guadalajara', 'monterrey', 'puebla'],
  'America/Argentina/Buenos_Aires': ['buenos aires', 'argentina', 'cordoba argentina', 'rosario'],
  'America/Lima': ['lima', 'peru'],
  'America/Santiago': ['santiago', 'santiago de chile', 'chile'],
  'America/Caracas': ['caracas', 'venezuela'],
  'America/Guayaquil': ['quito', 'guayaquil', 'ecuador'],
  'America/La_Paz': ['la paz', 'bolivia', 'santa cruz de la sierra'],
  'America/Montevideo': ['montevideo', 'uruguay'],
  'America/Asuncion': ['asuncion', 'paraguay'],
  'America/Guatemala': ['guatemala', 'ciudad de guatemala'],
  'America/El_Salvador': ['san salvador', 'el salvador'],
  'America/Tegucigalpa': ['tegucigalpa', 'honduras'],
  'America/Managua': ['managua', 'nicaragua'],
  'America/Costa_Rica': ['costa rica', 'san jose de costa rica'],
  'America/Panama': ['panama', 'ciudad de panama', 'panama city'],
  'America/Havana': ['la habana', 'habana', 'havana', 'cuba'],
  'America/Santo_Domingo': ['santo domingo', 'republica dominicana', 'dominican republic'],
  'America/Puerto_Rico': ['puerto rico', 'san juan de puerto rico'],
  'America/New_York': ['nueva york', 'new york', 'nyc', 'miami', 'boston', 'washington'],
  'America/Chicago': ['chicago', 'houston', 'dallas'],
  'America/Los_Angeles': ['los angeles', 'san francisco'],
  'America/Sao_Paulo': ['sao paulo', 'rio de janeiro'],
};

const plain = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}/_+-]+/gu, ' ')
    .trim();

/** The IANA name as the runtime spells it («europe/madrid» → «Europe/Madrid»), if it is one. */
function canonicalZone(name: string): string | undefined {
  if (!name.includes('/')) return undefined;
  try {
    return dateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

// In the runtime's own spelling, so a city and the IANA name typed for it give the same zone.
const ZONE_BY_PLACE = new Map(Object.entries(ZONES_BY_PLACE).flatMap(([zone, places]) => places.map((place) => [place, canonicalZone(zone) ?? zone] as const)));

/**
 * The IANA time zone a typed answer names: an IANA name, or a city or country of the table,
 * alone or inside a few words («vive en Bogotá»); the longest place named wins («Santo
 * Domingo» over «Domingo»). Undefined when none is recognised.
 */
export function resolveTimeZone(typed: string): string | undefined {
  const trimmed = typed.trim();
  const iana = canonicalZone(trimmed);
  if (iana) return iana;
  const said = ` ${plain(trimmed)} `;
  let best: { zone: string; length: number } | undefined;
  for (const [place, zone] of ZONE_BY_PLACE) {
    if (said.includes(` ${place} `) && place.length > (best?.length ?? 0)) best = { zone, length: place.length };
  }
  return best?.zone;
}

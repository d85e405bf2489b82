// Measures in goal text: numbers, frequencies and checkable states (SMART: measurable). Pure functions.
import { fold, typedSpan, wholeWords, type Span } from './smartText.js';

// ---- measurable: numbers, frequencies, checkable states -----------------------------

const NUMBER_WORDS =
  'uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|doce|quince|veinte|treinta|cuarenta|cincuenta|cien' +
  '|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred';
const NUMBER = `\\d+(?:[.,]\\d+)?|${NUMBER_WORDS}`;
const PERIOD =
  'dias?|semanas?|mes|meses|anos?|quincenas?|mananas?|tardes?|noches?|lunes|martes|miercoles|jueves|viernes|sabados?|domingos?|fin de semana' +
  '|days?|weeks?|fortnights?|months?|years?|mornings?|evenings?|nights?|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|weekdays?|weekends?';
const PER = '(?:a la|al|a|por|per|cada|every|each|in a)';
const AMOUNT = `(?:${NUMBER})(?:\\s*(?:%|€|euros?))?`;

const MEASURES: RegExp[] = [
  // "5 currículos por semana", "3 veces al mes", "two job applications a week"
  wholeWords(`${AMOUNT}(?:\\s+[a-z']+){0,3}?\\s+${PER}\\s+(?:${PERIOD})`, 'g'),
  // "una vez por semana", "once a week", "twice a month"
  wholeWords(`(?:una|one)\\s+(?:vez|time)\\s+${PER}\\s+(?:${PERIOD})|(?:once|twice|thrice)\\s+(?:a|per|every|each)\\s+(?:${PERIOD})|twice`, 'g'),
  // "cada día", "cada 15 días", "every Monday", "todos los días"
  wholeWords(`(?:cada|every|each)\\s+(?:(?:${NUMBER})\\s+)?(?:${PERIOD})|tod[oa]s\\s+l[oa]s\\s+(?:${PERIOD})`, 'g'),
  wholeWords(
    'a diario|diariamente|semanalmente|mensualmente|quincenalmente|semanal(?:es)?|mensual(?:es)?|quincenal(?:es)?|daily|weekly|monthly|fortnightly|nightly',
    'g',
  ),
  // a plain count: "5 currículos", "800 €", "3 veces"
  wholeWords(`${AMOUNT}(?:\\s+(?!(?:de|del|a|al|en|la|el|los|las|por|con|y|of|the|to|in|for|and|towards)(?![a-z]))[a-z']+)?`, 'g'),
];

const MONTHS =
  'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre' +
  '|january|february|march|april|may|june|july|august|september|october|november|december';

// Dates, times and time spans hold numbers that are not a measure ("antes del 30 de
// junio", "in two weeks"): they are blanked out before looking for one.
const NOT_MEASURES = wholeWords(
  [
    '\\d{4}-\\d{1,2}-\\d{1,2}',
    '\\d{1,2}[/-]\\d{1,2}(?:[/-]\\d{2,4})?|\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}',
    `\\d{1,2}(?:st|nd|rd|th)?\\s+(?:de\\s+|of\\s+)?(?:${MONTHS})(?:,?\\s+(?:de\\s+)?\\d{4})?`,
    `(?:${MONTHS})\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?`,
    `(?:${MONTHS})(?:\\s+de)?\\s+\\d{4}`,
    '(?:19|20)\\d{2}',
    // "a las 10", but not "a las 4 citas"
    '\\d{1,2}:\\d{2}(?:\\s*(?:h|am|pm))?|\\d{1,2}\\s*(?:am|pm)|a las \\d{1,2}(?!\\s+(?!(?:h|horas|de la|y|en punto)(?![a-z]))[a-z])',
    `(?:en|dentro de|antes de|durante|hace|in|within|after|before|for|over)\\s+(?:(?:los|las|the|next|proximos|proximas)\\s+)?(?:${NUMBER}|un|una|a)\\s+(?:dias?|semanas?|mes(?:es)?|anos?|days?|weeks?|months?|years?)`,
  ].join('|'),
  'g',
);

/**
 * The number or frequency the text carries ("5 currículos por semana", "twice a week",
 * "cada día"), as typed, so the dialog can offer it as the target; null when none.
 * Dates and time spans do not count. Works for Spanish and English alike.
 */
export function findMeasure(text: string): string | null {
  const folded = fold(text);
  const searchable = folded.folded.replace(NOT_MEASURES, (date) => ' '.repeat(date.length));
  const spans: Span[] = [];
  for (const pattern of MEASURES) {
    for (const match of searchable.matchAll(pattern)) {
      spans.push({ start: match.index, end: match.index + match[0].length });
    }
  }
  if (spans.length === 0) return null;
  spans.sort((a, b) => a.start - b.start);
  // Overlapping or space-separated pieces are one measure: "5 currículos" + "cada semana".
  const first = { ...spans[0]! };
  for (const span of spans.slice(1)) {
    if (!/^\s*$/.test(searchable.slice(first.end, Math.max(first.end, span.start)))) break;
    first.end = Math.max(first.end, span.end);
  }
  return typedSpan(folded, first.start, first.end);
}

/** Whether the text carries a number or frequency (see `findMeasure`). */
export function hasMeasure(text: string): boolean {
  return findMeasure(text) !== null;
}

// States that are either true or not on a given day: "solicitud presentada", "enrolled".
const CHECKABLE_STATE = wholeWords(
  [
    '(?:presentad|entregad|realizad|completad|hech|firmad|enviad|registrad|inscrit|tramitad|solicitad|pedid|matriculad|empadronad' +
      '|finalizad|terminad|pagad|aportad|renovad|obtenid|concedid|aprobad|resuelt|abiert|cerrad|acreditad|gestionad|confirmad' +
      '|reservad|asistid|acudid|conseguid|logrado|cumplid|apuntad|recibid|asignad|emitid|notificad|instalad|llevad|rellenad|recogid|devuelt)[oa]s?',
    'de alta|dad[oa]s? de (?:alta|baja)|al dia|si\\s*/\\s*no|si o no',
    'submitted|done|completed?|signed|sent|filed|registered|enrolled|booked|attended|paid|finished|delivered|handed in|renewed' +
      '|obtained|granted|approved|opened|closed|confirmed|scheduled|achieved|received|assigned|issued|notified|installed|in place|up to date|yes\\s*/\\s*no|yes or no' +
      '|applied for|requested|returned|collected|made|held|filled in|handed in|called',
  ].join('|'),
);

// Papers and registrations whose existence can be checked: "tarjeta de demanda de empleo",
// "certificado de empadronamiento", "tenancy agreement".
export const DOCUMENT_NOUNS =
  'tarjetas?|certificados?|solicitud(?:es)?|documentos?|documentacion|dni|nie|tie|pasaporte|padron|empadronamiento|inscripcion|matricula|contratos?|cuenta bancaria|informes?|formularios?|declaracion|recurso|reclamacion|alta|demanda de empleo|citas?|curriculums?|curriculos?|cv|cvs|carne|carnet|permiso|libro de familia|resguardo|justificante|expediente|instancia|plan de pagos|acuerdo|papel|papeles|recibos?|facturas?' +
  '|cards?|certificates?|applications?|forms?|documents?|passport|id|registration|enrolment|enrollment|tenancy agreement|agreement|contract|bank account|reports?|claims?|appeal|appointments?|letters?|receipts?|licen[cs]e|permit|payment plan|paper|papers|bills?';
const DOCUMENT = wholeWords(DOCUMENT_NOUNS);

// Answers that say "yes, fine" without naming anything that could be checked.
const BARE_ANSWERS =
  /^(?:si|no|ok|okay|okey|vale|bien|muy bien|hecho|hecha|cumplido|cumplida|conseguido|conseguida|logrado|lograda|listo|lista|terminado|completado|mejor|yes|yeah|done|fine|good|well|better|achieved|completed|finished|ready|met|x)$/;

function isBareAnswer(text: string): boolean {
  return (
    BARE_ANSWERS.test(
      fold(text)
        .folded.replace(/[^a-z0-9 ]+/g, ' ')
        .trim(),
    ) || !/[a-z0-9]/.test(fold(text).folded)
  );
}

/** Whether a target can be checked: a number, a frequency, a yes/no state or a document. */
export function isMeasurableTarget(target: string): boolean {
  if (isBareAnswer(target)) return false;
  const folded = fold(target).folded;
  return hasMeasure(target) || CHECKABLE_STATE.test(folded) || DOCUMENT.test(folded);
}

/** Whether an indicator names something to look at; "sí", "hecho" or "ok" name nothing. */
export function isCheckableIndicator(indicator: string): boolean {
  return !isBareAnswer(indicator);
}

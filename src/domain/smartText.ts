// The language side of the SMART checks: finding vague verbs, outcomes in a third party's
// hands, and measures (numbers, frequencies, checkable states) in goals typed in Spanish or
// English. Accent- and case-insensitive, whole words only. Pure functions.
import type { Language } from './schemas.js';

// ---- text matching ------------------------------------------------------------------
// Goal text is matched lower-cased and without accents ("mejorará" → "mejorara"), keeping
// a map back to the typed text so a question can quote the worker's own words.

interface FoldedText {
  source: string;
  folded: string;
  /** For each character of `folded`, the index of the character of `source` it came from. */
  origin: number[];
}

export function fold(source: string): FoldedText {
  let folded = '';
  const origin: number[] = [];
  for (let i = 0; i < source.length; i++) {
    const plain = source[i]!.toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[’‘]/g, "'");
    for (const char of plain) {
      folded += char;
      origin.push(i);
    }
  }
  return { source, folded, origin };
}

/** The typed text behind `folded[start, end)`. */
function typedSpan(text: FoldedText, start: number, end: number): string {
  const from = text.origin[start] ?? 0;
  const to = end < text.origin.length ? text.origin[end]! : text.source.length;
  return text.source.slice(from, to).trim();
}

/** A pattern that only matches whole words of folded text. */
function wholeWords(body: string, flags = ''): RegExp {
  return new RegExp(`(?<![a-z0-9])(?:${body})(?![a-z0-9])`, flags);
}

interface Span {
  start: number;
  end: number;
}

function firstSpan(pattern: RegExp, folded: string): Span | null {
  const match = pattern.exec(folded);
  return match ? { start: match.index, end: match.index + match[0].length } : null;
}

// ---- specific: vague verbs ----------------------------------------------------------

// Regular endings (accents removed), enough to catch the usual tenses and the participle.
const AR_ENDINGS = [
  'ar',
  'o',
  'as',
  'a',
  'amos',
  'ais',
  'an',
  'e',
  'es',
  'emos',
  'eis',
  'en',
  'aba',
  'abas',
  'abamos',
  'aban',
  'are',
  'aras',
  'ara',
  'aremos',
  'aran',
  'aria',
  'arias',
  'ariamos',
  'arian',
  'ado',
  'ada',
  'ados',
  'adas',
  'ando',
  'aramos',
  'ase',
  'asen',
  'arse',
  'andose',
];
const ER_ENDINGS = [
  'er',
  'ir',
  'o',
  'es',
  'e',
  'emos',
  'imos',
  'eis',
  'en',
  'ia',
  'ias',
  'iamos',
  'ian',
  'i',
  'io',
  'ieron',
  'era',
  'eras',
  'eremos',
  'eran',
  'eria',
  'erian',
  'ido',
  'ida',
  'idos',
  'idas',
  'iendo',
  'a',
  'as',
  'amos',
  'an',
  'iera',
  'ieran',
  'iese',
  'iesen',
  'erse',
  'iendose',
];

function conjugated(stems: string[], endings: string[]): string {
  return `(?:${stems.join('|')})(?:${endings.join('|')})`;
}

interface VagueVerb {
  lemma: string;
  pattern: RegExp;
  /** An observable rewording to offer instead. */
  example: string;
}

function vague(lemma: string, body: string, example: string): VagueVerb {
  return { lemma, pattern: wholeWords(body), example };
}

// "Trabajar en" / "work on" are vague only about the person themself ("trabajar en su
// autoestima"); "trabajar en un restaurante" is a job, so only these objects count.
const ES_INNER_OBJECTS =
  'su|sus|mi|mis|tu|tus|si mism[oa]|ello|esto|eso|aspectos|habilidades|la mejora|autoestima|relaciones|actitud|conducta|emociones|confianza|motivacion|bienestar';
const EN_INNER_OBJECTS =
  'his|her|their|my|your|its|him|herself|himself|themselves|myself|yourself|oneself|it|this|that|self|personal|skills|issues|relationships?|attitude|behaviou?r|emotions|confidence|motivation|wellbeing|well-being|self-esteem';

const VAGUE_VERBS: Record<Language, VagueVerb[]> = {
  es: [
    // Not "mejores": far more often the adjective ("mejores condiciones") than the verb.
    vague(
      'mejorar',
      conjugated(
        ['mejor'],
        AR_ENDINGS.filter((ending) => ending !== 'es'),
      ),
      'acudir a las 4 citas de seguimiento',
    ),
    vague('entender', conjugated(['entend', 'entiend'], ER_ENDINGS), 'explicar con sus palabras los pasos de la solicitud'),
    vague('comprender', conjugated(['comprend'], ER_ENDINGS), 'explicar con sus palabras los pasos de la solicitud'),
    vague(
      'sentirse mejor',
      '(?:se\\s+)?(?:sent|sient|sint)[a-z]*\\s+(?:(?:mucho|algo|un poco)\\s+)?(?:mas\\s+)?(?:mejor|bien)',
      'salir a caminar 30 minutos 3 veces por semana',
    ),
    vague(
      'estar mejor',
      '(?:estar|esta|estan|este|esten|estara|estaran|estaria|estarian|estuviera|estuviese|estando|encontrarse|se encuentre)\\s+(?:(?:mucho|algo|un poco)\\s+)?(?:mejor|bien)',
      'salir a caminar 30 minutos 3 veces por semana',
    ),
    vague('aprender a valorar', `${conjugated(['aprend'], ER_ENDINGS)}\\s+a\\s+valorar(?:se|lo|la)?`, 'anotar cada día un logro propio'),
    vague(
      'ser consciente',
      '(?:ser|es|son|sea|sean|sera|seran|seria|fuera|siendo|sido|estar|este|esta|estara|hacerse|se haga)\\s+(?:mas\\s+)?conscientes?',
      'anotar cada semana 3 situaciones de riesgo',
    ),
    vague('tomar conciencia', `${conjugated(['tom'], AR_ENDINGS)}\\s+(?:mas\\s+)?(?:conciencia|consciencia)`, 'anotar cada semana 3 situaciones de riesgo'),
    vague('concienciarse', conjugated(['concienci', 'concientiz', 'concientic'], AR_ENDINGS), 'anotar cada semana 3 situaciones de riesgo'),
    vague('reflexionar', conjugated(['reflexion'], AR_ENDINGS), 'escribir qué quiere cambiar y comentarlo en la siguiente cita'),
    vague('intentar', conjugated(['intent'], AR_ENDINGS), 'llamar a 2 empresas cada semana'),
    vague('tratar de', `${conjugated(['trat'], AR_ENDINGS)}\\s+de`, 'llamar a 2 empresas cada semana'),
    vague('procurar', conjugated(['procur'], AR_ENDINGS), 'llamar a 2 empresas cada semana'),
    vague(
      'trabajar en',
      `${conjugated(['trabaj'], AR_ENDINGS)}\\s+en(?=\\s+(?:${ES_INNER_OBJECTS})(?![a-z]))`,
      'asistir a las 6 sesiones del taller de habilidades',
    ),
    vague('conocer', conjugated(['conoc', 'conozc'], ER_ENDINGS), 'nombrar 3 recursos del barrio y cómo contactar con ellos'),
    vague('fomentar', conjugated(['foment'], AR_ENDINGS), 'participar en una actividad del centro cívico cada semana'),
    vague('potenciar', conjugated(['potenci'], AR_ENDINGS), 'participar en una actividad del centro cívico cada semana'),
    vague('favorecer', conjugated(['favorec', 'favorezc'], ER_ENDINGS), 'participar en una actividad del centro cívico cada semana'),
    vague('fortalecer', conjugated(['fortalec', 'fortalezc'], ER_ENDINGS), 'participar en una actividad del centro cívico cada semana'),
  ],
  en: [
    vague('improve', 'improv(?:e|es|ed|ing)', 'attend all 4 follow-up appointments'),
    vague('understand', 'understand(?:s|ing)?|understood', 'explain the application steps in their own words'),
    vague('feel better', '(?:feel|feels|feeling|felt)\\s+(?:(?:much|a lot|a bit)\\s+)?(?:better|good|well)', 'go for a 30-minute walk 3 times a week'),
    vague('be better', '(?:be|is|are|being|get|gets|getting|got)\\s+(?:(?:much|a lot|a bit)\\s+)?better', 'go for a 30-minute walk 3 times a week'),
    vague(
      'be aware',
      '(?:be|is|are|am|being|been|become|becomes|became|becoming|get|gets|getting|grow|grows)\\s+(?:more\\s+)?(?:aware|conscious)',
      'write down 3 risk situations each week',
    ),
    vague(
      'raise awareness',
      '(?:raise|raises|raising|gain|gains|gaining|develop|develops|developing)\\s+(?:(?:more|greater|some)\\s+)?awareness',
      'write down 3 risk situations each week',
    ),
    vague('realise', 'reali[sz](?:e|es|ed|ing)', 'write down 3 risk situations each week'),
    vague('know', 'know|knows|knowing|knew', 'name 3 local services and how to contact them'),
    vague('learn about', 'learn(?:s|ed|t|ing)?\\s+(?:more\\s+)?about', 'name 3 local services and how to contact them'),
    vague('learn to value', 'learn(?:s|ed|t|ing)?\\s+to\\s+value', 'write down one personal achievement each day'),
    vague(
      'try to',
      '(?:try|tries|tried|trying)\\s+(?:to|and)|(?:attempt|attempts|attempted|attempting|strive|strives|striving|strove)\\s+to',
      'call 2 employers each week',
    ),
    vague('work on', `(?:work|works|worked|working)\\s+on(?=\\s+(?:${EN_INNER_OBJECTS})(?![a-z]))`, 'attend all 6 sessions of the skills workshop'),
    vague('reflect on', 'reflect(?:s|ed|ing)?\\s+(?:on|upon|about)', 'write down what they want to change and bring it to the next session'),
    vague(
      'promote',
      'promot(?:e|es|ed|ing)|enhanc(?:e|es|ed|ing)|strengthen(?:s|ed|ing)?|empower(?:s|ed|ing)?',
      'take part in one community centre activity each week',
    ),
  ],
};

export interface VagueVerbMatch {
  /** The words as typed ("mejorará", "feels better"). */
  found: string;
  /** The verb it is a form of ("mejorar", "feel better"). */
  lemma: string;
  /** An observable alternative to offer. */
  example: string;
}

/** The first vague (unobservable) verb in `text`, in any usual form; null when none. */
export function findVagueVerb(text: string, lang: Language): VagueVerbMatch | null {
  const folded = fold(text);
  let best: (VagueVerbMatch & Span) | null = null;
  for (const verb of VAGUE_VERBS[lang]) {
    const span = firstSpan(verb.pattern, folded.folded);
    if (span && (!best || span.start < best.start)) {
      best = { ...span, found: typedSpan(folded, span.start, span.end), lemma: verb.lemma, example: verb.example };
    }
  }
  return best && { found: best.found, lemma: best.lemma, example: best.example };
}

// ---- achievable: outcomes in a third party's hands ----------------------------------

export type OutcomeTopic = 'housing' | 'employment' | 'minimumIncome' | 'dayCentre' | 'benefit' | 'medicalAppointment' | 'other';

interface OwnStepRewrite {
  topic: OutcomeTopic;
  /** The outcome's noun phrase, in folded text. */
  noun: string;
  /** The client's own step towards it. */
  suggestion: string;
}

// Common social-services outcomes and the client's own step towards each. Checked in
// order, so "contrato de alquiler" is housing before "contrato" is employment.
const OWN_STEP_REWRITES: Record<Language, OwnStepRewrite[]> = {
  es: [
    {
      topic: 'housing',
      noun: 'viviendas?(?:\\s+(?:social|protegida|publica|digna))?|piso|casa|hogar|contrato de alquiler|alquiler social',
      suggestion: 'presentar la solicitud de vivienda',
    },
    {
      topic: 'employment',
      noun: 'empleo|trabajo|puesto de trabajo|oferta de (?:empleo|trabajo)|contrato(?:\\s+(?:de trabajo|laboral))?|contrat[a-z]+',
      suggestion: 'enviar 5 candidaturas a ofertas de empleo cada semana',
    },
    {
      topic: 'minimumIncome',
      noun: 'ingreso minimo vital|imv|renta minima(?:\\s+de insercion)?|renta garantizada|renta de insercion',
      suggestion: 'presentar la solicitud del ingreso mínimo vital con toda la documentación',
    },
    {
      topic: 'dayCentre',
      noun: '(?:plaza\\s+(?:en|de)\\s+(?:un\\s+|el\\s+)?)?centro de dia',
      suggestion: 'solicitar la plaza en el centro de día con el informe social',
    },
    {
      topic: 'benefit',
      noun: 'ayudas?|prestacion(?:es)?|subsidio|pension|beca|subvencion|bono social',
      suggestion: 'presentar la solicitud de la ayuda con toda la documentación',
    },
    {
      topic: 'medicalAppointment',
      noun: 'cita\\s+(?:medica|con\\s+(?:el|la)\\s+(?:medic[oa]|especialista)|en el centro de salud)',
      suggestion: 'pedir cita en el centro de salud',
    },
    {
      topic: 'other',
      noun: 'plaza|aprobacion|concesion|resolucion favorable|autorizacion|permiso de (?:residencia|trabajo)|nacionalidad',
      suggestion: 'presentar la solicitud con toda la documentación',
    },
  ],
  en: [
    {
      topic: 'housing',
      noun: 'social housing|council (?:house|flat|housing)|housing|flat|apartment|house|tenancy|accommodation',
      suggestion: 'submit the housing application',
    },
    { topic: 'employment', noun: 'job offer|job|employment(?:\\s+contract)?|work(?!\\s+permit)|hired|hire', suggestion: 'send 5 job applications a week' },
    {
      topic: 'minimumIncome',
      noun: 'minimum (?:living |vital )?income(?:\\s+\\(imv\\))?|imv|guaranteed (?:minimum )?income',
      suggestion: 'submit the minimum income (IMV) application with all documents',
    },
    {
      topic: 'dayCentre',
      noun: '(?:(?:place|spot|space)\\s+(?:at|in)\\s+(?:a\\s+|the\\s+)?)?day[- ]cent(?:re|er)(?:\\s+place)?',
      suggestion: 'apply for the day-centre place with the social report',
    },
    {
      topic: 'benefit',
      noun: 'benefits?|allowance|grant|subsidy|pension|financial (?:aid|support|help)|aid|universal credit|scholarship',
      suggestion: 'submit the benefit application with all documents',
    },
    {
      topic: 'medicalAppointment',
      noun: "(?:medical|doctor'?s|gp|specialist|hospital)\\s+appointment|appointment\\s+with\\s+(?:the\\s+|a\\s+)?(?:doctor|gp|specialist)",
      suggestion: 'call the health centre to book an appointment',
    },
    {
      topic: 'other',
      noun: 'approval|place|residence permit|work permit|permit|citizenship|authori[sz]ation',
      suggestion: 'submit the application with all supporting documents',
    },
  ],
};

// Verbs of receiving a result ("obtener vivienda"), which only count before an outcome
// noun; "conseguir ir al gimnasio" is the client's own doing.
const RESULT_VERBS: Record<Language, string> = {
  es:
    'obt(?:en|ien|uv|eng|endr)[a-z]*|consig[a-z]*|consegu[a-z]*|logr[a-z]*|encontr[a-z]*|encuentr[a-z]*|tener|tenga|tengan|tendra|tendria|tiene|tienen' +
    '|recib[a-z]*|cobr[a-z]*|percib[a-z]*|acced[a-z]*\\s+al?|dispon[a-z]*\\s+de|ser\\s+beneficiari[oa]\\s+de',
  en:
    'get|gets|getting|got|gotten|obtain(?:s|ed|ing)?|receiv(?:e|es|ed|ing)|secur(?:e|es|ed|ing)|find|finds|finding|found|land|lands|landed|landing' +
    '|win|wins|won|winning|gain(?:s|ed|ing)?|access(?:es|ed|ing)?|be\\s+given|qualif(?:y|ies|ied|ying)\\s+for',
};

// Words allowed between the verb and the noun ("conseguir una vivienda digna").
const FILLERS: Record<Language, string> = {
  es: '(?:(?:el|la|los|las|lo|un|una|unos|unas|su|sus|de|del|al|nuevo|nueva|otra|otro|mas|estable|digna|adecuada|social|protegida|publica|propia|definitiva|fija|alguna|algun|primera|primer)\\s+){0,3}',
  en: '(?:(?:a|an|the|his|her|their|its|my|your|some|new|stable|permanent|suitable|decent|social|public|council|full-time|part-time|paid|proper|own|steady|first)\\s+){0,3}',
};

// Decisions someone else makes ("que le concedan", "be granted"), whatever the noun.
const GRANTS: Record<Language, string> = {
  es: [
    '(?:se\\s+)?les?\\s+(?:conced|aprueb|aprob|otorg|adjudic|adjudiqu|asign|reconozc|reconoc|contrat|ofrezc|ofrec|financ)[a-z]*',
    '(?:que|se)\\s+les?\\s+(?:den|dan|de|daran|dieran|diesen|dara|da)(?!\\s+(?:bien|mal))',
    'que\\s+(?:la|lo|las|los)\\s+(?:contrat|acept|admit|seleccion)[a-z]*',
    '(?:ser|sea|sean|es|son|sera|seran|seria|fuera|sido|resulte|quede|queda)\\s+(?:concedid|aprobad|otorgad|adjudicad|contratad|aceptad|admitid|seleccionad|reconocid)[oa]s?',
    '(?:administracion|ayuntamiento|empresa|juzgado|seguridad social|inss|sepe)\\s+(?:le\\s+)?(?:aprueb|conced|otorg|contrat|adjudic|adjudiqu|reconoc|reconozc)[a-z]*',
  ].join('|'),
  en: [
    '(?:be|is|are|am|being|been|was|were|get|gets|getting|got)\\s+(?:granted|given|awarded|approved|allocated|assigned|accepted|admitted|hired|employed|offered|selected|rehoused|housed)',
    '(?:have|has|having)\\s+(?:the\\s+|his\\s+|her\\s+|their\\s+)?(?:application|claim|request)\\s+(?:approved|accepted|granted)',
    '(?:council|administration|authorit(?:y|ies)|employer|landlord|agency|department|court)\\s+(?:approves?|grants?|gives?|hires?|offers?|awards?|accepts?)',
  ].join('|'),
};

export interface ThirdPartyOutcome {
  /** The words as typed ("obtener una vivienda", "be granted"). */
  found: string;
  topic: OutcomeTopic;
  /** The client's own step to offer instead. */
  suggestion: string;
}

/** The first outcome in `text` that someone else decides, with the client's own step; null when none. */
export function findThirdPartyOutcome(text: string, lang: Language): ThirdPartyOutcome | null {
  const folded = fold(text);
  const rewrites = OWN_STEP_REWRITES[lang];
  const anyNoun = rewrites.map((r) => r.noun).join('|');

  // "obtener una vivienda": a result verb with its outcome noun names the topic directly.
  for (const rewrite of rewrites) {
    const span = firstSpan(wholeWords(`(?:${RESULT_VERBS[lang]})\\s+${FILLERS[lang]}(?:${rewrite.noun})`), folded.folded);
    if (span) return { found: typedSpan(folded, span.start, span.end), topic: rewrite.topic, suggestion: rewrite.suggestion };
  }

  // "que le concedan la ayuda", "be hired": the topic is whatever outcome the goal mentions.
  const grant = firstSpan(wholeWords(`(?:que\\s+)?(?:${GRANTS[lang]})(?:\\s+${FILLERS[lang]}(?:${anyNoun}))?`), folded.folded);
  if (!grant) return null;
  const topical = rewrites.find((r) => r.topic !== 'other' && wholeWords(r.noun).test(folded.folded)) ?? rewrites.find((r) => r.topic === 'other')!;
  return { found: typedSpan(folded, grant.start, grant.end), topic: topical.topic, suggestion: topical.suggestion };
}

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
  wholeWords(`${AMOUNT}(?:\\s+[a-z']+)?`, 'g'),
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
    '\\d{1,2}:\\d{2}(?:\\s*(?:h|am|pm))?|\\d{1,2}\\s*(?:am|pm)|a las \\d{1,2}',
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
      '|reservad|asistid|acudid|conseguid|logrado|cumplid|apuntad|recibid|asignad|emitid|notificad|instalad)[oa]s?',
    'de alta|dad[oa]s? de (?:alta|baja)|al dia|si\\s*/\\s*no|si o no',
    'submitted|done|completed?|signed|sent|filed|registered|enrolled|booked|attended|paid|finished|delivered|handed in|renewed' +
      '|obtained|granted|approved|opened|closed|confirmed|scheduled|achieved|received|assigned|issued|notified|installed|in place|up to date|yes\\s*/\\s*no|yes or no',
  ].join('|'),
);

/** Whether a target can be checked: a number, a frequency or a yes/no state. */
export function isMeasurableTarget(target: string): boolean {
  return hasMeasure(target) || CHECKABLE_STATE.test(fold(target).folded);
}

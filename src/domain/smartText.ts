// The language side of the SMART checks: matching goal text accent- and case-insensitively,
// whole words only, and finding vague verbs. Outcomes in a third party's hands are in
// smartOutcomes.ts, measures in smartMeasures.ts. Pure functions.
import type { Language } from './schemas.js';

// ---- text matching ------------------------------------------------------------------
// Goal text is matched lower-cased and without accents ("mejorará" → "mejorara"), keeping
// a map back to the typed text so a question can quote the worker's own words.

export interface FoldedText {
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
export function typedSpan(text: FoldedText, start: number, end: number): string {
  const from = text.origin[start] ?? 0;
  const to = end < text.origin.length ? text.origin[end]! : text.source.length;
  return text.source.slice(from, to).trim();
}

/** A pattern that only matches whole words of folded text. */
export function wholeWords(body: string, flags = ''): RegExp {
  return new RegExp(`(?<![a-z0-9])(?:${body})(?![a-z0-9])`, flags);
}

export interface Span {
  start: number;
  end: number;
}

export function firstSpan(pattern: RegExp, folded: string): Span | null {
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
      `${conjugated(['trabaj'], AR_ENDINGS)}\\s+en(?=\\s+(?:${ES_INNER_OBJECTS})(?![a-z]))` +
        // "trabajar la autoestima": the same, with the inner object straight after the verb
        `|${conjugated(['trabaj'], AR_ENDINGS)}(?=\\s+(?:la|el|las|los|su|sus)\\s+(?:autoestima|relaciones|relacion|actitud|conducta|emociones|confianza|motivacion|bienestar|habilidades|autonomia|comunicacion|vinculo)(?![a-z]))`,
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

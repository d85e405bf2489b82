// What a goal sentence already says, so the dialog asks only for the rest: "Ana enviará 3
// currículos por semana hasta el 31 de enero" names the actor (Ana), the target (3
// currículos por semana), an indicator (número de currículos enviados), the deadline and
// the need it answers (empleo). Pure functions.
import { parseNaturalDate } from './dates.js';
import type { Language, LifeDomain } from './schemas.js';
import { readClause } from './smartClause.js';
import { DOCUMENT_NOUNS, findMeasure } from './smartMeasures.js';
import { fold, typedSpan, wholeWords } from './smartText.js';

export interface GoalReading {
  /** The subject, when it is a person ("Ana", "la familia"). */
  actor?: string;
  indicator?: string;
  target?: string;
  /** `YYYY-MM-DD`, when the sentence names a date the parser reads. */
  deadline?: string;
  domain?: LifeDomain;
}

export interface ReadingContext {
  lang: Language;
  timeZone: string;
  now: Date;
}

// Where a deadline starts: "hasta el 31 de enero", "antes del viernes", "by 4 December".
const DEADLINE_LEADS: Record<Language, RegExp> = {
  es: wholeWords(
    '(?:hasta|antes de|antes del|para el|para finales de|para fin de|a mas tardar el|como (?:muy )?tarde el|no mas tarde del?|dentro de|en\\s+(?:las?\\s+|los\\s+)?(?:proxim[ao]s\\s+)?(?:\\d+|dos|tres|cuatro|cinco|seis|ocho|diez|doce|un|una)\\s+(?:dias|semanas?|mes(?:es)?))',
  ),
  en: wholeWords(
    '(?:by|before|until|till|no later than|within|by the end of|in\\s+(?:the next\\s+)?(?:\\d+|two|three|four|five|six|eight|ten|twelve|a)\\s+(?:days|weeks?|months?))',
  ),
};

/** The deadline phrase of the sentence and the date it names; null when there is none. */
function readDeadline(text: string, context: ReadingContext): { start: number; date?: string } | null {
  const folded = fold(text);
  const lead = DEADLINE_LEADS[context.lang].exec(folded.folded);
  if (!lead) return null;
  const start = lead.index;
  const phrase = typedSpan(folded, start, folded.folded.length).replace(/[.!]+$/, '');
  const reading = parseNaturalDate(phrase, context.lang, context.timeZone, context.now, 'future');
  return reading.ok ? { start, date: reading.date } : null;
}

/** The sentence without its deadline phrase, as typed. */
function withoutDeadline(text: string, context: ReadingContext): string {
  const deadline = readDeadline(text, context);
  if (!deadline) return text;
  return typedSpan(fold(text), 0, deadline.start);
}

/** Reads actor, indicator, target, deadline and need from a goal sentence. */
export function readGoalSentence(text: string, context: ReadingContext): GoalReading {
  const { lang } = context;
  const clause = readClause(text, lang);
  const deadline = readDeadline(text, context);
  const body = withoutDeadline(text, context);
  const measures = measuresOf(body, lang);
  const domain = domainOf(text);
  return {
    ...(clause.subject && !clause.subjectIsThirdParty ? { actor: clause.subject } : {}),
    ...measures,
    ...(deadline?.date ? { deadline: deadline.date } : {}),
    ...(domain ? { domain } : {}),
  };
}

/**
 * The action of a sentence, without its actor, measure and deadline: a rewritten goal with
 * the same action keeps the indicator and target already agreed; another action does not.
 */
export function actionOf(text: string, context: ReadingContext): string {
  const body = withoutDeadline(text, context);
  const clause = readClause(body, context.lang);
  const measure = findMeasure(body);
  const action = clause.folded.folded.slice(clause.verbStart);
  return (measure ? action.replace(fold(measure).folded, ' ') : action).replace(/[^a-z0-9]+/g, ' ').trim();
}

// ---- indicator and target ------------------------------------------------------------

const NUMBER_TOKEN =
  /^(?:\d+(?:[.,]\d+)?|uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|doce|quince|veinte|treinta|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty)$/;
const NOT_COUNTED =
  /^(?:€|veces|vez|times|time|minutos|minutes|horas|hours|hora|hour|dias|days|semanas|weeks|meses|months|euros|euro|a|al|por|cada|per|every|each|de|of|la|las|los|el|the)$/;

const CHANGE_VERBS: Record<Language, RegExp> = {
  es: /^(?:aument|reduc|reduz|incrementa|disminu|baj|rebaj|recort|sub|limit|ampli)[a-z]*$/,
  en: /^(?:increase|increases|reduce|reduces|cut|cuts|decrease|decreases|lower|lowers|limit|limits|raise|raises)$/,
};
const REGISTRATIONS_ES: Record<string, string> = {
  inscrib: 'inscripción hecha',
  empadron: 'empadronamiento hecho',
  matricul: 'matrícula hecha',
  apunt: 'inscripción hecha',
};
const REGISTRATIONS_EN: Record<string, string> = { enrol: 'enrolment done', register: 'registration done', sign: 'registration done' };

function measuresOf(body: string, lang: Language): Pick<GoalReading, 'indicator' | 'target'> {
  const clause = readClause(body, lang);
  if (!clause.verb) return {};
  const typedRest = typedSpan(clause.folded, clause.verbStart, clause.folded.folded.length);
  const measure = findMeasure(body);
  const participle = lang === 'es' ? spanishParticiple(clause.verb) : englishParticiple(clause.verb);

  if (measure) {
    // "50 € de la deuda cada mes": the amount and its frequency are one target.
    const after = body.slice(body.indexOf(measure) + measure.length);
    const frequency = findMeasure(after);
    const target = frequency && !findMeasure(measure)?.match(/\b(?:por|al|a la|cada|a|per|every|each)\b/) ? `${measure} ${frequency}` : measure;
    const tokens = measure.split(/\s+/);
    const at = tokens.findIndex((token) => NUMBER_TOKEN.test(fold(token).folded));
    const noun = at >= 0 ? tokens[at + 1] : undefined;
    if (noun && !NOT_COUNTED.test(fold(noun).folded)) {
      const counted = participle ? `${noun} ${agree(participle, noun, lang)}` : noun;
      return { indicator: lang === 'es' ? `número de ${counted}` : `number of ${counted}`, target };
    }
    // "enviará currículos cada semana": how many is not said.
    const bare = /^([a-z]+s)\s/.exec(clause.rest);
    if (at < 0 && bare && !/^(?:las|los|sus|mis|his|hers|its|this|es|is)$/.test(bare[1]!) && !/\bvez|once|twice\b/.test(fold(measure).folded)) {
      const noun = typedRest.trim().split(/\s+/)[1] ?? bare[1]!;
      return { indicator: lang === 'es' ? `número de ${noun}` : `number of ${noun}` };
    }
    const action = typedRest
      .replace(measure, ' ')
      .replace(frequency && target !== measure ? frequency : measure, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    return { indicator: action || typedRest, target };
  }

  if (CHANGE_VERBS[lang].test(clause.verb)) return typedRest.trim() ? { indicator: objectOf(typedRest, lang) } : {};

  const document = documentHead(typedRest, lang);
  if (document) {
    return { indicator: document, target: participle ? `${document} ${agree(participle, document, lang)}` : document };
  }
  const registrations = lang === 'es' ? REGISTRATIONS_ES : REGISTRATIONS_EN;
  const registration = Object.keys(registrations).find((stem) => clause.verb.startsWith(stem));
  if (registration) return { indicator: typedRest.trim(), target: registrations[registration]! };

  // "Que Luis esté inscrito en el SEPE": a register one is on, or not.
  const onRegister = ON_REGISTER[lang].exec(clause.rest);
  if (ON_REGISTER_VERB[lang].test(clause.verb) && onRegister) {
    const state = objectOf(typedRest, lang);
    return { indicator: state, target: state };
  }
  // "Solicitar el bono social", "hablar con la tutora": done once, by the date, or not.
  const once = ONE_OFF[lang].find(([verb]) => verb.test(clause.verb) && !/^[a-z]+s\s/.test(clause.rest));
  if (once && clause.rest) {
    const object = objectOf(typedRest, lang).replace(/^(?:for|to|with|con|a|al)\s+(?:(?:the|a|an|his|her|their|el|la|los|las|su|sus)\s+)?/i, '');
    const done = once[1] ?? (participle ? agree(participle, object, lang) : null);
    if (done) return { indicator: typedRest.trim(), target: once[1] ? done : `${object} ${done}` };
  }
  return {};
}

// Verbs of a single, dated step: a request, a payment, a call. With their result when the
// participle would not read ("hablar con la tutora" → "conversación hecha").
const ONE_OFF: Record<Language, [RegExp, string?][]> = {
  es: [
    [/^(?:solicit|ped|pid|present|tramit|entreg|firm|renov|pag|reserv|rellen|recog|llev)[a-z]*$/],
    [/^(?:habl|reun)[a-z]*$/, 'conversación hecha'],
    [/^llam[a-z]*$/, 'llamada hecha'],
  ],
  en: [
    [/^(?:apply|request|submit|sign|renew|pay|book|fill|return|collect)$/],
    [/^(?:talk|speak|meet)$/, 'conversation held'],
    [/^(?:call|phone|ring)$/, 'call made'],
  ],
};
const ON_REGISTER_VERB: Record<Language, RegExp> = {
  es: /^(?:estar|este|esten|estara|estaran|esta|estan|quedar|quede|quedara)$/,
  en: /^(?:be|is|are|get|gets)$/,
};
const ON_REGISTER: Record<Language, RegExp> = {
  es: /^(?:inscrit|empadronad|matriculad|registrad|apuntad|dad)[oa]s?(?![a-z])/,
  en: /^(?:registered|enrolled|signed up|on the register)(?![a-z])/,
};

/** What the verb acts on, without a leading article: "las deudas con el banco" → "deudas con el banco". */
function objectOf(typedRest: string, lang: Language): string {
  const words = typedRest.trim().split(/\s+/).slice(1).join(' ');
  return words.replace(lang === 'es' ? /^(?:el|la|los|las|su|sus|un|una)\s+/i : /^(?:the|a|an|his|her|their)\s+/i, '') || typedRest.trim();
}

/**
 * A paper or appointment the action is about ("el certificado de empadronamiento",
 * "the housing benefit application"), as typed; null when the object is none of those.
 */
function documentHead(typedRest: string, lang: Language): string | null {
  const folded = fold(typedRest);
  if (lang === 'es') {
    const match = new RegExp(
      `^[a-z]+\\s+(?:a\\s+|en\\s+)?(?:(?:el|la|los|las|un|una|su|sus|al)\\s+)?((?:${DOCUMENT_NOUNS})(?:\\s+(?:de|del|de la|para)\\s+(?:(?:la|el|los|las|su)\\s+)?[a-z]+(?:\\s+(?:de|del)\\s+[a-z]+)?(?:\\s+(?:minimo vital|social|sanitaria|empleo|familia))?)?)(?![a-z])`,
    ).exec(folded.folded);
    if (!match) return null;
    const start = match.index + match[0].length - match[1]!.length;
    return typedSpan(folded, start, start + match[1]!.length);
  }
  const match = new RegExp(
    `^[a-z]+(?:\\s+(?:in|up for|for|to))?\\s+(?:(?:the|a|an|his|her|their)\\s+)?((?:[a-z'-]+\\s+){0,3}(?:${DOCUMENT_NOUNS}))(?![a-z])`,
  ).exec(folded.folded);
  if (!match) return null;
  const start = match.index + match[0].length - match[1]!.length;
  return typedSpan(folded, start, start + match[1]!.length);
}

// ---- participles, so an indicator reads "currículos enviados" ------------------------

const ES_IRREGULAR: Record<string, string> = {
  hacer: 'hech',
  poner: 'puest',
  decir: 'dich',
  escribir: 'escrit',
  abrir: 'abiert',
  devolver: 'devuelt',
  volver: 'vuelt',
  ver: 'vist',
  resolver: 'resuelt',
  cubrir: 'cubiert',
  romper: 'rot',
  imprimir: 'impres',
};
const ES_IRREGULAR_FUTURE: Record<string, string> = { hara: 'hacer', haran: 'hacer', pondra: 'poner', dira: 'decir' };

/** The participle stem ("enviad", "pedid", "hech") of a future or infinitive; null otherwise. */
function spanishParticiple(verb: string): string | null {
  const infinitive =
    ES_IRREGULAR_FUTURE[verb] ??
    /^([a-z]+?)(ar|er|ir)(?:se|lo|la|los|las|le|les)?$/.exec(verb)?.slice(1).join('') ??
    /^([a-z]+?)(ar|er|ir)(?:a|an|e|emos)$/.exec(verb)?.slice(1).join('');
  if (!infinitive || infinitive.length < 3) return null;
  if (ES_IRREGULAR[infinitive]) return ES_IRREGULAR[infinitive];
  if (infinitive === 'ir' || /^(?:acud|asist|ir)$/.test(infinitive.slice(0, -2))) return null;
  return infinitive.slice(0, -2) + (infinitive.endsWith('ar') ? 'ad' : 'id');
}

const EN_IRREGULAR: Record<string, string> = {
  send: 'sent',
  make: 'made',
  do: 'done',
  take: 'taken',
  give: 'given',
  get: 'got',
  write: 'written',
  bring: 'brought',
  pay: 'paid',
  find: 'found',
  hold: 'held',
  read: 'read',
  put: 'put',
  fill: 'filled in',
  apply: 'applied for',
  hand: 'handed in',
  submit: 'submitted',
  enrol: 'enrolled',
  plan: 'planned',
};

function englishParticiple(verb: string): string | null {
  if (EN_IRREGULAR[verb]) return EN_IRREGULAR[verb];
  if (/^(?:go|goes|attend|attends|walk|walks|be|have|feel|look|call|calls)$/.test(verb) || verb.length < 3) return null;
  if (verb.endsWith('e')) return `${verb}d`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ied`;
  return `${verb}ed`;
}

/** Agreement with the noun phrase: "solicitud presentada", "currículos enviados". */
function agree(stem: string, nounPhrase: string, lang: Language): string {
  if (lang === 'en') return stem;
  const head = fold(nounPhrase).folded.split(/\s+/)[0] ?? '';
  const plural = /[^s]s$|es$/.test(head) && !/(?:sis|mes)$/.test(head);
  const feminine = /(?:a|as|ion|iones|dad|dades|tud|tudes|umbre|sis)$/.test(head) && !/^(?:dia|dias|mapa|programa|problema)$/.test(head);
  return stem + (feminine ? 'a' : 'o') + (plural ? 's' : '');
}

// ---- the need a goal answers ---------------------------------------------------------

const DOMAIN_WORDS: [LifeDomain, string][] = [
  ['substanceUse', 'alcohol|drogas|consumo|cannabis|drinking|drugs|alcohol'],
  ['mentalHealth', 'salud mental|psicolog[a-z]*|psiquiatr[a-z]*|terapia|ansiedad|mental health|psycholog[a-z]*|therapy|counsell?ing|anxiety'],
  ['legal', 'custodia|juzgado|abogad[oa]|dni|nie|pasaporte|extranjeria|padron|empadron[a-z]*|custody|court|solicitor|passport|residence permit|id card'],
  [
    'income',
    'imv|ingreso minimo vital|renta|prestacion|subsidio|deudas?|facturas?|gastos|ahorr[a-z]*|cuenta bancaria|benefits?|debts?|arrears|budget|bank account|universal credit|bills?',
  ],
  ['housing', 'vivienda|alquiler|piso|desahucio|hipoteca|housing|flat|rent|tenancy|landlord'],
  ['employment', 'curriculos?|curriculums?|cvs?|empleo|trabajo|empresas?|entrevistas?|ofertas?|sepe|orientador[a]?|job|jobs|employers?|interviews?|job seeker'],
  ['childcare', 'crianza|escuela de padres|parenting|bedtime|a sus hijos|a los ninos|take her son|take his son|to school'],
  ['education', 'clases?|colegio|instituto|estudi[a-z]*|examen(?:es)?|deberes|curso|matricula|school|classes|exams?|homework|course|college'],
  ['health', 'medic[oa]|centro de salud|revision|gp|doctor|health centre|check-up'],
  ['food', 'banco de alimentos|comedor|food bank|meals'],
  ['socialSupport', 'barrio|vecinal|centro civico|asociacion|community centre|neighbourhood|volunteer'],
  ['dailyLiving', 'higiene|cocinar|limpieza de la casa|cook|cooking|hygiene'],
];

/** The need a goal's words point at, when they point at one. */
export function domainOf(text: string): LifeDomain | undefined {
  const folded = fold(text).folded;
  return DOMAIN_WORDS.find(([, words]) => wholeWords(words).test(folded))?.[0];
}

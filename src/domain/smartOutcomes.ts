// Goals whose outcome is in a third party's hands ("obtener vivienda"), with the client's own
// step to suggest instead (SMART: achievable). Pure functions.
import type { Language } from './schemas.js';
import { findThirdPartySubject } from './smartClause.js';
import { fold, typedSpan, wholeWords, firstSpan } from './smartText.js';

// ---- achievable: outcomes in a third party's hands ----------------------------------

export type OutcomeTopic = 'housing' | 'employment' | 'minimumIncome' | 'dayCentre' | 'benefit' | 'medicalAppointment' | 'custody' | 'other';

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
      topic: 'custody',
      noun: 'custodia|guarda y custodia|regimen de visitas|patria potestad',
      suggestion: 'pedir cita con la abogada de oficio y llevarle los papeles del caso',
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
      topic: 'custody',
      noun: 'custody|contact arrangements|visitation|parental responsibility',
      suggestion: 'book an appointment with the legal aid solicitor and bring the case papers',
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

  // "que le concedan la ayuda", "be hired", "que el juzgado le dé…": the topic is whatever
  // outcome the goal mentions.
  const grant = firstSpan(wholeWords(`(?:que\\s+)?(?:${GRANTS[lang]})(?:\\s+${FILLERS[lang]}(?:${anyNoun}))?`), folded.folded);
  const found = grant ? typedSpan(folded, grant.start, grant.end) : findThirdPartySubject(text, lang);
  if (!found) return null;
  const topical = rewrites.find((r) => r.topic !== 'other' && wholeWords(r.noun).test(folded.folded)) ?? rewrites.find((r) => r.topic === 'other')!;
  return { found, topic: topical.topic, suggestion: topical.suggestion };
}

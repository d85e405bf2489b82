// The shape of a goal sentence: who acts (a person, an institution, or nobody named, as in
// "presentar la solicitud") and the main verb with what follows it. On this the SMART
// checks tell an action from a state ("que Ana se sienta segura"), a skill without
// evidence ("aprenderá a gestionar sus emociones") and a decision that is someone else's
// ("que el juzgado le dé la custodia"). Pure functions.
import type { Language } from './schemas.js';
import { hasMeasure } from './smartMeasures.js';
import { type FoldedText, fold, typedSpan, wholeWords } from './smartText.js';

export interface GoalClause {
  folded: FoldedText;
  /** The subject as typed ("Ana", "la familia"), when the sentence names one. */
  subject?: string;
  /** The subject is an institution or another person deciding for the client. */
  subjectIsThirdParty: boolean;
  /** Where the main verb starts in `folded.folded`, after the subject and any clitic. */
  verbStart: number;
  /** The main verb, folded ("enviara", "sienta", "send"). */
  verb: string;
  /** Folded text after the main verb. */
  rest: string;
}

// People a goal may name as its actor besides a proper name.
const PERSON_NOUNS: Record<Language, string> = {
  es: '(?:el|la|los|las|su|sus)\\s+(?:familia|padre|madre|padres|progenitor(?:a|es)?|hij[oa]s?|menor(?:es)?|nin[oa]s?|chic[oa]s?|abuel[oa]s?|parejas?|herman[oa]s?|tutor(?:a)?|persona usuaria|usuari[oa]|cliente|joven|adolescente)|la unidad familiar|ambos progenitores',
  en: '(?:the|his|her|their)\\s+(?:family|father|mother|parents?|children|child|son|daughter|kids?|grandmother|grandfather|partner|brother|sister|client|young person)',
};

// Institutions and people whose decision a goal would otherwise wait on.
const THIRD_PARTIES: Record<Language, string> = {
  es: '(?:el|la|los|las)\\s+(?:juzgado|tribunal|juez|jueza|empresa|empresas|ayuntamiento|administracion|servicios sociales|sepe|inss|seguridad social|comunidad(?: autonoma)?|junta|consejeria|caser[oa]|propietari[oa]|arrendador(?:a)?|banco|colegio|instituto|escuela|medic[oa]|hospital|centro de salud|fiscalia|policia|oficina de extranjeria|extranjeria|inspeccion|comision|servicio de empleo|entidad)',
  en: '(?:the\\s+)?(?:court|judge|council|local authority|authorit(?:y|ies)|employer|company|landlord|bank|school|college|doctor|gp|hospital|job ?centre|dwp|social services|housing association|agency|home office|tribunal)',
};

const CLITICS: Record<Language, string> = {
  es: '(?:(?:no|se|le|les|lo|la|los|las|me|te|nos)\\s+){0,3}',
  en: '(?:(?:will|would|shall|should|must|can|could|is going to|are going to|is to|to|not|be able to|try to|also|then)\\s+){0,4}',
};

const INFINITIVE_ES = /^[a-zñ]*(?:ar|er|ir)(?:se|lo|la|los|las|le|les)?$/;

/** Reads the subject and the main verb of a goal sentence. */
export function readClause(text: string, lang: Language): GoalClause {
  const folded = fold(text);
  const source = folded.folded;
  let position = 0;
  const lead = /^\s*(?:que|that|para que)\s+/.exec(source);
  if (lead) position = lead[0].length;

  let subject: string | undefined;
  let subjectIsThirdParty = false;
  const after = source.slice(position);
  const institution = new RegExp(`^(?:${THIRD_PARTIES[lang]})(?![a-z])`).exec(after);
  const person = new RegExp(`^(?:${PERSON_NOUNS[lang]})(?![a-z])`).exec(after);
  const named = properName(text, folded, position, lang);
  if (institution) {
    subject = typedSpan(folded, position, position + institution[0].length);
    subjectIsThirdParty = true;
    position += institution[0].length;
  } else if (person) {
    subject = typedSpan(folded, position, position + person[0].length);
    position += person[0].length;
  } else if (named) {
    subject = typedSpan(folded, position, named);
    position = named;
  }
  const clitics = new RegExp(`^\\s*${CLITICS[lang]}`).exec(source.slice(position));
  position += clitics ? clitics[0].length : 0;
  const verb = /^[a-z']+/.exec(source.slice(position))?.[0] ?? '';
  return {
    folded,
    ...(subject ? { subject } : {}),
    subjectIsThirdParty,
    verbStart: position,
    verb,
    rest: source.slice(position + verb.length).trim(),
  };
}

/**
 * The end of a proper name that starts the sentence ("Ana", "Juan y Marta"), or null. A
 * capitalised first word is a name only when a verb follows it, so "Presentar la
 * solicitud" and "Submit the form" are not read as someone's name.
 */
function properName(text: string, folded: FoldedText, start: number, lang: Language): number | null {
  const from = folded.origin[start] ?? 0;
  const match = /^(\p{Lu}[\p{L}'-]*(?:\s+(?:y|and|e)\s+\p{Lu}[\p{L}'-]*|\s+\p{Lu}[\p{L}'.-]*){0,2})\s+(\S+)/u.exec(text.slice(from));
  if (!match) return null;
  const name = fold(match[1]!).folded;
  const next = fold(match[2]!).folded;
  const nameEnd = folded.origin.findIndex((origin) => origin >= from + match[1]!.length);
  const end = nameEnd === -1 ? folded.folded.length : nameEnd;
  if (lang === 'es') {
    if (INFINITIVE_ES.test(name) && !/^(?:se|no)$/.test(next) && !/(?:ra|ran|a|an|e|en)$/.test(next)) return null;
    if (INFINITIVE_ES.test(name) && /^(?:el|la|los|las|un|una|a|al|de|del|en|con|por|su|sus|cita|que)$/.test(next)) return null;
    return /^(?:que|para)$/.test(name) ? null : end;
  }
  return /^(?:will|would|shall|is|are|has|have|must|should|can|could|and|to|gets|goes|attends|sends|calls|pays|takes|does|makes)$/.test(next) ? end : null;
}

// ---- states, not actions -------------------------------------------------------------

const ES_CHECKABLE_PARTICIPLE = '(?:inscrit|empadronad|matriculad|registrad|apuntad|dad)[oa]s?|de alta|al corriente|al dia';
const EN_CHECKABLE_PARTICIPLE = 'registered|enrolled|signed up|on the register|up to date|booked';

// Words after "tener"/"have" that make it a state of life rather than a thing to show.
const ES_STATE_OBJECTS =
  'mas|menos|mayor|menor|mejor|mejores|buen|buena|buenos|buenas|una vida|una rutina|un entorno|una relacion|relaciones|estabilidad|seguridad|apoyo|confianza|autoestima|autonomia|bienestar|tranquilidad|calidad de vida|habitos|control';
const EN_STATE_OBJECTS =
  'more|less|fewer|a better|better|a more|a good|good|a stable|stable|a healthier|a happier|support|confidence|self-esteem|stability|control|a routine|a life';

const STATE_VERBS: Record<Language, RegExp> = {
  es: new RegExp(
    [
      `^(?:ser|sea|sean|sera|seran|seria|es|son|fuera)$`,
      `^(?:estar|este|esten|estara|estaran|esta|estan|estaria)$`,
      `^(?:sentir|sentirse|sienta|sientan|sentira|sentiran|siente|sienten|sentiria)$`,
      `^(?:encontrarse|verse|mostrarse|volverse)$`,
      `^(?:vivir|viva|vivan|vivira|viviran|vive|viven)$`,
    ].join('|'),
  ),
  en: /^(?:be|is|are|become|becomes|feel|feels|seem|seems|stay|stays|remain|remains|live|lives)$/,
};
const HAVE_VERBS: Record<Language, RegExp> = {
  es: /^(?:tener|tenga|tengan|tendra|tendran|tiene|tienen|tendria|contar|cuente|contara|disponer|disponga|dispondra|mantener|mantenga|mantendra)$/,
  en: /^(?:have|has|keep|keeps|enjoy|enjoys)$/,
};

export interface StateMatch {
  /** The words as typed ("se sienta más segura", "be a better parent"). */
  found: string;
}

/**
 * A goal that names how things should be instead of what someone will do: "que Ana se
 * sienta más segura", "tendrá una vida más estable", "be a better parent". Being on a
 * register ("estará empadronada", "be enrolled") is a checkable state, not this.
 */
export function findStateGoal(text: string, lang: Language): StateMatch | null {
  const clause = readClause(text, lang);
  const { verb, rest, folded, verbStart } = clause;
  if (!verb) return null;
  const checkable = new RegExp(`^(?:${lang === 'es' ? ES_CHECKABLE_PARTICIPLE : EN_CHECKABLE_PARTICIPLE})(?![a-z])`);
  const leadsALife = /^(?:llev[a-z]*|leads?|lead)$/.test(verb) && /^(?:una|a)\s+(?:[a-z]+\s+)?(?:vida|life)/.test(rest);
  // A passive ("ser concedida", "be granted") is someone else's decision, not a state;
  // "estar protegida" is a state.
  const passive =
    /^(?:ser|sea|sean|sera|seran|seria|es|son|fuera|be|is|are)$/.test(verb) &&
    /^(?:[a-z]+(?:ad|id)[oa]s?|[a-z]+ed|given|taken|paid|chosen)(?![a-z])/.test(rest);
  const isState =
    leadsALife ||
    (STATE_VERBS[lang].test(verb) && !checkable.test(rest) && !passive) ||
    (HAVE_VERBS[lang].test(verb) &&
      new RegExp(`^(?:(?:un|una|el|la|a|an|the|con|de)\\s+)?(?:${lang === 'es' ? ES_STATE_OBJECTS : EN_STATE_OBJECTS})(?![a-z])`).test(rest));
  if (!isState) return null;
  const clauseStart = verbStart - (folded.folded.slice(0, verbStart).match(/(?:(?:se|le|les|will|to)\s+)*$/)?.[0].length ?? 0);
  return { found: clip(typedSpan(folded, clauseStart, folded.folded.length)) };
}

// ---- skills without evidence ---------------------------------------------------------

const SKILL_PATTERNS: Record<Language, RegExp> = {
  es: wholeWords(
    [
      'aprend[a-z]*\\s+a',
      '(?:aprend|desarroll|adquir|adquier|entren|practic|refuerc|reforz)[a-z]*\\s+(?:(?:las?|los|sus|unas?|unos|nuevas?|mas)\\s+)?(?:habilidades|destrezas|competencias|herramientas|estrategias|habitos|pautas|recursos|tecnicas|capacidad(?:es)?)',
      '(?:gestion|manej|control|regul|canaliz)[a-z]*\\s+(?:(?:mejor|adecuadamente|sus|las|los|el|la|su)\\s+){0,2}(?:emociones|estres|ansiedad|ira|enfado|frustracion|impulsos|conflictos|conducta|comportamiento)',
    ].join('|'),
  ),
  en: wholeWords(
    [
      '(?:learn|learns|learning|learnt|learned)\\s+(?:to|how to)',
      '(?:develop|develops|developing|acquire|acquires|build|builds|gain|gains)\\s+(?:(?:new|better|more|his|her|their|some)\\s+)?(?:[a-z-]+\\s+)?(?:skills|strategies|habits|tools|techniques|abilities)',
      '(?:manage|manages|managing|control|controls|handle|handles|regulate|regulates)\\s+(?:(?:his|her|their|the|better)\\s+)?(?:emotions|anger|stress|anxiety|frustration|impulses|behaviou?r|temper|feelings)',
    ].join('|'),
  ),
};

/**
 * A skill ("aprenderá a gestionar sus emociones", "develop parenting skills") with nothing
 * that would show it has been learnt: no number, frequency or occasion to count.
 */
export function findSkillWithoutEvidence(text: string, lang: Language): StateMatch | null {
  const folded = fold(text);
  const match = SKILL_PATTERNS[lang].exec(folded.folded);
  if (!match || hasMeasure(text)) return null;
  return { found: clip(typedSpan(folded, match.index, folded.folded.length)) };
}

// ---- doing something "better" or "more" ----------------------------------------------

const COMPARATIVES: Record<Language, string> = { es: 'mejor|peor|mas|menos', en: 'better|worse|more|less' };

/**
 * An action qualified only by "mejor"/"más" ("cuidará mejor de sus hijos", "go out more"),
 * with no number to say how much better: as unobservable as "mejorar". The words as typed.
 */
export function findComparativeAction(text: string, lang: Language): string | null {
  const clause = readClause(text, lang);
  if (!clause.verb || hasMeasure(text)) return null;
  const match = new RegExp(`^(?:[a-z']+\\s+){0,3}?(?:${COMPARATIVES[lang]})(?![a-z])`).exec(clause.rest);
  if (!match) return null;
  const restStart = clause.folded.folded.indexOf(clause.rest, clause.verbStart);
  return typedSpan(clause.folded, clause.verbStart, restStart + match[0].length);
}

/** The subject and verb of a decision that is someone else's ("el juzgado le dé"), as typed. */
export function findThirdPartySubject(text: string, lang: Language): string | null {
  const clause = readClause(text, lang);
  if (!clause.subjectIsThirdParty || !clause.verb) return null;
  return clip(typedSpan(clause.folded, 0, clause.folded.folded.length).replace(/^(?:que|that)\s+/i, ''));
}

/** Long quotes are cut at six words: the question only needs to point at them. */
function clip(typed: string): string {
  const words = typed.replace(/[.!]+$/, '').split(/\s+/);
  return words.length > 6 ? `${words.slice(0, 6).join(' ')}…` : words.join(' ');
}

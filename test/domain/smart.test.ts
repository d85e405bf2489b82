import { describe, expect, it } from 'vitest';
import {
  CRITERION_LABEL_KEYS,
  DOMAIN_LABEL_KEYS,
  SMART_CRITERIA,
  checkSmartGoal,
  findMeasure,
  findThirdPartyOutcome,
  findVagueVerb,
  hasMeasure,
  isMeasurableTarget,
  isSmartGoal,
  type SmartContext,
  type SmartCriterion,
  type SmartGoalDraft,
  type SmartIssueCode,
  type SmartMessageKey,
} from '../../src/domain/smart.js';
import { allMessages, t } from '../../src/i18n/catalog.js';
import type { Language } from '../../src/domain/schemas.js';

// Every example below is a good goal with exactly one thing broken, so each row can say
// exactly which check fails. Dates: today is Thursday 15 January 2026; the plan ends on
// Thursday 30 April 2026.
const TODAY = '2026-01-15';
const PLAN_END = '2026-04-30';
const NEEDS = ['employment', 'housing', 'income', 'mentalHealth', 'health'] as const;

const context = (lang: Language, overrides: Partial<SmartContext> = {}): SmartContext => ({
  lang,
  today: TODAY,
  planEnd: PLAN_END,
  needs: [...NEEDS],
  ...overrides,
});

const goodGoal: Record<Language, SmartGoalDraft> = {
  es: {
    text: 'Ana enviará 5 currículos cada semana a ofertas de la bolsa de empleo municipal',
    actor: 'Ana',
    indicator: 'currículos enviados',
    target: '5 por semana',
    deadline: '2026-03-31',
    domain: 'employment',
    support: 'taller de empleo del ayuntamiento',
    obstacles: 'no tiene ordenador en casa',
  },
  en: {
    text: 'Ana will send 5 job applications a week through the council job board',
    actor: 'Ana',
    indicator: 'job applications sent',
    target: '5 a week',
    deadline: '2026-03-31',
    domain: 'employment',
    support: 'the council employment workshop',
    obstacles: 'no computer at home',
  },
};

interface Expected {
  criterion: SmartCriterion;
  code: SmartIssueCode;
  key: SmartMessageKey;
  /** Words the rendered question must show: the verb, suggestion or example it is about. */
  shows: string;
}

interface Row {
  name: string;
  lang: Language;
  draft: Partial<SmartGoalDraft>;
  context?: Partial<SmartContext>;
  expected: Expected | null;
}

const rows: Row[] = [
  // ---- Spanish ---------------------------------------------------------------------
  { name: 'a good goal', lang: 'es', draft: {}, expected: null },
  {
    name: 'a good goal about a support group',
    lang: 'es',
    draft: {
      text: 'Luis acudirá a 4 sesiones del grupo de apoyo del centro de salud mental',
      actor: 'Luis',
      indicator: 'sesiones asistidas',
      target: '4 sesiones',
      domain: 'mentalHealth',
    },
    expected: null,
  },
  {
    name: 'a good goal with a checkable state',
    lang: 'es',
    draft: { text: 'Ana presentará la solicitud de vivienda protegida', indicator: 'solicitud', target: 'solicitud presentada', domain: 'housing' },
    expected: null,
  },
  {
    name: 'a third-party outcome the worker chose to keep',
    lang: 'es',
    draft: { text: 'Ana obtendrá una vivienda social', indicator: 'vivienda', target: 'contrato firmado', domain: 'housing', thirdPartyAcknowledged: true },
    expected: null,
  },
  {
    name: 'vague verb: mejorará',
    lang: 'es',
    draft: { text: 'Ana mejorará su organización económica' },
    expected: { criterion: 'specific', code: 'vagueVerb', key: 'smart.askObservableVerb', shows: 'mejorará' },
  },
  {
    name: 'vague verb: se sienta mejor',
    lang: 'es',
    draft: { text: 'Que Ana se sienta mejor en su casa' },
    expected: { criterion: 'specific', code: 'vagueVerb', key: 'smart.askObservableVerb', shows: 'se sienta mejor' },
  },
  {
    name: 'vague verb: entenderá',
    lang: 'es',
    draft: { text: 'Ana entenderá los trámites del paro' },
    expected: { criterion: 'specific', code: 'vagueVerb', key: 'smart.askObservableVerb', shows: 'entenderá' },
  },
  {
    name: 'vague verb: tomará conciencia',
    lang: 'es',
    draft: { text: 'Ana tomará conciencia de sus gastos' },
    expected: { criterion: 'specific', code: 'vagueVerb', key: 'smart.askObservableVerb', shows: 'tomará conciencia' },
  },
  {
    name: 'vague verb: intentará',
    lang: 'es',
    draft: { text: 'Ana intentará buscar empleo' },
    expected: { criterion: 'specific', code: 'vagueVerb', key: 'smart.askObservableVerb', shows: 'intentará' },
  },
  {
    name: 'vague verb: trabajará en',
    lang: 'es',
    draft: { text: 'Ana trabajará en su autoestima' },
    expected: { criterion: 'specific', code: 'vagueVerb', key: 'smart.askObservableVerb', shows: 'trabajará en' },
  },
  {
    name: 'vague verb without accents, in capitals',
    lang: 'es',
    draft: { text: 'ANA COMPRENDERA SUS DERECHOS LABORALES' },
    expected: { criterion: 'specific', code: 'vagueVerb', key: 'smart.askObservableVerb', shows: 'COMPRENDERA' },
  },
  {
    name: 'no actor',
    lang: 'es',
    draft: { actor: undefined },
    expected: { criterion: 'specific', code: 'noActor', key: 'smart.askActor', shows: 'persona usuaria' },
  },
  {
    name: 'an actor that names nobody',
    lang: 'es',
    draft: { actor: 'Alguien' },
    expected: { criterion: 'specific', code: 'noActor', key: 'smart.askActor', shows: 'persona usuaria' },
  },
  {
    name: 'no indicator',
    lang: 'es',
    draft: { indicator: '  ' },
    expected: { criterion: 'measurable', code: 'noIndicator', key: 'smart.askIndicator', shows: 'indicador' },
  },
  {
    name: 'no target: the number in the sentence is offered',
    lang: 'es',
    draft: { target: undefined },
    expected: { criterion: 'measurable', code: 'noTarget', key: 'smart.askTarget', shows: '5 currículos cada semana' },
  },
  {
    name: 'a target that cannot be checked',
    lang: 'es',
    draft: { target: 'bastante mejor' },
    expected: { criterion: 'measurable', code: 'unmeasurableTarget', key: 'smart.askMeasurableTarget', shows: 'bastante mejor' },
  },
  {
    name: 'third party: obtener vivienda',
    lang: 'es',
    draft: { text: 'Ana obtendrá una vivienda social en el barrio', indicator: 'vivienda', target: 'contrato firmado', domain: 'housing' },
    expected: { criterion: 'achievable', code: 'thirdPartyOutcome', key: 'smart.askOwnStep', shows: 'presentar la solicitud de vivienda' },
  },
  {
    name: 'third party: que le concedan el IMV',
    lang: 'es',
    draft: { text: 'Que a Ana le concedan el ingreso mínimo vital', indicator: 'resolución', target: 'resolución recibida', domain: 'income' },
    expected: { criterion: 'achievable', code: 'thirdPartyOutcome', key: 'smart.askOwnStep', shows: 'solicitud del ingreso mínimo vital' },
  },
  {
    name: 'third party: plaza en centro de día',
    lang: 'es',
    draft: { text: 'Ana conseguirá plaza en el centro de día para su madre', indicator: 'plaza', target: 'plaza asignada', domain: 'health' },
    expected: { criterion: 'achievable', code: 'thirdPartyOutcome', key: 'smart.askOwnStep', shows: 'solicitar la plaza en el centro de día' },
  },
  {
    name: 'third party: conseguir trabajo',
    lang: 'es',
    draft: { text: 'Ana conseguirá un trabajo de media jornada' },
    expected: { criterion: 'achievable', code: 'thirdPartyOutcome', key: 'smart.askOwnStep', shows: 'candidaturas' },
  },
  {
    name: 'third party: cobrar una prestación',
    lang: 'es',
    draft: { text: 'Ana cobrará la prestación por desempleo', domain: 'income' },
    expected: { criterion: 'achievable', code: 'thirdPartyOutcome', key: 'smart.askOwnStep', shows: 'solicitud de la ayuda' },
  },
  {
    name: 'third party: que le den cita',
    lang: 'es',
    draft: { text: 'Ana logrará que le den cita con el especialista', domain: 'health' },
    expected: { criterion: 'achievable', code: 'thirdPartyOutcome', key: 'smart.askOwnStep', shows: 'pedir cita' },
  },
  // Support and obstacles are named when known (in the summary); they never hold a goal back.
  { name: 'no support nor obstacles yet', lang: 'es', draft: { support: '', obstacles: undefined }, expected: null },
  {
    name: 'state, not action: que se sienta más segura',
    lang: 'es',
    draft: { text: 'Que Ana se sienta más segura en casa' },
    expected: { criterion: 'specific', code: 'stateNotAction', key: 'smart.askAction', shows: 'se sienta más segura en casa' },
  },
  {
    name: 'skill without evidence: aprenderá a',
    lang: 'es',
    draft: { text: 'Ana aprenderá a gestionar sus emociones' },
    expected: { criterion: 'specific', code: 'skillWithoutEvidence', key: 'smart.askSkillEvidence', shows: 'aprenderá a gestionar sus emociones' },
  },
  {
    name: 'third party as the subject: el juzgado',
    lang: 'es',
    draft: { text: 'Que el juzgado le dé la custodia de sus hijos', domain: 'legal' },
    context: { needs: ['legal'] },
    expected: { criterion: 'achievable', code: 'thirdPartyOutcome', key: 'smart.askOwnStep', shows: 'abogada de oficio' },
  },
  {
    name: 'an indicator that names nothing: sí',
    lang: 'es',
    draft: { indicator: 'sí' },
    expected: { criterion: 'measurable', code: 'uncheckableIndicator', key: 'smart.askCheckableIndicator', shows: '«sí»' },
  },
  {
    name: 'a target that names nothing: hecho',
    lang: 'es',
    draft: { target: 'hecho' },
    expected: { criterion: 'measurable', code: 'unmeasurableTarget', key: 'smart.askMeasurableTarget', shows: '«hecho»' },
  },
  { name: 'a document as the target', lang: 'es', draft: { target: 'tarjeta de demanda de empleo' }, expected: null },
  {
    name: 'no domain',
    lang: 'es',
    draft: { domain: undefined },
    expected: { criterion: 'relevant', code: 'noDomain', key: 'smart.askDomain', shows: 'empleo, vivienda, ingresos' },
  },
  {
    name: 'a domain that is not an assessed need',
    lang: 'es',
    draft: { domain: 'legal' },
    expected: { criterion: 'relevant', code: 'notLinkedToNeed', key: 'smart.askLinkedNeed', shows: 'situación legal' },
  },
  {
    name: 'no assessed needs at all',
    lang: 'es',
    draft: {},
    context: { needs: [] },
    expected: { criterion: 'relevant', code: 'notLinkedToNeed', key: 'smart.askAssessmentFirst', shows: 'valoración' },
  },
  {
    name: 'no deadline',
    lang: 'es',
    draft: { deadline: undefined },
    expected: { criterion: 'timeBound', code: 'noDeadline', key: 'smart.askDeadline', shows: 'jueves, 12 de febrero de 2026' },
  },
  {
    name: 'a past deadline',
    lang: 'es',
    draft: { deadline: '2026-01-10' },
    expected: { criterion: 'timeBound', code: 'pastDeadline', key: 'smart.askFutureDeadline', shows: 'sábado, 10 de enero de 2026' },
  },
  {
    name: 'a deadline after the plan ends',
    lang: 'es',
    draft: { deadline: '2026-06-30' },
    expected: { criterion: 'timeBound', code: 'afterPlanEnd', key: 'smart.askDeadlineWithinPlan', shows: 'jueves, 30 de abril de 2026' },
  },
  { name: 'a deadline on the last day of the plan', lang: 'es', draft: { deadline: PLAN_END }, expected: null },

  // ---- English ---------------------------------------------------------------------
  { name: 'a good goal', lang: 'en', draft: {}, expected: null },
  {
    name: 'a good goal with a frequency',
    lang: 'en',
    draft: {
      text: 'Tom will take his medication every day and tick it on the chart',
      actor: 'Tom',
      indicator: 'days ticked',
      target: 'every day',
      domain: 'health',
    },
    expected: null,
  },
  {
    name: 'a good goal with a checkable state and no plan end',
    lang: 'en',
    draft: {
      text: 'Ana will submit the housing application',
      indicator: 'application',
      target: 'application submitted',
      domain: 'housing',
      deadline: '2026-12-01',
    },
    context: { planEnd: undefined },
    expected: null,
  },
  {
    name: 'a third-party outcome the worker chose to keep',
    lang: 'en',
    draft: { text: 'Ana will get housing', target: 'tenancy signed', domain: 'housing', thirdPartyAcknowledged: true },
    expected: null,
  },
  {
    name: 'vague verb: improve',
    lang: 'en',
    draft: { text: 'Ana will improve her budgeting' },
    expected: { criterion: 'specific', code: 'vagueVerb', key: 'smart.askObservableVerb', shows: 'improve' },
  },
  {
    name: 'vague verb: improving',
    lang: 'en',
    draft: { text: 'Improving Ana’s self-esteem' },
    expected: { criterion: 'specific', code: 'vagueVerb', key: 'smart.askObservableVerb', shows: 'Improving' },
  },
  {
    name: 'vague verb: feels better',
    lang: 'en',
    draft: { text: 'Ana feels better at home' },
    expected: { criterion: 'specific', code: 'vagueVerb', key: 'smart.askObservableVerb', shows: 'feels better' },
  },
  {
    name: 'vague verb: become more aware',
    lang: 'en',
    draft: { text: 'Ana will become more aware of her spending' },
    expected: { criterion: 'specific', code: 'vagueVerb', key: 'smart.askObservableVerb', shows: 'become more aware' },
  },
  {
    name: 'vague verb: understand',
    lang: 'en',
    draft: { text: 'Ana will UNDERSTAND her tenancy rights' },
    expected: { criterion: 'specific', code: 'vagueVerb', key: 'smart.askObservableVerb', shows: 'UNDERSTAND' },
  },
  {
    name: 'vague verb: learn about',
    lang: 'en',
    draft: { text: 'Ana will learn about local services' },
    expected: { criterion: 'specific', code: 'vagueVerb', key: 'smart.askObservableVerb', shows: 'learn about' },
  },
  {
    name: 'vague verb: try to',
    lang: 'en',
    draft: { text: 'Ana will try to look for work' },
    expected: { criterion: 'specific', code: 'vagueVerb', key: 'smart.askObservableVerb', shows: 'try to' },
  },
  {
    name: 'vague verb: working on',
    lang: 'en',
    draft: { text: 'Ana is working on her confidence' },
    expected: { criterion: 'specific', code: 'vagueVerb', key: 'smart.askObservableVerb', shows: 'working on' },
  },
  { name: 'no actor', lang: 'en', draft: { actor: '' }, expected: { criterion: 'specific', code: 'noActor', key: 'smart.askActor', shows: 'the client' } },
  {
    name: 'no indicator',
    lang: 'en',
    draft: { indicator: undefined },
    expected: { criterion: 'measurable', code: 'noIndicator', key: 'smart.askIndicator', shows: 'indicator' },
  },
  {
    name: 'no target: the frequency in the sentence is offered',
    lang: 'en',
    draft: { target: undefined },
    expected: { criterion: 'measurable', code: 'noTarget', key: 'smart.askTarget', shows: '5 job applications a week' },
  },
  {
    name: 'no target and nothing in the sentence to offer',
    lang: 'en',
    draft: { text: 'Ana will attend the debt advice sessions', target: undefined, domain: 'income' },
    expected: { criterion: 'measurable', code: 'noTarget', key: 'smart.askTarget', shows: '3 times a week' },
  },
  {
    name: 'a target that cannot be checked',
    lang: 'en',
    draft: { target: 'more confident' },
    expected: { criterion: 'measurable', code: 'unmeasurableTarget', key: 'smart.askMeasurableTarget', shows: 'more confident' },
  },
  {
    name: 'third party: get housing',
    lang: 'en',
    draft: { text: 'Ana will get housing near her children’s school', indicator: 'housing', target: 'tenancy signed', domain: 'housing' },
    expected: { criterion: 'achievable', code: 'thirdPartyOutcome', key: 'smart.askOwnStep', shows: 'submit the housing application' },
  },
  {
    name: 'third party: be hired',
    lang: 'en',
    draft: { text: 'Ana will be hired by a local shop' },
    expected: { criterion: 'achievable', code: 'thirdPartyOutcome', key: 'smart.askOwnStep', shows: 'send 5 job applications a week' },
  },
  {
    name: 'third party: be granted an allowance',
    lang: 'en',
    draft: { text: 'Ana will be granted the carer’s allowance', indicator: 'decision', target: 'decision received', domain: 'income' },
    expected: { criterion: 'achievable', code: 'thirdPartyOutcome', key: 'smart.askOwnStep', shows: 'benefit application' },
  },
  {
    name: 'third party: get approved for minimum income',
    lang: 'en',
    draft: { text: 'Ana will get approved for the minimum income', indicator: 'decision', target: 'decision received', domain: 'income' },
    expected: { criterion: 'achievable', code: 'thirdPartyOutcome', key: 'smart.askOwnStep', shows: 'minimum income (IMV) application' },
  },
  {
    name: 'third party: a doctor’s appointment',
    lang: 'en',
    draft: { text: 'Ana will get a doctor’s appointment', indicator: 'appointment', target: 'appointment booked', domain: 'health' },
    expected: { criterion: 'achievable', code: 'thirdPartyOutcome', key: 'smart.askOwnStep', shows: 'health centre' },
  },
  { name: 'no support nor obstacles yet', lang: 'en', draft: { support: ' ', obstacles: '' }, expected: null },
  {
    name: 'state, not action: be a better parent',
    lang: 'en',
    draft: { text: 'be a better parent' },
    expected: { criterion: 'specific', code: 'stateNotAction', key: 'smart.askAction', shows: 'be a better parent' },
  },
  {
    name: 'an indicator that names nothing: ok',
    lang: 'en',
    draft: { indicator: 'ok' },
    expected: { criterion: 'measurable', code: 'uncheckableIndicator', key: 'smart.askCheckableIndicator', shows: '“ok”' },
  },
  {
    name: 'no domain',
    lang: 'en',
    draft: { domain: undefined },
    expected: { criterion: 'relevant', code: 'noDomain', key: 'smart.askDomain', shows: 'employment, housing, income' },
  },
  {
    name: 'a domain that is not an assessed need',
    lang: 'en',
    draft: { domain: 'childcare' },
    expected: { criterion: 'relevant', code: 'notLinkedToNeed', key: 'smart.askLinkedNeed', shows: 'childcare and parenting' },
  },
  {
    name: 'no deadline',
    lang: 'en',
    draft: { deadline: undefined },
    expected: { criterion: 'timeBound', code: 'noDeadline', key: 'smart.askDeadline', shows: 'Thursday, 12 February 2026' },
  },
  {
    name: 'a deadline that is not a date',
    lang: 'en',
    draft: { deadline: '2026-02-30' },
    expected: { criterion: 'timeBound', code: 'noDeadline', key: 'smart.askDeadline', shows: 'Thursday, 12 February 2026' },
  },
  {
    name: 'a deadline of today',
    lang: 'en',
    draft: { deadline: TODAY },
    expected: { criterion: 'timeBound', code: 'pastDeadline', key: 'smart.askFutureDeadline', shows: 'Thursday, 15 January 2026' },
  },
  {
    name: 'a deadline after the plan ends',
    lang: 'en',
    draft: { deadline: '2026-05-01' },
    expected: { criterion: 'timeBound', code: 'afterPlanEnd', key: 'smart.askDeadlineWithinPlan', shows: 'Friday, 1 May 2026' },
  },
  {
    name: 'no deadline near the plan end: the plan end is offered',
    lang: 'en',
    draft: { deadline: undefined },
    context: { today: '2026-04-20' },
    expected: { criterion: 'timeBound', code: 'noDeadline', key: 'smart.askDeadline', shows: 'Thursday, 30 April 2026' },
  },
];

describe('checkSmartGoal: one broken thing per example goal', () => {
  it('has enough examples in both languages', () => {
    expect(rows.length).toBeGreaterThanOrEqual(40);
    expect(rows.filter((r) => r.lang === 'es').length).toBeGreaterThanOrEqual(20);
    expect(rows.filter((r) => r.lang === 'en').length).toBeGreaterThanOrEqual(20);
  });

  it.each(rows.map((row) => [`${row.lang}: ${row.name}`, row] as const))('%s', (_name, row) => {
    const draft = { ...goodGoal[row.lang], ...row.draft };
    const ctx = context(row.lang, row.context);
    const issues = checkSmartGoal(draft, ctx);

    if (row.expected === null) {
      expect(issues).toEqual([]);
      expect(isSmartGoal(draft, ctx)).toBe(true);
      return;
    }
    expect(isSmartGoal(draft, ctx)).toBe(false);
    expect(issues.map((i) => [i.criterion, i.code, i.question.key])).toEqual([[row.expected.criterion, row.expected.code, row.expected.key]]);

    const { key, params } = issues[0]!.question;
    const rendered = t(row.lang, key, params);
    expect(rendered).toContain(row.expected.shows);
    // Every param (the verb, the example, the suggestion…) reaches the worker.
    for (const value of Object.values(params)) expect(rendered).toContain(String(value));
    expect(rendered).not.toMatch(/\{\w+\}/);
    if (params.example !== undefined) expect(String(params.example).trim()).not.toBe('');
  });
});

describe('checkSmartGoal: several gaps', () => {
  it('lists every gap in the order of the questions: S, then a third party’s decision, then M, R, T', () => {
    const issues = checkSmartGoal({ text: 'Ana mejorará' }, context('es'));
    expect(issues.map((i) => i.code)).toEqual(['vagueVerb', 'noActor', 'noIndicator', 'noTarget', 'noDomain', 'noDeadline']);
    const thirdParty = checkSmartGoal({ text: 'Ana obtendrá una vivienda', actor: 'Ana' }, context('es'));
    expect(thirdParty.map((i) => i.code)).toEqual(['thirdPartyOutcome', 'noIndicator', 'noTarget', 'noDomain', 'noDeadline']);
    expect(SMART_CRITERIA).toEqual(['specific', 'measurable', 'achievable', 'relevant', 'timeBound']);
  });

  it('asks for the goal itself when the sentence is empty', () => {
    const issues = checkSmartGoal({ ...goodGoal.en, text: '   ' }, context('en'));
    expect(issues.map((i) => i.code)).toEqual(['noGoalText']);
    expect(t('en', issues[0]!.question.key, issues[0]!.question.params)).toContain('Ana will send 5 CVs a week');
  });

  it('reports both a vague verb and a third-party outcome in one sentence', () => {
    const issues = checkSmartGoal({ ...goodGoal.es, text: 'Ana intentará conseguir una vivienda', domain: 'housing' }, context('es'));
    expect(issues.map((i) => i.code)).toEqual(['vagueVerb', 'thirdPartyOutcome']);
  });

  it('offers observable examples for vague verbs', () => {
    for (const lang of ['es', 'en'] as const) {
      for (const text of lang === 'es'
        ? ['mejorar', 'entender', 'sentirse mejor', 'ser consciente', 'reflexionar', 'intentar', 'conocer', 'fomentar']
        : ['improve', 'understand', 'feel better', 'be aware', 'know', 'try to', 'reflect on', 'empower']) {
        const example = findVagueVerb(text, lang)?.example;
        expect(example, text).toBeTruthy();
        expect(findVagueVerb(example!, lang), `${text} → ${example}`).toBeNull();
      }
    }
  });
});

describe('findVagueVerb', () => {
  const found: [Language, string, string, string][] = [
    ['es', 'Que Ana mejore su situación', 'mejore', 'mejorar'],
    ['es', 'Ana mejoró mucho', 'mejoró', 'mejorar'],
    ['es', 'Mejorar la convivencia', 'Mejorar', 'mejorar'],
    ['es', 'Que comprenda el contrato', 'comprenda', 'comprender'],
    ['es', 'Que Ana esté mejor', 'esté mejor', 'estar mejor'],
    ['es', 'Que aprenda a valorarse', 'aprenda a valorarse', 'aprender a valorar'],
    ['es', 'Que sea más consciente de sus gastos', 'sea más consciente', 'ser consciente'],
    ['es', 'Que se conciencie del riesgo', 'conciencie', 'concienciarse'],
    ['es', 'Reflexionar sobre su consumo', 'Reflexionar', 'reflexionar'],
    ['es', 'Ana entiende sus derechos', 'entiende', 'entender'],
    ['en', 'She improves her routine', 'improves', 'improve'],
    ['en', 'Ana improved', 'improved', 'improve'],
    ['en', 'Ana will be aware of the risks', 'be aware', 'be aware'],
    ['en', 'Ana will know her rights', 'know', 'know'],
    ['en', 'Ana tried to call', 'tried to', 'try to'],
    ['en', 'Ana will feel much better', 'feel much better', 'feel better'],
  ];
  it.each(found)('%s: "%s" → "%s" (%s)', (lang, text, words, lemma) => {
    expect(findVagueVerb(text, lang)).toMatchObject({ found: words, lemma });
  });

  const notFound: [Language, string][] = [
    ['es', 'Ana presentará la solicitud de vivienda'],
    ['es', 'Ana buscará mejores ofertas de alquiler'], // the adjective, not the verb
    ['es', 'Ana trabajará en un restaurante del barrio'], // a job, not an inner goal
    ['es', 'Ana llamará al mejoramiento de barrios'], // whole words only
    ['en', 'Ana will submit the form'],
    ['en', 'Ana will join the improvement group'], // whole words only
    ['en', 'Ana will work on a building site'],
    ['en', 'Ana will attend the knowledge café'],
  ];
  it.each(notFound)('%s: nothing vague in "%s"', (lang, text) => {
    expect(findVagueVerb(text, lang)).toBeNull();
  });

  it('matches only the language asked', () => {
    expect(findVagueVerb('Ana will improve', 'es')).toBeNull();
    expect(findVagueVerb('Ana mejorará', 'en')).toBeNull();
  });
});

describe('findThirdPartyOutcome', () => {
  const outcomes: [Language, string, string, string][] = [
    ['es', 'Obtener una vivienda social', 'Obtener una vivienda social', 'presentar la solicitud de vivienda'],
    ['es', 'Ana encontrará trabajo', 'encontrará trabajo', 'candidaturas'],
    ['es', 'Que le concedan el IMV', 'Que le concedan el IMV', 'ingreso mínimo vital'],
    ['es', 'Cobrar el ingreso mínimo vital', 'Cobrar el ingreso mínimo vital', 'ingreso mínimo vital'],
    ['es', 'Que le den la ayuda de alquiler', 'Que le den la ayuda', 'solicitud de la ayuda'],
    ['es', 'Ser contratada por una empresa', 'Ser contratada', 'candidaturas'],
    ['es', 'Que le aprueben la solicitud', 'Que le aprueben', 'presentar la solicitud'],
    ['es', 'Conseguir una cita médica', 'Conseguir una cita médica', 'pedir cita'],
    ['en', 'Get housing', 'Get housing', 'submit the housing application'],
    ['en', 'She will find a job', 'find a job', 'job applications'],
    ['en', 'Get a job offer', 'Get a job offer', 'job applications'],
    ['en', 'Get a place at the day centre', 'Get a place at the day centre', 'day-centre place'],
    ['en', 'Obtain a residence permit', 'Obtain a residence permit', 'submit the application'],
    ['en', 'Have her claim approved', 'Have her claim approved', 'submit the application'],
  ];
  it.each(outcomes)('%s: "%s" → "%s", suggest "%s"', (lang, text, words, suggestion) => {
    const outcome = findThirdPartyOutcome(text, lang);
    expect(outcome?.found).toBe(words);
    expect(outcome?.suggestion).toContain(suggestion);
  });

  const ownSteps: [Language, string][] = [
    ['es', 'Presentar la solicitud de vivienda'],
    ['es', 'Conseguir ir al gimnasio dos veces por semana'],
    ['es', 'Se le da bien cocinar: preparará la cena 3 días por semana'],
    ['es', 'Buscar trabajo en el portal de empleo'],
    ['en', 'Submit the housing application'],
    ['en', 'Get to work on time every day'],
    ['en', 'Get up at 8 every morning'],
  ];
  it.each(ownSteps)('%s: "%s" is the client’s own step', (lang, text) => {
    expect(findThirdPartyOutcome(text, lang)).toBeNull();
  });

  it('always has a suggestion, even for outcomes outside the table', () => {
    expect(findThirdPartyOutcome('Que le reconozcan el grado de discapacidad', 'es')?.suggestion).toBeTruthy();
    expect(findThirdPartyOutcome('Be accepted onto the course', 'en')?.suggestion).toBeTruthy();
  });
});

describe('measures', () => {
  const measures: [string, string][] = [
    ['Ana enviará 5 currículos cada semana', '5 currículos cada semana'],
    ['Caminar 3 veces por semana', '3 veces por semana'],
    ['Acudirá tres veces a la semana', 'tres veces a la semana'],
    ['Tomará la medicación cada día', 'cada día'],
    ['Llamará a su hija todos los días', 'todos los días'],
    ['Ahorrar 50 € al mes', '50 € al mes'],
    ['Walk twice a week', 'twice a week'],
    ['Call two employers a week', 'two employers a week'],
    ['Take the medication every day', 'every day'],
    ['Send 5 job applications a week by 15 March 2026', '5 job applications a week'],
  ];
  it.each(measures)('"%s" carries "%s"', (text, measure) => {
    expect(findMeasure(text)).toBe(measure);
    expect(hasMeasure(text)).toBe(true);
  });

  const noMeasures = [
    'Mejorar su salud',
    'Presentar la solicitud antes del 30 de junio',
    'Una vez que tenga el DNI, pedirá cita',
    'Presentar la solicitud en dos semanas',
    'Once she has her ID, she will apply',
    'Submit the form in two weeks',
    'Call the landlord on 03/02/2026',
  ];
  it.each(noMeasures)('"%s" carries no measure', (text) => {
    expect(hasMeasure(text)).toBe(false);
    expect(findMeasure(text)).toBeNull();
  });

  const targets: [string, boolean][] = [
    ['5', true],
    ['3 veces por semana', true],
    ['cada día', true],
    ['solicitud presentada', true],
    ['sí/no', true],
    ['twice a week', true],
    ['application submitted', true],
    ['enrolled', true],
    ['yes/no', true],
    ['mejor', false],
    ['más autoestima', false],
    ['no mejora', false],
    ['more confident', false],
    ['better', false],
  ];
  it.each(targets)('target "%s" measurable: %s', (target, measurable) => {
    expect(isMeasurableTarget(target)).toBe(measurable);
  });
});

describe('smart catalog', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  const smartKeys = (lang: Language) => [...allMessages()[lang].keys()].filter((k) => k.startsWith('smart.')).sort();

  it('has every smart.* key in both languages, with the same placeholders', () => {
    expect(smartKeys('es').length).toBeGreaterThan(0);
    expect(smartKeys('en')).toEqual(smartKeys('es'));
    for (const key of smartKeys('es')) {
      const es = allMessages().es.get(key)!;
      const en = allMessages().en.get(key)!;
      expect(en.trim(), key).not.toBe('');
      expect(placeholders(en), key).toEqual(placeholders(es));
    }
  });

  it('has a label for every criterion and every life domain', () => {
    for (const key of [...Object.values(CRITERION_LABEL_KEYS), ...Object.values(DOMAIN_LABEL_KEYS)]) {
      expect(allMessages().es.has(key), key).toBe(true);
      expect(allMessages().en.has(key), key).toBe(true);
    }
  });

  it('speaks of SMART goals in the practice’s own terms', () => {
    expect(t('es', 'smart.askAssessmentFirst')).toContain('objetivo SMART');
    expect(t('es', 'smart.notSmartYet', { criteria: 'medible' })).toContain('SMART');
  });
});

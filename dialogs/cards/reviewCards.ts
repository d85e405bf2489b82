// The review and the closure as form cards: every answer of the step on one card, saved with
// one press. Each input is named by the field of the question it answers (prompts.ts
// `AskOptions.field`), so the dialog takes it as if typed and asks only what is missing or wrong.
import type { DomainLevel, Intensity, Language, LifeDomain, ManagementModel } from '../../src/domain/schemas.js';
import { domainLabel } from '../../src/domain/smart.js';
import { t, type MessageKey } from '../../src/i18n/catalog.js';
import { modelChoices } from '../choices.js';
import {
  type AdaptiveCard,
  type CardChoice,
  type CardElement,
  card,
  choiceSet,
  container,
  dateInput,
  heading,
  submit,
  textBlock,
  textInput,
} from './elements.js';

/** Marks a turn as the review form's: a date left blank takes the one the intensity proposes. */
export const REVIEW_FORM_MARK = 'reviewForm';

export interface ReviewFormData {
  caseId: string;
  name: string;
  /** Goal and task progress, as the typed review shows it. */
  progress: string;
  /** The last completed assessment's date and its rated domains, when there is one. */
  assessed?: { date: string; levels: readonly (readonly [LifeDomain, DomainLevel])[] };
  /** The last assessment had a safety concern: asked again. */
  askSafety: boolean;
  model: ManagementModel;
  intensity?: Intensity;
  /** Today, `YYYY-MM-DD`: the next review is after it. */
  today: string;
}

const LEVELS = ['1', '2', '3', '4', '5', 'na'] as const;
const DECISIONS = ['continue', 'changeApproach', 'close'] as const;
const INTENSITIES: Intensity[] = ['intensive', 'moderate', 'basic'];

export function reviewForm(lang: Language, token: string, data: ReviewFormData): AdaptiveCard {
  const say = (key: MessageKey, params?: Record<string, string | number>) => t(lang, key, params);
  const levels: CardChoice[] = LEVELS.map((value) => ({ title: say(`review.formLevel_${value}`), value }));
  const domains: CardElement[] = data.assessed
    ? [
        textBlock(say('review.formLevels', { date: data.assessed.date }), { weight: 'Bolder' }),
        ...data.assessed.levels.map(([domain, level]) =>
          choiceSet(`level_${domain}`, domainLabel(domain, lang), levels, { value: level === null ? 'na' : String(level) }),
        ),
      ]
    : [textBlock(say('review.formLevelsNone'), { isSubtle: true })];
  const yes = t(lang, 'common.yes');
  const no = t(lang, 'common.no');
  const safety = data.askSafety
    ? [
        choiceSet(
          'safety',
          say('review.formSafety'),
          [
            { title: yes, value: yes },
            { title: no, value: no },
          ],
          { value: yes, expanded: true },
        ),
      ]
    : [];
  const decisions = DECISIONS.map((value) => ({ title: say(`review.formDecision_${value}`), value }));
  const models = modelChoices(lang)
    .filter((c) => c.value !== data.model)
    .map((c) => ({ title: c.label, value: c.value }));
  const intensities = INTENSITIES.filter((i) => i !== data.intensity).map((value) => ({ title: say(`review.intensity_${value}`), value }));
  const body: CardElement[] = [
    heading(say('review.formTitle', { caseId: data.caseId, name: data.name })),
    container([textBlock(say('review.formGoals'), { weight: 'Bolder' }), textBlock(data.progress)], { separator: true }),
    container(domains, { separator: true }),
    container(
      [
        ...safety,
        choiceSet('decision', say('review.formDecision'), decisions, { value: 'continue', expanded: true, required: true }),
        textBlock(say('review.formApproach'), { isSubtle: true }),
        choiceSet('newModel', say('review.formNewModel'), models),
        choiceSet('newIntensity', say('review.formNewIntensity'), intensities),
        dateInput('nextReview', say('review.formNextReview'), { min: data.today }),
        textInput('note', say('review.formNote'), { multiline: true, maxLength: 4000 }),
      ],
      { separator: true },
    ),
  ];
  // «Guardar» answers the opening question and the final «¿guardo?» at once.
  const save = submit(say('review.formSave'), { token, field: 'review', also: { review: 'ok', [REVIEW_FORM_MARK]: 'ok', confirm: yes } }, 'positive');
  return card(body, [save], say('review.formTitle', { caseId: data.caseId, name: data.name }));
}

export interface ClosureFormData {
  caseId: string;
  name: string;
  goals: { id: string; text: string }[];
  referrals: { id: string; service: string }[];
  openTasks: number;
  reasons: CardChoice[];
  outcomes: CardChoice[];
  referralEnds: CardChoice[];
}

export function closureForm(lang: Language, token: string, data: ClosureFormData): AdaptiveCard {
  const say = (key: MessageKey, params?: Record<string, string | number>) => t(lang, key, params);
  const goals: CardElement[] =
    data.goals.length > 0
      ? [
          textBlock(say('closure.formGoals'), { weight: 'Bolder' }),
          ...data.goals.map((goal) => choiceSet(`outcome_${goal.id}`, goal.text, data.outcomes, { required: true })),
        ]
      : [textBlock(say('closure.noActiveGoals'), { isSubtle: true })];
  const referrals: CardElement[] =
    data.referrals.length > 0
      ? [
          textBlock(say('closure.formReferrals'), { weight: 'Bolder' }),
          ...data.referrals.map((referral) => choiceSet(`referralEnd_${referral.id}`, referral.service, data.referralEnds, { required: true })),
        ]
      : [];
  const body: CardElement[] = [
    heading(say('closure.formTitle', { caseId: data.caseId, name: data.name })),
    choiceSet('reason', say('closure.formReason'), data.reasons, { required: true }),
    textInput('reasonNote', say('closure.formReasonNote'), { maxLength: 1000 }),
    container(goals, { separator: true }),
    ...(referrals.length > 0 ? [container(referrals, { separator: true })] : []),
    textInput('summary', say('closure.formSummary'), { multiline: true, maxLength: 4000, required: true }),
    ...(data.openTasks > 0 ? [textBlock(say('closure.formOpenTasks', { count: data.openTasks }), { isSubtle: true })] : []),
  ];
  const save = submit(say('closure.formSave'), { token, field: 'reason', also: { confirm: t(lang, 'common.yes') } }, 'destructive');
  return card(body, [save], say('closure.formTitle', { caseId: data.caseId, name: data.name }));
}

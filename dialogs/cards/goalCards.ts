// The SMART goal as cards (SPEC §2 step 3, §6): one form with every part of the goal, and,
// when the rules find gaps, a card that says what is missing and why, with inputs for those
// parts only. The inputs are named by the fields the goal dialog reads (smartGoalSteps.ts).
import type { Language, LifeDomain } from '../../src/domain/schemas.js';
import { domainLabel } from '../../src/domain/smart.js';
import { t } from '../../src/i18n/catalog.js';
import { type AdaptiveCard, type CardElement, card, choiceSet, dateInput, facts, heading, submit, textBlock, textInput } from './elements.js';

/** The parts of a goal a card asks for, by the id of their input. */
export const GOAL_INPUTS = {
  text: 'goal',
  actor: 'actor',
  indicator: 'indicator',
  target: 'target',
  ownStep: 'ownStep',
  domain: 'need',
  deadline: 'deadline',
  support: 'support',
  obstacles: 'obstacles',
  agreement: 'agreement',
} as const;

export type GoalPart = keyof typeof GOAL_INPUTS;

/** GoalSchema's limits, so a card never takes more than the stored goal keeps. */
const LIMITS: Partial<Record<GoalPart, number>> = { text: 1000, ownStep: 1000, actor: 200, indicator: 500, target: 200, support: 500, obstacles: 500 };

export interface GoalFormFacts {
  name: string;
  caseId: string;
  /** The assessed needs a goal may answer. */
  needs: readonly LifeDomain[];
  /** The first day a deadline may fall on, and the plan's end when there is one (`YYYY-MM-DD`). */
  firstDay: string;
  planEnd?: string;
}

/** Every part of a new goal; «Guardar» answers the goal question and gives the rest as form answers. */
export function goalFormCard(lang: Language, token: string, goal: GoalFormFacts): AdaptiveCard {
  const parts: GoalPart[] = ['text', 'actor', 'indicator', 'target', 'deadline', 'domain', 'support', 'obstacles', 'agreement'];
  const intro = t(lang, 'smart.formIntro', { name: goal.name, caseId: goal.caseId });
  const body = [
    heading(intro),
    ...parts.map((part) => goalInput(lang, part, goal, { value: part === 'actor' ? goal.name : undefined, required: part === 'text' || part === 'agreement' })),
  ];
  return card(body, [saveAction(lang, token, 'text')], intro);
}

export interface CoachedGoal extends GoalFormFacts {
  /** What each gap is, in the order the rules find them: its criterion and the coaching question. */
  gaps: { criterion: string; why: string }[];
  /** The parts to fix, first the one the coaching asks first. */
  fix: GoalPart[];
  /** What the goal already has, as label and value. */
  kept: [label: string, value: string][];
  /** The goal sentence as it stands, offered for editing when it is a part to fix. */
  currentText?: string;
  /** A step of the person's own offered for a goal that waits on others. */
  ownStepSuggestion?: string;
}

/** What is missing and why, with inputs for those parts only; the rest is shown as kept. */
export function coachedGoalCard(lang: Language, token: string, goal: CoachedGoal): AdaptiveCard {
  const intro = t(lang, 'smart.coachedIntro');
  const why = goal.gaps.map((gap) => textBlock(`**${gap.criterion}**: ${gap.why}`, { spacing: 'Small' }));
  const kept = goal.kept.length > 0 ? [textBlock(t(lang, 'smart.coachedKept'), { weight: 'Bolder' }), facts(goal.kept)] : [];
  const inputs = [...goal.fix, 'agreement' as const].map((part) =>
    goalInput(lang, part, goal, { value: part === 'ownStep' ? goal.ownStepSuggestion : part === 'text' ? goal.currentText : undefined, required: true }),
  );
  const fallback = [intro, ...goal.gaps.map((gap) => `${gap.criterion}: ${gap.why}`)].join('\n');
  return card([heading(intro), ...why, ...kept, ...inputs], [saveAction(lang, token, goal.fix[0] ?? 'text')], fallback);
}

/** «Guardar»: the first part answers the pending question; the summary is taken as confirmed. */
function saveAction(lang: Language, token: string, first: GoalPart): CardElement {
  return submit(t(lang, 'cards.save'), { token, field: GOAL_INPUTS[first], also: { confirm: t(lang, 'common.yes') } }, 'positive');
}

function goalInput(lang: Language, part: GoalPart, goal: GoalFormFacts, options: { value?: string; required: boolean }): CardElement {
  const { required } = options;
  const id = GOAL_INPUTS[part];
  const value = options.value ? { value: options.value } : {};
  switch (part) {
    case 'deadline':
      return dateInput(id, t(lang, 'smart.formDeadline'), { min: goal.firstDay, ...(goal.planEnd && { max: goal.planEnd }), required });
    case 'domain': {
      const needs = goal.needs.map((need) => ({ title: domainLabel(need, lang), value: need }));
      return choiceSet(id, t(lang, 'smart.formNeed'), needs, { required, ...(needs.length === 1 && { value: needs[0]!.value }) });
    }
    case 'agreement': {
      const answers = [t(lang, 'common.yes'), t(lang, 'common.no')].map((word) => ({ title: word, value: word }));
      return choiceSet(id, t(lang, 'smart.formAgreement'), answers, { expanded: true, required });
    }
    default: {
      const labels = {
        text: 'smart.formGoal',
        actor: 'smart.formActor',
        indicator: 'smart.formIndicator',
        target: 'smart.formTarget',
        ownStep: 'smart.formOwnStep',
        support: 'smart.formSupport',
        obstacles: 'smart.formObstacles',
      } as const;
      const maxLength = LIMITS[part] ?? 500;
      return textInput(id, t(lang, labels[part]), { ...value, maxLength, multiline: maxLength > 200, required });
    }
  }
}

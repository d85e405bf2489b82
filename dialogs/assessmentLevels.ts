// Levels given in one message: the table confirmed back («¿Es correcto?»), corrections, and
// the refusals of src/domain/levelsText.ts in words. Shared by the assessment and the review.
import type { TurnContext } from 'botbuilder';
import { WaterfallDialog, type WaterfallStepContext } from '../src/bot/dialogKit.js';
import { session, text } from '../src/bot/session.js';
import type { Ratings } from '../src/domain/assessment.js';
import { readLevels, type LevelsError } from '../src/domain/levelsText.js';
import { LIFE_DOMAINS, type DomainLevel, type LifeDomain } from '../src/domain/schemas.js';
import { domainLabel } from '../src/domain/smart.js';
import { matchesWord, type MessageKey, type Params } from '../src/i18n/catalog.js';
import { parseYesNo } from './input.js';
import { answer, ask } from './prompts.js';

export const LEVELS_CONFIRM_DIALOG = 'assessment.levelsConfirm';

/** «2 · vulnerable», «n/a · no aplica». */
function levelLabel(context: TurnContext, level: DomainLevel): string {
  return text(context, `assessment.levelLabel_${level ?? 'na'}` as MessageKey);
}

/** Every domain with its level and the level's name, one per line. */
export function levelsTable(context: TurnContext, ratings: Ratings): string {
  const { lang } = session(context);
  const lines = LIFE_DOMAINS.filter((domain) => ratings[domain] !== undefined).map((domain) =>
    text(context, 'assessment.levelsLine', { domain: domainLabel(domain, lang), level: levelLabel(context, ratings[domain]!) }),
  );
  return `${text(context, 'assessment.levelsTitle')}\n\n${lines.join('\n')}`;
}

/** «ingresos 2, empleo n/a»: what a partial message gave. */
export function levelsNoted(context: TurnContext, levels: Ratings): string {
  const { lang } = session(context);
  return LIFE_DOMAINS.filter((domain) => levels[domain] !== undefined)
    .map((domain) => text(context, 'assessment.levelsPartialItem', { domain: domainLabel(domain, lang), level: levels[domain] ?? 'n/a' }))
    .join(', ');
}

/** Why a message of levels was not taken, saying that nothing already given was lost. */
export function levelsErrorText(context: TurnContext, error: Exclude<LevelsError, { code: 'notAList' }>): string {
  const { lang } = session(context);
  const name = (domain: LifeDomain | 'rest') => (domain === 'rest' ? text(context, 'assessment.levelsRest') : domainLabel(domain, lang));
  const params: Params =
    error.code === 'missingLevel' || error.code === 'repeated'
      ? { domain: name(error.domain) }
      : error.code === 'count'
        ? { given: error.given, expected: error.expected }
        : error.code === 'sameWithoutBefore'
          ? {}
          : { token: error.token, domains: LIFE_DOMAINS.map((domain) => domainLabel(domain, lang)).join(', ') };
  return text(context, 'assessment.levelsNotTaken', { reason: text(context, `assessment.levelsError_${error.code}`, params) });
}

export interface LevelsConfirmOptions {
  ratings: Ratings;
  /** What to ask: the table and «¿Es correcto?», the question alone, or what to change. */
  show?: 'table' | 'question' | 'fix';
}

/** Shows the levels and asks «¿Es correcto?»; «no» or a correction («vivienda 2») adjusts them. Ends as the domains dialog does: `{ ratings, paused }`. */
export function levelsConfirmDialog(): WaterfallDialog {
  const options = (step: WaterfallStepContext) => step.options as LevelsConfirmOptions;
  return new WaterfallDialog(LEVELS_CONFIRM_DIALOG, [
    (step) => {
      const { ratings, show = 'table' } = options(step);
      const question =
        show === 'fix'
          ? text(step.context, 'assessment.levelsAskFix')
          : show === 'question'
            ? text(step.context, 'assessment.levelsAskCorrect')
            : `${levelsTable(step.context, ratings)}\n\n${text(step.context, 'assessment.levelsAskCorrect')}`;
      return ask(step, question, { kind: 'text', maxLength: 2000 });
    },
    async (step) => {
      const { ratings, show } = options(step);
      const typed = answer<string>(step);
      const read = readLevels(typed, { domains: LIFE_DOMAINS, given: ratings });
      if (read.ok) return step.replaceDialog(LEVELS_CONFIRM_DIALOG, { ratings: { ...ratings, ...read.levels } } satisfies LevelsConfirmOptions);
      if (matchesWord(typed, 'assessment.saveWords')) return step.endDialog({ ratings, paused: true });
      const yes = parseYesNo(typed);
      if (yes) return step.endDialog({ ratings, paused: false });
      if (yes === false) return step.replaceDialog(LEVELS_CONFIRM_DIALOG, { ratings, show: 'fix' } satisfies LevelsConfirmOptions);
      await step.context.sendActivity(
        read.error.code === 'notAList' ? text(step.context, 'assessment.levelsAnswerCorrect') : levelsErrorText(step.context, read.error),
      );
      return step.replaceDialog(LEVELS_CONFIRM_DIALOG, { ratings, show: show === 'fix' ? 'fix' : 'question' } satisfies LevelsConfirmOptions);
    },
  ]);
}

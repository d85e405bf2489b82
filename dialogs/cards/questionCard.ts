// The card for one question, built from the same spec that reads the typed answer: choices as
// buttons (or a list when long), yes/no as two buttons, dates on a calendar, the rest as a box.
import type { Language } from '../../src/domain/schemas.js';
import { t } from '../../src/i18n/catalog.js';
import type { InputSpec } from '../input.js';
import { type AdaptiveCard, type CardElement, actionSet, card, choiceSet, dateInput, numberInput, submit, textBlock, textInput } from './elements.js';

/** More choices than this go in a list with one «Enviar», so the buttons are never cut off. */
const MOST_BUTTONS = 5;

export function questionCard(lang: Language, question: string, spec: InputSpec, token: string, forClient = false): AdaptiveCard {
  // A client reads a larger question (SPEC §7: plain, one question at a time).
  const ask = textBlock(question, forClient ? { size: 'Large' } : {});
  const send = submit(t(lang, forClient ? 'clientCards.send' : 'cards.send'), { token }, 'positive');
  const label = t(lang, forClient ? 'clientCards.yourAnswer' : 'cards.yourAnswer');
  switch (spec.kind) {
    case 'choice': {
      if (spec.choices.length <= MOST_BUTTONS) {
        return card([ask, actionSet(spec.choices.map((c) => submit(c.label, { token, answer: c.value })))], [], question);
      }
      const choices = spec.choices.map((c) => ({ title: c.label, value: c.value }));
      return card([ask, choiceSet('answer', label, choices, { required: true })], [send], question);
    }
    case 'yesNo':
      return card(
        [
          ask,
          actionSet([
            submit(t(lang, 'common.yes'), { token, answer: t(lang, 'common.yes') }, 'positive'),
            submit(t(lang, 'common.no'), { token, answer: t(lang, 'common.no') }),
          ]),
        ],
        [],
        question,
      );
    case 'date':
      return card([ask, dateInput('answer', label, { required: !spec.optional })], [send], question);
    case 'integer':
      return card([ask, numberInput('answer', label, spec.min, spec.max)], [send], question);
    case 'text': {
      const box = textInput('answer', label, { multiline: (spec.maxLength ?? 1000) > 200, maxLength: spec.maxLength ?? 1000, required: !spec.optional });
      // A suggestion is the whole answer: the box, required for «Enviar», must not hold it back.
      const suggestion = (s: string) => ({ ...submit(s, { token, answer: s }), associatedInputs: 'none' });
      const offered: CardElement[] = spec.suggestions?.length ? [actionSet(spec.suggestions.map(suggestion))] : [];
      return card([ask, ...offered, box], [send], question);
    }
    default:
      return card([ask, textInput('answer', label, { required: true })], [send], question);
  }
}

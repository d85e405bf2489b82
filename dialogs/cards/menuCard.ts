// A person's menu as a card of command buttons, grouped by the work they belong to: a button
// runs its command as if typed. A client's menu is large and plain: a few buttons, one per line.
import type { Language } from '../../src/domain/schemas.js';
import { t } from '../../src/i18n/catalog.js';
import type { MenuEntry } from '../menu.js';
import { type AdaptiveCard, type CardElement, actionSet, card, container, heading, submit, textBlock } from './elements.js';

/**
 * Teams gives the buttons of a row equal widths and cuts long titles short: two short ones
 * share a row, a longer one has a row of its own.
 */
const SHORT_TITLE = 22;

type Group = 'cases' | 'plan' | 'followUp' | 'more';

const GROUP_OF: Record<string, Group> = {
  intake: 'cases',
  caseload: 'cases',
  caseSummary: 'cases',
  allocateCase: 'cases',
  reopen: 'cases',
  assessment: 'plan',
  smartGoal: 'plan',
  contract: 'plan',
  task: 'plan',
  taskProgress: 'plan',
  referral: 'plan',
  contactLog: 'followUp',
  advocacy: 'followUp',
  review: 'followUp',
  closure: 'followUp',
  caseloadReview: 'followUp',
  alertDecision: 'followUp',
};

const GROUPS: Group[] = ['cases', 'plan', 'followUp', 'more'];

/** `fallback` is the typed menu, for channels and readers that show no card. */
export function menuCard(lang: Language, entries: MenuEntry[], fallback: string): AdaptiveCard {
  const button = (entry: MenuEntry) => submit(t(lang, entry.label), { command: t(lang, entry.label) });
  const body: CardElement[] = [heading(t(lang, 'shell.menuCardTitle'))];
  for (const group of GROUPS) {
    const inGroup = entries.filter((e) => (GROUP_OF[e.dialogId] ?? 'more') === group);
    if (inGroup.length === 0) continue;
    const rows: CardElement[] = [];
    for (let i = 0; i < inGroup.length; ) {
      const pair = inGroup.slice(i, i + 2);
      const shared = pair.length === 2 && pair.every((e) => t(lang, e.label).length <= SHORT_TITLE);
      const row = shared ? pair : pair.slice(0, 1);
      rows.push(actionSet(row.map(button)));
      i += row.length;
    }
    body.push(container([textBlock(t(lang, `shell.menuGroup_${group}`), { weight: 'Bolder' }), ...rows], { separator: true }));
  }
  body.push(textBlock(t(lang, 'shell.menuFooter'), { isSubtle: true }));
  return card(body, [], fallback);
}

export function clientMenuCard(lang: Language, entries: MenuEntry[], fallback: string): AdaptiveCard {
  const body: CardElement[] = [
    textBlock(t(lang, 'client.menuIntro'), { size: 'Large' }),
    ...entries.map((entry) => actionSet([submit(t(lang, entry.label), { command: t(lang, entry.label) }, 'positive')])),
  ];
  return card(body, [], fallback);
}

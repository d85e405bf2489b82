// What each role can do from the main menu, and how a typed message picks an option.
import type { Actor } from '../src/domain/access.js';
import type { Language } from '../src/domain/schemas.js';
import { matchesWord, normalize, t, type MessageKey } from '../src/i18n/catalog.js';
import { isAlertDecisionReply } from './alertDecisionReply.js';

export type Audience = 'worker' | 'supervisor' | 'admin' | 'client';

export interface MenuEntry {
  dialogId: string;
  label: MessageKey;
  words: MessageKey;
  audiences: Audience[];
  /** Messages that pick the option beyond its words: a tapped answer that carries its own details. */
  recognizes?: (typed: string) => boolean;
}

/** In menu order. Entries whose dialog is not registered are left out of the menu. */
export const MENU: MenuEntry[] = [
  { dialogId: 'intake', label: 'shell.newCaseLabel', words: 'shell.newCaseWords', audiences: ['worker'] },
  { dialogId: 'caseload', label: 'shell.myCasesLabel', words: 'shell.myCasesWords', audiences: ['worker'] },
  { dialogId: 'caseload', label: 'shell.teamCasesLabel', words: 'shell.teamCasesWords', audiences: ['supervisor'] },
  { dialogId: 'caseSummary', label: 'shell.caseSummaryLabel', words: 'shell.caseSummaryWords', audiences: ['worker', 'supervisor'] },
  { dialogId: 'assessment', label: 'shell.assessmentLabel', words: 'shell.assessmentWords', audiences: ['worker'] },
  { dialogId: 'smartGoal', label: 'shell.goalLabel', words: 'shell.goalWords', audiences: ['worker'] },
  { dialogId: 'contract', label: 'shell.contractLabel', words: 'shell.contractWords', audiences: ['worker'] },
  { dialogId: 'task', label: 'shell.taskLabel', words: 'shell.taskWords', audiences: ['worker'] },
  { dialogId: 'taskProgress', label: 'shell.progressLabel', words: 'shell.progressWords', audiences: ['worker'] },
  { dialogId: 'referral', label: 'shell.referralLabel', words: 'shell.referralWords', audiences: ['worker'] },
  { dialogId: 'contactLog', label: 'shell.contactLabel', words: 'shell.contactWords', audiences: ['worker'] },
  { dialogId: 'advocacy', label: 'shell.advocacyLabel', words: 'shell.advocacyWords', audiences: ['worker'] },
  { dialogId: 'review', label: 'shell.reviewLabel', words: 'shell.reviewWords', audiences: ['worker', 'supervisor'] },
  { dialogId: 'closure', label: 'shell.closureLabel', words: 'shell.closureWords', audiences: ['worker', 'supervisor'] },
  { dialogId: 'reopen', label: 'shell.reopenLabel', words: 'shell.reopenWords', audiences: ['worker', 'supervisor'] },
  { dialogId: 'linkCode', label: 'shell.linkCodeLabel', words: 'shell.linkCodeWords', audiences: ['worker'] },
  { dialogId: 'followUpPause', label: 'shell.followUpPauseLabel', words: 'shell.followUpPauseWords', audiences: ['worker'] },
  { dialogId: 'followUpList', label: 'shell.followUpListLabel', words: 'shell.followUpListWords', audiences: ['worker', 'supervisor'] },
  { dialogId: 'messagingConsent', label: 'shell.messagingConsentLabel', words: 'shell.messagingConsentWords', audiences: ['worker'] },
  { dialogId: 'monthlySheet', label: 'shell.monthlySheetLabel', words: 'shell.monthlySheetWords', audiences: ['worker'] },
  { dialogId: 'caseloadReview', label: 'shell.caseloadReviewLabel', words: 'shell.caseloadReviewWords', audiences: ['supervisor'] },
  {
    dialogId: 'alertDecision',
    label: 'shell.alertDecisionLabel',
    words: 'shell.alertDecisionWords',
    audiences: ['supervisor'],
    recognizes: isAlertDecisionReply,
  },
  { dialogId: 'allocateCase', label: 'allocation.menuLabel', words: 'allocation.menuWords', audiences: ['supervisor'] },
  { dialogId: 'barrierReport', label: 'shell.barrierReportLabel', words: 'shell.barrierReportWords', audiences: ['supervisor'] },
  { dialogId: 'teamOutcomes', label: 'outcomes.menuLabel', words: 'outcomes.menuWords', audiences: ['supervisor'] },
  { dialogId: 'dataExport', label: 'closure.exportMenuLabel', words: 'closure.exportMenuWords', audiences: ['supervisor'] },
  { dialogId: 'directory', label: 'shell.directoryLabel', words: 'shell.directoryWords', audiences: ['admin', 'worker', 'supervisor'] },
  { dialogId: 'clientPlan', label: 'shell.clientPlanLabel', words: 'shell.clientPlanWords', audiences: ['client'] },
  { dialogId: 'checkIn', label: 'shell.checkInLabel', words: 'shell.checkInWords', audiences: ['client'] },
];

export function audienceOf(actor: Actor): Audience | undefined {
  if (actor.kind === 'client') return 'client';
  if (actor.kind === 'staff') return actor.staff.role;
  return undefined;
}

export function menuFor(actor: Actor, registered: ReadonlySet<string>): MenuEntry[] {
  const audience = audienceOf(actor);
  return MENU.filter((e) => audience && e.audiences.includes(audience) && registered.has(e.dialogId));
}

export function renderMenu(lang: Language, entries: MenuEntry[]): string {
  const items = entries.map((e, i) => t(lang, 'shell.menuItem', { n: i + 1, label: t(lang, e.label) }));
  // Workers can also say what they want to do, with its details.
  const phrases = entries.some((e) => e.dialogId === 'contactLog') ? [t(lang, 'shell.menuPhrases')] : [];
  return [t(lang, 'shell.menuIntro'), ...items, '', ...phrases, t(lang, 'shell.menuFooter')].join('\n');
}

const CASE_ID = /\bC-[A-HJ-NP-Z2-9]{6}\b/i;

/** A case id typed with a command ("valoración C-7K3QPA"), upper-cased. */
export function caseIdIn(typed: string): string | undefined {
  return CASE_ID.exec(typed)?.[0].toUpperCase();
}

/**
 * A dialog's result when it ends without taking the message it was given: the message is then
 * read as if no dialog had been waiting (a command, a greeting, a menu number).
 */
export const PASSED_ON = { passedOn: true } as const;

export function passedOn(result: unknown): boolean {
  return (result as { passedOn?: unknown } | undefined)?.passedOn === true;
}

/** The menu entry a message picks: by number, by the option's words or label, or named before its case («contacto carmen»). */
export function pickEntry(typed: string, entries: MenuEntry[], lang: Language): MenuEntry | undefined {
  const command = commandOf(typed);
  if (/^\d+$/.test(command)) return entries[Number(command) - 1];
  return namedEntry(typed, entries, lang) ?? commandBeforeCase(typed, entries, lang)?.entry;
}

/** The words after a command that name its case: a client's name or part of it, or a list number («tarea 2»). */
export function caseWordsIn(typed: string, entries: MenuEntry[], lang: Language): string | undefined {
  if (/^\d+$/.test(commandOf(typed)) || namedEntry(typed, entries, lang)) return undefined;
  return commandBeforeCase(typed, entries, lang)?.caseWords;
}

/** The commands about one case, which may name it after their words. */
const CASE_COMMANDS = new Set([
  'caseSummary',
  'assessment',
  'smartGoal',
  'contract',
  'task',
  'taskProgress',
  'referral',
  'contactLog',
  'advocacy',
  'review',
  'closure',
  'reopen',
  'linkCode',
  'followUpPause',
  'followUpList',
  'messagingConsent',
]);

/** A command about a case named by the first words of the message, and the words after it. */
function commandBeforeCase(typed: string, entries: MenuEntry[], lang: Language): { entry: MenuEntry; caseWords: string } | undefined {
  const words = commandOf(typed).split(' ');
  for (let n = words.length - 1; n >= 1; n--) {
    const entry = entries.find((e) => CASE_COMMANDS.has(e.dialogId) && names(words.slice(0, n).join(' '), e, lang));
    if (entry) return { entry, caseWords: words.slice(n).join(' ') };
  }
  return undefined;
}

/** The menu entry a message names by its words or label (not by number), or that recognizes it. */
export function namedEntry(typed: string, entries: MenuEntry[], lang: Language): MenuEntry | undefined {
  const command = commandOf(typed);
  return entries.find((e) => names(command, e, lang)) ?? entries.find((e) => e.recognizes?.(typed));
}

/** A menu command the message names that is not among `entries` (someone else's option), if any. */
export function commandOutside(typed: string, entries: MenuEntry[], lang: Language): MenuEntry | undefined {
  const command = commandOf(typed);
  return MENU.find((e) => !entries.includes(e) && names(command, e, lang));
}

function commandOf(typed: string): string {
  return normalize(typed.replace(CASE_ID, '')).replace(/[.)]$/, '');
}

function names(command: string, entry: MenuEntry, lang: Language): boolean {
  return matchesWord(command, entry.words) || normalize(t(lang, entry.label)) === command;
}

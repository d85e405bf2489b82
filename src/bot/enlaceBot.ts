// The thin botbuilder shell: remembers how to reach each user, works out who they are and
// their language, handles language switching and client linking, and runs the dialogs.
import { firstTimeTaken, takeCardSubmit } from '../../dialogs/cards/submit.js';
import {
  ActivityHandler,
  TurnContext,
  type Activity,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type BotState,
  type StatePropertyAccessor,
} from 'botbuilder';
import { answerAlertCard } from '../../dialogs/alertDecisionCard.js';
import { attachment } from '../../dialogs/cards/elements.js';
import { clientMenuCard, menuCard } from '../../dialogs/cards/menuCard.js';
import { showsCards } from '../../dialogs/prompts.js';
import { DialogSet, type Dialog, type DialogState } from './dialogKit.js';
import type { AppServices } from '../app/services.js';
import { linkCodeIn } from '../domain/answerReaders.js';
import { guessLanguage } from '../domain/language.js';
import type { Actor } from '../domain/access.js';
import type { Language } from '../domain/schemas.js';
import { matchesWord, normalize, t } from '../i18n/catalog.js';
import { caseIdIn, caseWordsIn, commandOutside, menuFor, passedOn, pickEntry, renderMenu, type MenuEntry } from '../../dialogs/menu.js';
import { wordsNameACase } from '../../dialogs/casePickerDialog.js';
import { contactRequestUnderstood } from '../../dialogs/contactLogDialog.js';
import { referralRequestUnderstood } from '../../dialogs/referralDialog.js';
import { progressRequestUnderstood } from '../../dialogs/taskProgressDialog.js';
import { clientTurn } from '../../dialogs/clientTurn.js';
import { readCommand, type CommandOptions, type Request } from '../../dialogs/intents.js';
import { identify, preferredLanguage, timeZoneOf } from './identity.js';
import { log } from './log.js';
import { say, session, setSession } from './session.js';
import { refuseOtherTenants } from './tenantGate.js';

export interface BotOptions {
  services: AppServices;
  /** Dialog state, kept per conversation and user. */
  conversationState: BotState;
  dialogs: Dialog[];
  allowedTenantIds: string[];
}

export class EnlaceBot extends ActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly dialogSet: DialogSet;
  private readonly takenForms: StatePropertyAccessor<string[]>;
  private readonly registered: ReadonlySet<string>;

  constructor(private readonly options: BotOptions) {
    super();
    this.dialogState = options.conversationState.createProperty<DialogState>('dialogState');
    this.takenForms = options.conversationState.createProperty<string[]>('takenForms');
    this.dialogSet = new DialogSet(this.dialogState);
    for (const dialog of options.dialogs) this.dialogSet.add(dialog);
    this.registered = new Set(options.dialogs.map((d) => d.id));
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      await this.welcomeNewMembers(context);
      await next();
    });
    // A person who installed the app but never wrote can be reached by follow-ups.
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.rememberInstaller(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    if (await refuseOtherTenants(context, this.options.allowedTenantIds)) return;
    await super.run(context);
    await this.options.conversationState.saveChanges(context, false);
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const { services } = this.options;
    const activity = context.activity;
    const card = takeCardSubmit(context);
    const { actor, lang } = await this.startSession(context);
    log('turn', { user: actor.id, kind: actor.kind });
    if (isSharedConversation(activity)) {
      // Case data is never shown where others read along; the personal chat is the place.
      await say(context, actor.kind === 'client' ? 'client.personalChatOnly' : 'shell.personalChatOnly');
      return;
    }
    // Strangers leave no trace: only staff and linked clients are kept as reachable.
    if (actor.kind === 'unknown') return this.handleStranger(context);
    await this.rememberConversation(context, actor);
    // What could not reach them comes first; writing makes them reachable again.
    await services.followUps.pendingForMe(actor, (text) => context.sendActivity(text));
    if (card && !firstTimeTaken(card, await this.takenForms.get(context, []))) {
      await say(context, actor.kind === 'client' ? 'clientCards.old' : 'cards.old');
      return;
    }
    const typed = activity.text ?? '';
    const dc = await this.dialogSet.createContext(context);
    if (!card?.token && matchesWord(firstWord(typed), 'common.languageWords')) {
      await this.switchLanguage(context, typed);
      if (dc.activeDialog) await dc.repromptDialog();
      return;
    }
    // A command pressed on a card starts afresh, whatever was being asked.
    if (card?.command && dc.activeDialog) await dc.cancelAllDialogs();
    if (dc.activeDialog && !passedOn((await dc.continueDialog()).result)) return;
    // A card whose question is over: nothing is waiting for its answer.
    if (card?.token) {
      await say(context, actor.kind === 'client' ? 'clientCards.old' : 'cards.old');
      return;
    }
    const welcomed = await this.welcomeOnce(context);
    const entries = menuFor(actor, this.registered);
    if (await clientTurn(dc, typed, entries)) return;
    // An option picked by number or name, or named in a phrase that may carry first answers.
    // Another role's command ("casos marcados" to a worker) is not read as a phrase of one's own.
    const picked = pickEntry(typed, entries, lang);
    const outside = commandOutside(typed, entries, lang);
    const command = picked ? { entry: picked, request: wholeName(typed, picked) } : outside ? undefined : readCommand(typed, entries);
    if (command) {
      await dc.beginDialog(
        command.entry.dialogId,
        await this.commandOptions(context, typed, command.entry, command.request, picked ? caseWordsIn(typed, entries, lang) : undefined),
      );
      return;
    }
    if (outside) await services.identity.refuseCommand(actor, outside.dialogId);
    if (welcomed) return;
    if (matchesWord(typed, 'common.cancelWords')) await say(context, actor.kind === 'client' ? 'client.nothingToCancel' : 'common.nothingToCancel');
    else if (!matchesWord(typed, 'common.helpWords') && !matchesWord(typed, 'shell.greetingWords')) {
      await say(context, actor.kind === 'client' ? 'client.notUnderstood' : 'shell.notUnderstood');
    }
    await this.sendMenu(context);
  }

  /** Who is writing, in which language and time zone, for the dialogs of this turn. */
  private async startSession(context: TurnContext) {
    const { services } = this.options;
    const activity = context.activity;
    const actor = await identify(activity, services.identity);
    const lang = actor.kind === 'unknown' ? guessLanguage(activity.text ?? '', activity.locale) : await preferredLanguage(actor, activity, services.identity);
    setSession(context, { actor, lang, services, timeZone: await timeZoneOf(actor, services.identity, services.config.defaultTimeZone) });
    return session(context);
  }

  /** A Universal Action pressed on a card (the overdue review alert): answered with the card that replaces it. */
  protected override async onAdaptiveCardInvoke(context: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const { actor } = await this.startSession(context);
    log('invoke', { user: actor.id, kind: actor.kind });
    if (actor.kind === 'unknown' || isSharedConversation(context.activity)) {
      return { statusCode: 403, type: 'application/vnd.microsoft.error', value: { code: 'Forbidden', message: 'Not in a personal chat of a known person' } };
    }
    const dc = await this.dialogSet.createContext(context);
    return answerAlertCard(context, value, async (dialogId, options) => {
      await dc.cancelAllDialogs();
      await dc.beginDialog(dialogId, options);
    });
  }

  /**
   * The words after a command name a case («contacto carmen», «tarea 2») when they match one
   * of the person's cases; else, when the dialog reads them as its first answers («derivación
   * aceptada»), the current case is used; else they are taken as a case that was not found.
   */
  private async commandOptions(context: TurnContext, typed: string, entry: MenuEntry, request: Request | undefined, caseWords: string | undefined) {
    const options: CommandOptions & { caseWords?: string } = { caseId: caseIdIn(typed) };
    if (!caseWords) return request ? { ...options, request } : options;
    const said = readCommand(typed, [entry])?.request;
    const understood = said && READS_REQUEST[entry.dialogId]?.(said, session(context).lang);
    if (understood && !(await wordsNameACase(context, caseWords))) return { ...options, request: said };
    return { ...options, caseWords };
  }

  /**
   * Proactive follow-ups need the latest reference of every staff member and linked client;
   * it is kept on every message (and on installing the app), under the person's id.
   */
  private async rememberConversation(context: TurnContext, actor: Actor, activity: Partial<Activity> = context.activity): Promise<void> {
    if (actor.kind === 'unknown' || !actor.id) return;
    // The message id is left out: a proactive message starts anew, it does not reply to one.
    const { activityId: _messageId, ...reference } = TurnContext.getConversationReference(activity);
    await this.options.services.identity.rememberConversation(actor.id, {
      channelId: reference.channelId ?? '',
      serviceUrl: reference.serviceUrl ?? '',
      reference: JSON.parse(JSON.stringify(reference)) as Record<string, unknown>,
    });
  }

  /** A stranger either types a link code from their worker or gets a polite refusal. */
  private async handleStranger(context: TurnContext): Promise<void> {
    const typed = context.activity.text ?? '';
    const { actor, lang, services } = session(context);
    // The code may come inside a sentence («mi código es ABC3-EF7H, gracias»).
    const code = linkCodeIn(typed);
    if (!code) {
      const asked = commandOutside(typed, [], lang);
      if (asked) await services.identity.refuseCommand(actor, asked.dialogId);
      await say(context, 'shell.refusal');
      return;
    }
    const result = await services.linkCodes.redeem(actor.id, code);
    if (!result.ok) {
      const key = {
        invalid: 'client.linkInvalid',
        expired: 'client.linkExpired',
        used: 'client.linkUsed',
        locked: 'client.linkLocked',
        busy: 'client.linkBusy',
      } as const;
      await say(context, key[result.reason]);
      return;
    }
    const client = await identify(context.activity, services.identity);
    setSession(context, { ...session(context), actor: client, lang: await preferredLanguage(client, context.activity, services.identity) });
    await this.rememberConversation(context, client);
    await services.people.welcome(client);
    await say(context, 'client.linked');
    await this.sendMenu(context);
  }

  private async switchLanguage(context: TurnContext, typed: string): Promise<void> {
    const { actor, lang, services } = session(context);
    const rest = normalize(typed).split(' ').slice(1).join(' ');
    const wanted: Language = rest
      ? matchesWord(rest, 'shell.languageWordsEn')
        ? 'en'
        : matchesWord(rest, 'shell.languageWordsEs')
          ? 'es'
          : lang === 'es'
            ? 'en'
            : 'es'
      : lang === 'es'
        ? 'en'
        : 'es';
    await services.people.setLanguage(actor, wanted);
    setSession(context, { ...session(context), lang: wanted });
    await say(context, actor.kind === 'client' ? 'client.languageSet' : 'shell.languageSet');
  }

  /** The welcome with the role's options, once per user; true when it was sent now. */
  private async welcomeOnce(context: TurnContext): Promise<boolean> {
    const { actor, services } = session(context);
    if (!(await services.people.welcome(actor))) return false;
    if (actor.kind === 'staff') {
      const key = actor.staff.role === 'worker' ? 'shell.welcomeWorker' : actor.staff.role === 'supervisor' ? 'shell.welcomeSupervisor' : 'shell.welcomeAdmin';
      await say(context, key, { name: actor.staff.name, team: actor.staff.team });
    } else {
      await say(context, 'client.welcome');
    }
    await this.sendMenu(context);
    return true;
  }

  private async sendMenu(context: TurnContext): Promise<void> {
    const { actor, lang } = session(context);
    const entries = menuFor(actor, this.registered);
    const items = entries.map((e, i) => t(lang, 'shell.menuItem', { n: i + 1, label: t(lang, e.label) }));
    const typedMenu = actor.kind === 'client' ? [t(lang, 'client.menuIntro'), ...items].join('\n') : renderMenu(lang, entries);
    // Where cards are shown, the menu is a card of buttons; the typed names and numbers still work.
    if (showsCards(context)) {
      const menu = actor.kind === 'client' ? clientMenuCard(lang, entries, typedMenu) : menuCard(lang, entries, typedMenu);
      await context.sendActivity({ type: 'message', attachments: [attachment(menu)] });
      return;
    }
    await context.sendActivity(typedMenu);
  }

  private async welcomeNewMembers(context: TurnContext): Promise<void> {
    const { services } = this.options;
    // A welcome in a group would show the menu to everyone; people get it in their personal chat.
    if (isSharedConversation(context.activity)) return;
    for (const member of context.activity.membersAdded ?? []) {
      // The bot added to a personal chat (Teams' install): the person who added it can be reached.
      if (member.id === context.activity.recipient?.id) {
        await this.rememberInstaller(context);
        continue;
      }
      const asSender = { ...context.activity, from: member };
      const actor = await identify(asSender, services.identity);
      if (actor.kind === 'unknown') continue;
      await this.rememberConversation(context, actor, asSender);
      setSession(context, {
        actor,
        services,
        lang: await preferredLanguage(actor, asSender, services.identity),
        timeZone: await timeZoneOf(actor, services.identity, services.config.defaultTimeZone),
      });
      await this.welcomeOnce(context);
    }
  }

  /** The app installed in a personal chat by a staff member or a linked client: keep how to reach them. */
  private async rememberInstaller(context: TurnContext): Promise<void> {
    if (isSharedConversation(context.activity)) return;
    const { services } = this.options;
    const actor = await identify(context.activity, services.identity);
    if (actor.kind === 'unknown') return;
    await this.rememberConversation(context, actor);
    await services.followUps.reachableAgain(actor);
  }
}

/** A Teams group chat or channel, or any conversation the channel marks as a group. */
function isSharedConversation(activity: Partial<Activity>): boolean {
  const type = activity.conversation?.conversationType;
  return activity.conversation?.isGroup === true || type === 'groupChat' || type === 'channel';
}

/** An option named by the whole message ("visita", "Nueva apertura de caso"): the words that named it, nothing more. */
/** Dialogs that read what their command said beyond its name («derivación aceptada», «avance tarea 2»). */
const READS_REQUEST: Record<string, (request: Request, lang: Language) => boolean> = {
  contactLog: contactRequestUnderstood,
  referral: referralRequestUnderstood,
  taskProgress: progressRequestUnderstood,
};

function wholeName(typed: string, entry: MenuEntry): Request | undefined {
  const request = readCommand(typed, [entry])?.request;
  return request && { word: request.word, rest: '' };
}

function firstWord(typed: string): string {
  return normalize(typed).split(' ')[0] ?? '';
}

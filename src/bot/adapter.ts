// botbuilder's CloudAdapter, authenticated when an app id and secret are set, open for
// local use (Agents Playground, Emulator) when not.
import {
  CloudAdapter, ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory,
  type BotState, type TurnContext,
} from 'botbuilder';
import { t } from '../i18n/catalog.js';
import type { Settings } from '../settings.js';
import { log } from './log.js';
import { session } from './session.js';

export function createAdapter(settings: Settings, conversationState: BotState): CloudAdapter {
  const credentials = {
    MicrosoftAppId: settings.appId,
    MicrosoftAppPassword: settings.appPassword,
    MicrosoftAppType: settings.appType,
    MicrosoftAppTenantId: settings.appTenantId,
  };
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(
    credentials, new ConfigurationServiceClientCredentialFactory(credentials),
  ));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    log('turn.error', { error: error.name, message: error.message.slice(0, 200), conversation: context.activity.conversation?.id ?? '' });
    let lang: 'es' | 'en' = 'es';
    try {
      lang = session(context).lang;
    } catch {
      // The error came before the turn knew its user; Spanish is the default.
    }
    try {
      await context.sendActivity(t(lang, 'common.turnError'));
      // A dialog that failed would fail again at the next message: start clean.
      await conversationState.delete(context);
    } catch (followUp) {
      log('turn.error.report', { error: (followUp as Error).name });
    }
  };
  return adapter;
}

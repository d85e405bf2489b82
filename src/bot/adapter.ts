// botbuilder's CloudAdapter, authenticated when an app id and secret are set, open for
// local use (Agents Playground, Emulator) when not. A request whose token cannot be
// accepted, for whatever reason, gets a bare 401: the reason goes to the log only.
import {
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type Activity,
  type BotState,
  type TurnContext,
} from 'botbuilder';
import { t } from '../i18n/catalog.js';
import type { Settings } from '../settings.js';
import { log } from './log.js';
import { ReusedClientsAuthentication } from './reusedClients.js';
import { session } from './session.js';

export interface Answer {
  status: number;
  body?: unknown;
}

export class EnlaceAdapter extends CloudAdapter {
  /** Authenticates the request and runs the turn; what the HTTP response must carry. */
  async answer(activity: Activity, authorization: string, logic: (context: TurnContext) => Promise<void>): Promise<Answer> {
    const authenticated = await this.botFrameworkAuthentication.authenticateRequest(activity, authorization).catch((error: unknown) => {
      log('auth.refused', { reason: refusalReason(error, authorization), error: errorKind(error) });
      return undefined;
    });
    if (!authenticated) return { status: 401, body: { error: 'unauthorized' } };
    const response = await this.processActivity(authenticated, activity, logic);
    return { status: response?.status ?? 200, body: response?.body };
  }
}

// botbuilder takes other metadata URLs only together with the whole set of endpoints; these
// are its public-cloud defaults.
const PUBLIC_CLOUD = {
  ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  OAuthUrl: 'https://api.botframework.com',
  CallerId: CallerIdConstants.PublicAzureChannel,
};

export function createAdapter(settings: Settings, conversationState: BotState): EnlaceAdapter {
  const credentials = {
    MicrosoftAppId: settings.appId,
    MicrosoftAppPassword: settings.appPassword,
    MicrosoftAppType: settings.appType,
    MicrosoftAppTenantId: settings.appTenantId,
  };
  const endpoints = settings.openIdMetadataUrl
    ? { ...PUBLIC_CLOUD, ToBotFromChannelOpenIdMetadataUrl: settings.openIdMetadataUrl, ToBotFromEmulatorOpenIdMetadataUrl: settings.openIdMetadataUrl }
    : {};
  const adapter = new EnlaceAdapter(
    new ReusedClientsAuthentication(
      new ConfigurationBotFrameworkAuthentication({ ...credentials, ...endpoints }, new ConfigurationServiceClientCredentialFactory(credentials)),
    ),
  );
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

/** The class of what a token check threw ("Error" says little: botbuilder's errors keep that name). */
function errorKind(error: unknown): string {
  return error instanceof Error ? error.constructor.name : typeof error;
}

/** Why a token was refused, as a code for the log. */
function refusalReason(error: unknown, authorization: string): string {
  if (!authorization.trim()) return 'no-token';
  const kind = errorKind(error);
  const { message, statusCode } = (error ?? {}) as { message?: unknown; statusCode?: unknown };
  if (kind === 'TokenExpiredError' || message === 'The token has expired') return 'expired';
  if (kind === 'NotBeforeError') return 'not-yet-valid';
  // Signature, algorithm or format (jsonwebtoken's verdicts).
  if (kind === 'JsonWebTokenError') return 'invalid-token';
  // Issuer, audience, service URL or an unknown key.
  if (statusCode === 401) return 'not-accepted';
  // The signing keys could not be fetched, or the check itself failed.
  return 'unverifiable';
}

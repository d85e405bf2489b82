// Settings from the environment (and `.env`, loaded by the entry point).
import { resolve } from 'node:path';

export interface Settings {
  port: number;
  /** Interface to listen on: loopback by default (a tunnel or proxy forwards to it). */
  host: string;
  dataDir: string;
  appId: string;
  appPassword: string;
  appType: string;
  appTenantId: string;
  /** Tenants allowed to use the bot; empty = any (local use). */
  allowedTenantIds: string[];
  /**
   * OpenID metadata whose keys sign the tokens the bot accepts (channels and Emulator);
   * empty = Microsoft's public cloud. Set to a local stand-in in tests.
   */
  openIdMetadataUrl: string;
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const port = Number(env.PORT ?? 3978);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  const openIdMetadataUrl = env.BOT_OPENID_METADATA_URL?.trim() ?? '';
  if (openIdMetadataUrl && !isHttpUrl(openIdMetadataUrl)) {
    throw new Error(`BOT_OPENID_METADATA_URL must be an http(s) URL, not "${openIdMetadataUrl}"`);
  }
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir: resolve(env.DATA_DIR ?? './data'),
    appId: env.MicrosoftAppId ?? '',
    appPassword: env.MicrosoftAppPassword ?? '',
    appType: env.MicrosoftAppType ?? (env.MicrosoftAppId ? 'MultiTenant' : ''),
    appTenantId: env.MicrosoftAppTenantId ?? '',
    allowedTenantIds: (env.ALLOWED_TENANT_IDS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    openIdMetadataUrl,
  };
}

function isHttpUrl(text: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

// With BOT_OPENID_METADATA_URL set, only the metadata URLs change: every other endpoint the
// adapter authenticates and sends with stays botbuilder's public-cloud default.
import { ConversationState, MemoryStorage } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { createAdapter } from '../../src/bot/adapter.js';
import { readSettings } from '../../src/settings.js';

/** botbuilder's own settings behind the adapter (private fields, read to catch drift). */
function endpointsOf(env: NodeJS.ProcessEnv): Record<string, unknown> {
  const adapter = createAdapter(readSettings({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret', ...env }), new ConversationState(new MemoryStorage()));
  // Ours reuses clients around botbuilder's configuration, which wraps the settings themselves.
  const { inner } = (adapter as unknown as { botFrameworkAuthentication: { inner: { inner: Record<string, unknown> } } }).botFrameworkAuthentication.inner;
  const names = [
    'validateAuthority',
    'toChannelFromBotLoginUrl',
    'toChannelFromBotOAuthScope',
    'toBotFromChannelTokenIssuer',
    'oAuthUrl',
    'toBotFromChannelOpenIdMetadataUrl',
    'toBotFromEmulatorOpenIdMetadataUrl',
    'callerId',
  ];
  return Object.fromEntries(names.map((name) => [name, inner[name]]));
}

describe('createAdapter', () => {
  it('changes only where the token keys come from', () => {
    const defaults = endpointsOf({});
    const local = 'http://127.0.0.1:4000/v1/.well-known/openidconfiguration';
    expect(defaults.toBotFromChannelOpenIdMetadataUrl).toMatch(/^https:\/\/login\.botframework\.com\//);
    expect(endpointsOf({ BOT_OPENID_METADATA_URL: local })).toEqual({
      ...defaults,
      toBotFromChannelOpenIdMetadataUrl: local,
      toBotFromEmulatorOpenIdMetadataUrl: local,
    });
  });
});

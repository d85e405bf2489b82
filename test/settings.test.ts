// Settings from the environment: the token metadata URL is optional and must be http(s).
import { describe, expect, it } from 'vitest';
import { readSettings } from '../src/settings.js';

describe('BOT_OPENID_METADATA_URL', () => {
  it("is empty by default (Microsoft's public cloud)", () => {
    expect(readSettings({}).openIdMetadataUrl).toBe('');
  });

  it('takes an http or https URL', () => {
    expect(readSettings({ BOT_OPENID_METADATA_URL: ' http://127.0.0.1:4000/openid ' }).openIdMetadataUrl).toBe('http://127.0.0.1:4000/openid');
    expect(readSettings({ BOT_OPENID_METADATA_URL: 'https://login.example.org/.well-known/openid-configuration' }).openIdMetadataUrl).toBe(
      'https://login.example.org/.well-known/openid-configuration',
    );
  });

  it.each(['login.example.org', 'file:///etc/keys.json', 'ftp://example.org/keys'])('stops the start with a clear message for "%s"', (value) => {
    expect(() => readSettings({ BOT_OPENID_METADATA_URL: value })).toThrow(`BOT_OPENID_METADATA_URL must be an http(s) URL, not "${value}"`);
  });
});

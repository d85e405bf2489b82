// With MicrosoftAppId set, the real entry point checks every token against the OpenID
// metadata it is given (a stand-in on 127.0.0.1). A valid token is served; every bad one
// gets a bare 401, never a 500 or the verifier's words, and its reason goes to the log.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageActivity, postToBot } from './support/botClient.js';
import { killLeftoverBots, startBotProcess, type ListeningBot } from './support/botProcess.js';
import { seededDataDir } from './support/seededBot.js';
import { hmacToken, otherRsaKey, startTokenIssuer, unreachableMetadataUrl, unsignedToken, type TokenIssuer } from './support/tokenIssuer.js';

const APP_ID = 'enlace-test-app';
const SERVICE_URL = 'http://127.0.0.1:9/unused';
const EMULATOR_ISSUER = 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/';

let issuer: TokenIssuer;
let bot: ListeningBot;
let botWithoutKeys: ListeningBot;
const dataDirs: string[] = [];

beforeAll(async () => {
  issuer = await startTokenIssuer({ appId: APP_ID, serviceUrl: SERVICE_URL });
  const env = { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret', ENLACE_QUIET: '0' };
  const start = async (metadataUrl: string) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'enlace-e2e-'));
    dataDirs.push(dataDir);
    return startBotProcess(await seededDataDir({ dataDir }), { ...env, BOT_OPENID_METADATA_URL: metadataUrl });
  };
  [bot, botWithoutKeys] = await Promise.all([start(issuer.metadataUrl), start(await unreachableMetadataUrl())]);
}, 90_000);
afterAll(async () => {
  await killLeftoverBots();
  await issuer.close();
  await Promise.all(dataDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Posts "hola" from a registered worker, replies expected in the response body. */
function hola(url: string, authorization?: string): Promise<Response> {
  const activity = messageActivity('hola', { user: 'worker-1', serviceUrl: SERVICE_URL, deliveryMode: 'expectReplies' });
  return postToBot(url, activity, authorization === undefined ? {} : { authorization });
}

/** The log lines a bot process has printed so far. */
function logLines(target: ListeningBot): Record<string, unknown>[] {
  return target
    .stdout()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Waits for the log line of the refusal number `n` (they reach the pipe a little after the response). */
async function refusalLine(target: ListeningBot, n: number): Promise<Record<string, unknown>> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const refusals = logLines(target).filter((line) => line.event === 'auth.refused');
    if (refusals.length >= n) {
      expect(refusals).toHaveLength(n);
      return refusals[n - 1]!;
    }
    if (Date.now() > deadline) throw new Error(`no auth.refused line number ${n} in the log`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function expectRefused(target: ListeningBot, authorization: string | undefined, reason: string): Promise<void> {
  const refusedBefore = logLines(target).filter((line) => line.event === 'auth.refused').length;
  const response = await hola(target.url, authorization);
  expect(response.status).toBe(401);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(await response.json()).toEqual({ error: 'unauthorized' });
  const refusal = await refusalLine(target, refusedBefore + 1);
  expect(refusal).toMatchObject({ reason });
  // Codes only: no token, key, URL or message of the verifier.
  expect(Object.keys(refusal).sort()).toEqual(['at', 'error', 'event', 'reason']);
  expect(refusal.error).toMatch(/^\w+$/);
}

const bearer = (token: string) => `Bearer ${token}`;
const now = () => Math.floor(Date.now() / 1000);

describe('a request with a valid token', () => {
  it('is served, with keys fetched from the configured metadata', async () => {
    const response = await hola(bot.url, bearer(issuer.token(issuer.claims())));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { activities: { text?: string }[] };
    expect(body.activities.map((a) => a.text).join('\n')).toContain('Hola, Lucía Martín');
    expect(issuer.requests).toEqual(expect.arrayContaining(['/v1/.well-known/openidconfiguration', '/v1/.well-known/keys']));
  });
});

describe('a request whose token cannot be accepted gets 401 and nothing else', () => {
  const valid = () => issuer.token(issuer.claims());
  const cases: [string, () => string | undefined, string][] = [
    ['no Authorization header', () => undefined, 'no-token'],
    ['a scheme other than Bearer', () => `Basic ${valid()}`, 'not-accepted'],
    ['a Bearer value that is not a JWT', () => bearer('not-a-token'), 'not-accepted'],
    ['an unsigned token (alg none)', () => bearer(unsignedToken({ kid: issuer.kid }, issuer.claims())), 'invalid-token'],
    ['HS256 keyed with the public key', () => bearer(hmacToken({ kid: issuer.kid }, issuer.claims(), issuer.publicKeyPem)), 'invalid-token'],
    ['HS256 keyed with a made-up secret', () => bearer(hmacToken({ kid: issuer.kid }, issuer.claims(), 'secret')), 'invalid-token'],
    ['a stripped signature', () => bearer(`${valid().split('.').slice(0, 2).join('.')}.`), 'invalid-token'],
    [
      'claims changed after signing',
      () => {
        const [head, , signature] = valid().split('.');
        const longer = Buffer.from(JSON.stringify(issuer.claims({ exp: now() + 365 * 86_400 }))).toString('base64url');
        return bearer(`${head}.${longer}.${signature}`);
      },
      'invalid-token',
    ],
    ['a signature by another RSA key under the same kid', () => bearer(issuer.token(issuer.claims(), { key: otherRsaKey() })), 'invalid-token'],
    [
      'an Emulator issuer, signed by another key',
      () => bearer(issuer.token(issuer.claims({ iss: EMULATOR_ISSUER, ver: '1.0', appid: APP_ID }), { key: otherRsaKey() })),
      'invalid-token',
    ],
    ['a key id the metadata does not list', () => bearer(issuer.token(issuer.claims(), { header: { kid: 'unknown-key' } })), 'not-accepted'],
    ['an expired token', () => bearer(issuer.token(issuer.claims({ iat: now() - 7200, nbf: now() - 7200, exp: now() - 3600 }))), 'expired'],
    ['a token not valid yet (nbf in an hour)', () => bearer(issuer.token(issuer.claims({ nbf: now() + 3600, exp: now() + 7200 }))), 'not-yet-valid'],
    ['another audience', () => bearer(issuer.token(issuer.claims({ aud: 'another-bot' }))), 'not-accepted'],
    ['no audience', () => bearer(issuer.token(issuer.claims({ aud: undefined }))), 'not-accepted'],
    ['another issuer', () => bearer(issuer.token(issuer.claims({ iss: 'https://issuer.invalid' }))), 'not-accepted'],
    ['another service URL', () => bearer(issuer.token(issuer.claims({ serviceurl: 'http://127.0.0.1:1' }))), 'not-accepted'],
  ];
  it.each(cases)('%s', async (_name, authorization, reason) => {
    await expectRefused(bot, authorization(), reason);
  });

  it('a valid token when the key metadata cannot be reached, every time', async () => {
    await expectRefused(botWithoutKeys, bearer(issuer.token(issuer.claims())), 'unverifiable');
    await expectRefused(botWithoutKeys, bearer(issuer.token(issuer.claims())), 'unverifiable');
  });

  it('after all of them both processes are alive, a valid token is still served, and no refused request reached the bot', async () => {
    expect(bot.child.exitCode).toBeNull();
    expect(botWithoutKeys.child.exitCode).toBeNull();
    const response = await hola(bot.url, bearer(issuer.token(issuer.claims())));
    expect(response.status).toBe(200);
    // Two turns: the first valid request and this one.
    await refusalLine(botWithoutKeys, 2);
    await expect.poll(() => logLines(bot).filter((line) => line.event === 'turn').length).toBe(2);
    expect(logLines(botWithoutKeys).filter((line) => line.event === 'turn')).toEqual([]);
  });
});

// A stand-in for the Bot Framework token service on 127.0.0.1: it serves an OpenID
// configuration and its JWKS (one RSA key), and signs channel tokens with that key, so
// the bot's real token checks can be exercised without a network.
import { createHmac, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The issuer of tokens from the Bot Framework channels (public cloud). */
export const CHANNEL_ISSUER = 'https://api.botframework.com';

export type Claims = Record<string, unknown>;
export type Header = Record<string, unknown>;

export interface TokenIssuer {
  metadataUrl: string;
  kid: string;
  /** The public key in PEM, as a forger would find it. */
  publicKeyPem: string;
  /** Requests served so far (the configuration and the key set). */
  requests: string[];
  /** The claims of a channel token that the bot must accept; `changes` override them (undefined removes one). */
  claims(changes?: Claims): Claims;
  /** A JWT with the issuer's key (RS256, its kid); `key` signs with another RSA key instead. */
  token(claims: Claims, options?: { header?: Header; key?: KeyObject }): string;
  close(): Promise<void>;
}

export interface ChannelIdentity {
  appId: string;
  serviceUrl: string;
}

export async function startTokenIssuer(identity: ChannelIdentity): Promise<TokenIssuer> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = 'enlace-test-key';
  const requests: string[] = [];
  let base = '';
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const json = (body: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.url === '/v1/.well-known/openidconfiguration') {
      json({ issuer: CHANNEL_ISSUER, jwks_uri: `${base}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ['RS256'] });
    } else if (req.url === '/v1/.well-known/keys') {
      json({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid, kty: 'RSA', use: 'sig', endorsements: ['emulator', 'msteams'] }] });
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    metadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    kid,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    requests,
    claims(changes = {}) {
      const now = Math.floor(Date.now() / 1000);
      const claims: Claims = {
        iss: CHANNEL_ISSUER,
        aud: identity.appId,
        serviceurl: identity.serviceUrl,
        iat: now - 60,
        nbf: now - 60,
        exp: now + 3600,
        ...changes,
      };
      for (const [name, value] of Object.entries(changes)) if (value === undefined) delete claims[name];
      return claims;
    },
    token(claims, options = {}) {
      const header = { alg: 'RS256', typ: 'JWT', kid, ...options.header };
      const signed = `${encode(header)}.${encode(claims)}`;
      return `${signed}.${sign('sha256', Buffer.from(signed), options.key ?? privateKey).toString('base64url')}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A JWT signed with HMAC-SHA256 under `secret` (the forger's choice of algorithm). */
export function hmacToken(header: Header, claims: Claims, secret: string | Buffer): string {
  const signed = `${encode({ typ: 'JWT', ...header, alg: 'HS256' })}.${encode(claims)}`;
  return `${signed}.${createHmac('sha256', secret).update(signed).digest('base64url')}`;
}

/** An unsigned JWT ("alg": "none"). */
export function unsignedToken(header: Header, claims: Claims): string {
  return `${encode({ typ: 'JWT', ...header, alg: 'none' })}.${encode(claims)}.`;
}

export function otherRsaKey(): KeyObject {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
}

function encode(part: object): string {
  return Buffer.from(JSON.stringify(part)).toString('base64url');
}

/** A metadata URL on 127.0.0.1 where nothing listens. */
export async function unreachableMetadataUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/v1/.well-known/openidconfiguration`;
}

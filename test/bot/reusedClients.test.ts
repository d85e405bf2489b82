// One connector client per app id, service URL and audience, and one token client per app id,
// instead of new ones, each with its own HTTP pipeline, at every turn.
import type { Activity } from 'botbuilder';
import {
  BotFrameworkAuthentication,
  ClaimsIdentity,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
import { describe, expect, it } from 'vitest';
import { ReusedClientsAuthentication } from '../../src/bot/reusedClients.js';

const claimsFor = (appId: string) => new ClaimsIdentity([{ type: 'aud', value: appId }], true);

/** botbuilder's side, counting the clients it makes; the first `failures` makes fail. */
class CountingAuthentication extends BotFrameworkAuthentication {
  made: string[] = [];
  tokenClients = 0;
  constructor(private failures = 0) {
    super();
  }
  private factory(appId: string): ConnectorFactory {
    const outer = this;
    return new (class extends ConnectorFactory {
      async create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
        if (outer.failures > 0) {
          outer.failures--;
          throw new Error('no token');
        }
        outer.made.push(`${appId} ${serviceUrl} ${audience}`);
        return { serviceUrl, made: outer.made.length } as unknown as ConnectorClient;
      }
    })();
  }
  async authenticateRequest(activity: Activity): Promise<AuthenticateRequestResult> {
    const claimsIdentity = claimsFor(activity.recipient.id);
    return { claimsIdentity, audience: 'https://api.botframework.com', callerId: 'caller', connectorFactory: this.factory(activity.recipient.id) };
  }
  authenticateStreamingRequest(): Promise<AuthenticateRequestResult> {
    throw new Error('not used');
  }
  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.factory(String(claimsIdentity.getClaimValue('aud')));
  }
  async createUserTokenClient(): Promise<UserTokenClient> {
    this.tokenClients++;
    return { n: this.tokenClients } as unknown as UserTokenClient;
  }
}

const activityTo = (appId: string) => ({ recipient: { id: appId } }) as Activity;

describe('ReusedClientsAuthentication', () => {
  it('gives every turn to the same service URL the same connector client, and a new one elsewhere', async () => {
    const inner = new CountingAuthentication();
    const auth = new ReusedClientsAuthentication(inner);
    const clients = [];
    for (let turn = 0; turn < 5; turn++) {
      const result = await auth.authenticateRequest(activityTo('app-1'), 'Bearer x');
      expect(result.callerId).toBe('caller');
      clients.push(await result.connectorFactory!.create('https://smba.example/emea/', result.audience));
    }
    expect(new Set(clients).size).toBe(1);
    // A proactive message to the same place reuses it too.
    const proactive = await auth.createConnectorFactory(claimsFor('app-1')).create('https://smba.example/emea/', 'https://api.botframework.com');
    expect(proactive).toBe(clients[0]);
    const elsewhere = await (await auth.authenticateRequest(activityTo('app-1'), '')).connectorFactory!.create('https://smba.example/amer/', 'a');
    const otherApp = await (await auth.authenticateRequest(activityTo('app-2'), '')).connectorFactory!.create('https://smba.example/emea/', 'a');
    const otherAudience = await auth.createConnectorFactory(claimsFor('app-1')).create('https://smba.example/emea/', 'skill-caller');
    expect(new Set([clients[0], elsewhere, otherApp, otherAudience]).size).toBe(4);
    expect(inner.made).toHaveLength(4);
  });

  it('makes a client again after making it failed', async () => {
    const inner = new CountingAuthentication(1);
    const auth = new ReusedClientsAuthentication(inner);
    const factory = auth.createConnectorFactory(claimsFor('app-1'));
    await expect(factory.create('https://smba.example/', 'a')).rejects.toThrow('no token');
    const client = await factory.create('https://smba.example/', 'a');
    expect(await factory.create('https://smba.example/', 'a')).toBe(client);
    expect(inner.made).toHaveLength(1);
  });

  it('keeps a bounded number of clients when service URLs keep changing', async () => {
    const inner = new CountingAuthentication();
    const auth = new ReusedClientsAuthentication(inner);
    const factory = auth.createConnectorFactory(claimsFor('app-1'));
    const first = await factory.create('https://made-up.example/0/', 'a');
    for (let n = 1; n <= 200; n++) await factory.create(`https://made-up.example/${n}/`, 'a');
    // The oldest was let go: asked for again, it is made anew.
    expect(await factory.create('https://made-up.example/0/', 'a')).not.toBe(first);
    expect(inner.made).toHaveLength(202);
  });

  it('makes one token client per app id', async () => {
    const inner = new CountingAuthentication();
    const auth = new ReusedClientsAuthentication(inner);
    const a = await auth.createUserTokenClient(claimsFor('app-1'));
    expect(await auth.createUserTokenClient(claimsFor('app-1'))).toBe(a);
    expect(await auth.createUserTokenClient(claimsFor('app-2'))).not.toBe(a);
    expect(inner.tokenClients).toBe(2);
  });
});

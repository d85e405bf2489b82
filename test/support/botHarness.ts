// Dialog transcript tests: the real bot, dialogs and store (on a temp folder) behind
// botbuilder's TestAdapter, with a clock the test sets.
import { TestAdapter, type Activity } from 'botbuilder';
import { createServices, memoryFollowUpStores, type AppServices } from '../../src/app/services.js';
import type { MemoryJobQueue } from '../../src/store/memoryJobQueue.js';
import { EnlaceBot } from '../../src/bot/enlaceBot.js';
import { CollectionStorage } from '../../src/bot/storage.js';
import { EnlaceConversationState } from '../../src/bot/conversationState.js';
import type { Case, Staff } from '../../src/domain/schemas.js';
import { JsonStore } from '../../src/store/jsonStore.js';
import { createDialogs } from '../../dialogs/index.js';
import { staffRecord } from './records.js';
import { tempDir } from './tempDir.js';

export interface Harness {
  store: JsonStore;
  services: AppServices;
  dataDir: string;
  clock: { now: Date };
  /** The follow-up jobs the services read. */
  jobs: MemoryJobQueue;
  /** How many scheduler rounds were asked for (`services.followUps.nudge()`). */
  nudges: { count: number };
  /** Sends `text` as `user` and returns the text of every reply, in order. */
  send(text: string, user?: string, extra?: Partial<Activity>): Promise<string[]>;
  /** The replies to the last message sent, whole (suggested actions included). */
  lastReplies: Partial<Activity>[];
  /** Sends each message in turn and returns the replies to the last one. */
  sendAll(texts: string[], user?: string): Promise<string[]>;
  close(): Promise<void>;
}

export const DEMO_STAFF: Staff[] = [
  staffRecord({ id: 'worker-1', name: 'Lucía Martín', role: 'worker', team: 'norte', language: 'es' }),
  staffRecord({ id: 'worker-2', name: 'Pablo Ruiz', role: 'worker', team: 'norte', language: 'es' }),
  staffRecord({ id: 'worker-en', name: 'Sarah Jones', role: 'worker', team: 'sur', language: 'en' }),
  staffRecord({ id: 'super-1', name: 'Marta Gil', role: 'supervisor', team: 'norte', language: 'es' }),
  staffRecord({ id: 'super-sur', name: 'Tom Baker', role: 'supervisor', team: 'sur', language: 'en' }),
  staffRecord({ id: 'admin-1', name: 'Admin', role: 'admin', team: 'central', language: 'es' }),
];

export async function createHarness(
  options: { now?: Date; staff?: Staff[]; cases?: Case[]; dataDir?: string; allowedTenantIds?: string[] } = {},
): Promise<Harness> {
  const dataDir = options.dataDir ?? (await tempDir());
  const store = await JsonStore.open(dataDir);
  for (const staff of options.staff ?? DEMO_STAFF) await store.repositories.staff.put(staff);
  for (const record of options.cases ?? []) await store.repositories.cases.put(record);
  const clock = { now: options.now ?? new Date('2026-11-23T09:00:00Z') };
  const stores = memoryFollowUpStores();
  const jobs = stores.jobs;
  const nudges = { count: 0 };
  const services = createServices(store.repositories, () => clock.now, undefined, stores);
  // Rounds asked for are counted, not run: nothing here sends.
  services.followUps.useScheduler({ runNow: async () => void nudges.count++ });
  const conversationState = new EnlaceConversationState(new CollectionStorage(store.repositories.botState));
  const bot = new EnlaceBot({ services, conversationState, dialogs: createDialogs(), allowedTenantIds: options.allowedTenantIds ?? [] });
  const adapter = new TestAdapter((context) => bot.run(context));

  const send = async (text: string, user = 'worker-1', extra: Partial<Activity> = {}) => {
    adapter.activeQueue.splice(0);
    await adapter.processActivity({
      type: 'message',
      text,
      from: { id: user, name: user },
      conversation: { id: `conv-${user}` } as Activity['conversation'],
      channelId: 'test',
      serviceUrl: 'https://test.local',
      ...extra,
    });
    const replies = adapter.activeQueue.splice(0);
    harness.lastReplies = replies;
    return replies.map((a) => a.text ?? '');
  };
  const harness: Harness = {
    store,
    services,
    dataDir,
    clock,
    jobs,
    nudges,
    send,
    lastReplies: [],
    async sendAll(texts, user) {
      let replies: string[] = [];
      for (const text of texts) replies = await send(text, user);
      return replies;
    },
    close: () => store.close(),
  };
  return harness;
}

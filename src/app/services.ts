// What a turn can use: the application services, which apply the access rules and audit.
// The repositories stay behind them.
import { defaultConfig, type PracticeConfig } from '../domain/config.js';
import { OutboxRecordSchema, type OutboxRecord } from '../domain/followups/outbox.js';
import type { JobQueue } from '../domain/followups/queue.js';
import type { Collection, Repositories } from '../domain/ports.js';
import { MemoryJobQueue } from '../store/memoryJobQueue.js';
import { MemoryCollection } from '../store/memoryStore.js';
import { CaseService } from './caseService.js';
import { ClientService } from './clientService.js';
import { DataRightsService } from './dataRights.js';
import { DirectoryService } from './directoryService.js';
import { FollowUpContent } from './followUpContent.js';
import { FollowUpDelivery } from './followUpDelivery.js';
import { FollowUpPlanner } from './followUpPlanner.js';
import { FollowUpService, type FollowUpLog } from './followUpService.js';
import { IdentityService } from './identityService.js';
import { LinkCodeService } from './linkCodes.js';
import { OutcomesService } from './outcomesService.js';
import { PeopleService } from './peopleService.js';

export interface AppServices {
  cases: CaseService;
  clients: ClientService;
  dataRights: DataRightsService;
  directory: DirectoryService;
  identity: IdentityService;
  people: PeopleService;
  linkCodes: LinkCodeService;
  outcomes: OutcomesService;
  followUps: FollowUpService;
  config: PracticeConfig;
  now: () => Date;
}

/** Where follow-ups are kept: the job queue and the outbox of accepted messages. */
export interface FollowUpStores {
  jobs: JobQueue;
  outbox: Collection<OutboxRecord>;
}

/** Follow-up stores in memory, for tests whose store is in memory too. */
export function memoryFollowUpStores(): FollowUpStores & { jobs: MemoryJobQueue } {
  return { jobs: new MemoryJobQueue(), outbox: new MemoryCollection('outbox', OutboxRecordSchema) };
}

export function createServices(
  repos: Repositories,
  now: () => Date = () => new Date(),
  config = defaultConfig,
  stores: FollowUpStores = memoryFollowUpStores(),
  log: FollowUpLog = () => {},
): AppServices {
  const lookup = {
    caseById: (id: string) => repos.cases.get(id),
    caseHeaderById: (id: string) => repos.cases.headerOf(id),
    staffById: (id: string) => repos.staff.get(id),
    supervisorsOf: async (team: string) => (await repos.staff.all()).filter((s) => s.role === 'supervisor' && s.team === team),
  };
  const planner = new FollowUpPlanner(stores.jobs, lookup, config, now);
  // Every change to a case derives its follow-ups again; the services call this once the change is saved.
  let followUps: FollowUpService | undefined;
  const caseChanged = (caseId: string) => followUps?.caseChanged(caseId) ?? Promise.resolve();
  const cases = new CaseService(repos, now, caseChanged);
  const identity = new IdentityService(repos, now);
  const content = new FollowUpContent(repos, stores.jobs, config);
  const delivery = new FollowUpDelivery({ repos, queue: stores.jobs, outbox: stores.outbox, cases, identity, planner, content, config, now });
  followUps = new FollowUpService({
    repos,
    queue: stores.jobs,
    cases,
    identity,
    planner,
    delivery,
    defaultTimeZone: config.defaultTimeZone,
    now,
    log,
  });
  return {
    cases,
    clients: new ClientService(repos, now, caseChanged),
    dataRights: new DataRightsService(repos, cases, now),
    directory: new DirectoryService(repos, now),
    identity,
    people: new PeopleService(repos, now),
    linkCodes: new LinkCodeService(repos, cases, now, config),
    outcomes: new OutcomesService(repos, now),
    followUps,
    config,
    now,
  };
}

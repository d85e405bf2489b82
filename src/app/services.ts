// What a turn can use: the application services, which apply the access rules and audit.
// The repositories stay behind them.
import { defaultConfig, type PracticeConfig } from '../domain/config.js';
import type { JobQueue } from '../domain/followups/queue.js';
import type { Repositories } from '../domain/ports.js';
import { CaseService } from './caseService.js';
import { ClientService } from './clientService.js';
import { DirectoryService } from './directoryService.js';
import { FollowUpService } from './followUpService.js';
import { IdentityService } from './identityService.js';
import { LinkCodeService } from './linkCodes.js';
import { PeopleService } from './peopleService.js';

export interface AppServices {
  cases: CaseService;
  clients: ClientService;
  directory: DirectoryService;
  followUps: FollowUpService;
  identity: IdentityService;
  people: PeopleService;
  linkCodes: LinkCodeService;
  config: PracticeConfig;
  now: () => Date;
}

/** The follow-up jobs and the scheduler round, once the scheduler is wired in. */
export interface FollowUpWiring {
  queue: JobQueue;
  runRound: () => Promise<unknown>;
}

export function createServices(repos: Repositories, now: () => Date = () => new Date(), config = defaultConfig, followUps?: FollowUpWiring): AppServices {
  const cases = new CaseService(repos, now);
  return {
    cases,
    clients: new ClientService(repos, now),
    directory: new DirectoryService(repos, now),
    followUps: new FollowUpService(cases, followUps?.queue, followUps?.runRound),
    identity: new IdentityService(repos, now),
    people: new PeopleService(repos, now),
    linkCodes: new LinkCodeService(repos, cases, now, config),
    config,
    now,
  };
}

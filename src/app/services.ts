// What a turn can use: the application services, which apply the access rules and audit.
// The repositories stay behind them.
import { defaultConfig, type PracticeConfig } from '../domain/config.js';
import type { Repositories } from '../domain/ports.js';
import { CaseService } from './caseService.js';
import { ClientService } from './clientService.js';
import { DirectoryService } from './directoryService.js';
import { IdentityService } from './identityService.js';
import { LinkCodeService } from './linkCodes.js';
import { PeopleService } from './peopleService.js';

export interface AppServices {
  cases: CaseService;
  clients: ClientService;
  directory: DirectoryService;
  identity: IdentityService;
  people: PeopleService;
  linkCodes: LinkCodeService;
  config: PracticeConfig;
  now: () => Date;
}

export function createServices(repos: Repositories, now: () => Date = () => new Date(), config = defaultConfig): AppServices {
  const cases = new CaseService(repos, now);
  return {
    cases,
    clients: new ClientService(repos, now),
    directory: new DirectoryService(repos, now),
    identity: new IdentityService(repos, now),
    people: new PeopleService(repos, now),
    linkCodes: new LinkCodeService(repos, cases, now, config),
    config,
    now,
  };
}

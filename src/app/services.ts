// What a turn can use: the repositories and the application services built on them.
import { defaultConfig, type PracticeConfig } from '../domain/config.js';
import type { Repositories } from '../domain/ports.js';
import { CaseService } from './caseService.js';
import { LinkCodeService } from './linkCodes.js';

export interface AppServices {
  repos: Repositories;
  cases: CaseService;
  linkCodes: LinkCodeService;
  config: PracticeConfig;
  now: () => Date;
}

export function createServices(repos: Repositories, now: () => Date = () => new Date(), config = defaultConfig): AppServices {
  const cases = new CaseService(repos, now);
  return { repos, cases, linkCodes: new LinkCodeService(repos, cases, now, config), config, now };
}

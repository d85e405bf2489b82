// The service directory (SPEC §2 step 5): every staff member reads it; only an admin adds a
// service or changes one. Changes and refusals are audited; the directory is not case data,
// so its entries carry no case id.
import { canChangeDirectory, canReadDirectory, type Actor } from '../domain/access.js';
import { newId } from '../domain/ids.js';
import type { Repositories } from '../domain/ports.js';
import { ServiceSchema, type Service } from '../domain/schemas.js';
import { auditOn, type Audit } from './audit.js';

export class DirectoryAccessError extends Error {
  constructor(readonly action: string) {
    super(`No access to the service directory (${action})`);
    this.name = 'DirectoryAccessError';
  }
}

export type NewService = Omit<Service, 'id' | 'active'>;

export class DirectoryService {
  private readonly audit: Audit;

  constructor(
    private readonly repos: Repositories,
    now: () => Date = () => new Date(),
  ) {
    this.audit = auditOn(repos.audit, now);
  }

  /** The services an admin manages (all of them), or that staff may refer to (the active ones). */
  async list(actor: Actor): Promise<Service[]> {
    await this.check(actor, 'directory.read', canReadDirectory);
    const all = await this.repos.services.all();
    return canChangeDirectory(actor) ? [...all] : all.filter((s) => s.active);
  }

  /** One service, active or not (a referral keeps naming a service after it is deactivated). */
  async get(actor: Actor, serviceId: string): Promise<Service | undefined> {
    await this.check(actor, 'directory.read', canReadDirectory);
    return this.repos.services.get(serviceId);
  }

  /** Adds an active service under a new id; throws when a detail is invalid. */
  async add(actor: Actor, details: NewService): Promise<Service> {
    await this.check(actor, 'directory.add', canChangeDirectory);
    const service = await this.repos.services.put(ServiceSchema.parse({ ...details, id: newId('SV'), active: true }));
    await this.audit(actor, 'directory.add', undefined);
    return service;
  }

  /** Applies `change` to the stored service (validated); undefined when there is no such service. */
  async change(actor: Actor, serviceId: string, action: string, change: (current: Service) => Service): Promise<Service | undefined> {
    await this.check(actor, action, canChangeDirectory);
    const updated = await this.repos.services.update(serviceId, (current) => current && change(current));
    await this.audit(actor, action, undefined);
    return updated;
  }

  private async check(actor: Actor, action: string, allowed: (actor: Actor) => boolean): Promise<void> {
    if (allowed(actor)) return;
    await this.audit(actor, action, undefined, 'denied');
    throw new DirectoryAccessError(action);
  }
}

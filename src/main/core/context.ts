import type { CoreEvents } from './events';
import type { LeadsRepo } from './leads/repo';
import type { Dialing } from './queue/dialing';
import type { Db } from './store/db';
import type { Clock, Outbox } from './sync/outbox';

/**
 * What every domain's handlers are built from: the open store and the services over it. Declared in
 * this leaf module (types only) so that domains never import the module that wires them together.
 */
export type CoreContext = {
  db: Db;
  dataDir: string;
  /** The clock every write stamps its times with (UTC epoch ms). */
  now: Clock;
  events: CoreEvents;
  outbox: Outbox;
  leads: LeadsRepo;
  /** The cadence engine and call queue; `dialing.enrollNewLeads` puts new leads on their cadence. */
  dialing: Dialing;
};

/** The part of the context the queue, outcome and cadence handlers use. */
export type DialingContext = Pick<CoreContext, 'dialing' | 'events' | 'now'>;

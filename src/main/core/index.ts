import { createCadenceHandlers } from './cadence/handlers';
import { type CoreEvents, createCoreEvents } from './events';
import { type FailurePlace, guardHandlers, toAppError } from './guard';
import type { Handlers } from './handlers';
import { createImportsHandlers } from './imports/handlers';
import { DEMO_LEADS } from './leads/demo';
import { createLeadsHandlers } from './leads/handlers';
import { createLeadsRepo, type LeadsRepo } from './leads/repo';
import { createOutcomesHandlers } from './outcomes/handlers';
import { storeFile } from './paths';
import { createDialing, type Dialing } from './queue/dialing';
import { createQueueHandlers } from './queue/handlers';
import { createSettingsHandlers } from './settings/handlers';
import { readSetting, writeSetting } from './settings/repo';
import { type Db, type OpenStoreOptions, openStore } from './store/db';
import { type Clock, createOutbox, type Outbox } from './sync/outbox';

export type CoreOptions = OpenStoreOptions & {
  dataDir: string;
  /** Seed the demo call list into a store that has never had one (the app hosts do; the CLI does not). */
  seedDemo?: boolean;
  now?: Clock;
};

export type Core = {
  db: Db;
  dataDir: string;
  now: Clock;
  events: CoreEvents;
  outbox: Outbox;
  leads: LeadsRepo;
  /** The cadence engine and call queue; `dialing.enrollNewLeads` puts new leads on their cadence. */
  dialing: Dialing;
  handlers: Handlers;
  close(): void;
};

/**
 * Opens the store in `dataDir` and wires every domain's handlers into one map, each guarded so a
 * storage failure reaches the caller as its `store_*` code (see guard.ts). Throws the same AppErrors
 * as `openStore`, and `store_*` codes for a failure while getting the store ready.
 */
export const openCore = (options: CoreOptions): Core => {
  const place: FailurePlace = { storeFile: storeFile(options.dataDir), dataDir: options.dataDir };
  const db = openStore(place.storeFile, options);
  try {
    return wireCore(db, options, place);
  } catch (error) {
    db.close();
    throw toAppError(error, 'opening the store', place);
  }
};

const wireCore = (db: Db, options: CoreOptions, place: FailurePlace): Core => {
  const now = options.now ?? Date.now;
  const events = createCoreEvents();
  const outbox = createOutbox(db, now);
  const leads = createLeadsRepo(db, outbox, now);
  const dialing = createDialing({ db, outbox, now, events });
  dialing.ensureReady(now());
  if (options.seedDemo && !readSetting(db, 'demo.seeded')) {
    db.transaction(() => {
      const ids = DEMO_LEADS.map((lead) => leads.create(lead, { record: false }).id);
      dialing.enrollNewLeads(ids);
      writeSetting(db, 'demo.seeded', true);
    })();
  }
  const base = { db, dataDir: options.dataDir, now, events, outbox, leads, dialing };
  const handlers: Handlers = guardHandlers(
    {
      ...createLeadsHandlers(base),
      ...createImportsHandlers(base),
      ...createSettingsHandlers(base),
      ...createQueueHandlers(base),
      ...createOutcomesHandlers(base),
      ...createCadenceHandlers(base),
    },
    place,
  );
  return { ...base, handlers, close: () => db.close() };
};

export type CoreContext = Omit<Core, 'handlers' | 'close'>;

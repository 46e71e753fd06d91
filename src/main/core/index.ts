import { createCadenceHandlers } from './cadence/handlers';
import type { CoreContext } from './context';
import { createEmailTemplatesHandlers } from './emailTemplates/handlers';
import { createCoreEvents } from './events';
import { type FailurePlace, guardHandlers, toAppError } from './guard';
import { type Handlers, joinHandlers } from './handlers';
import { createImportsHandlers } from './imports/handlers';
import { createImportThreads } from './imports/worker/threads';
import { DEMO_LEADS, storeTakesDemoLeads } from './leads/demo';
import { createLeadEditHandlers, createPhoneLinkHandlers } from './leads/editHandlers';
import { createLeadsHandlers } from './leads/handlers';
import { createLeadsRepo } from './leads/repo';
import { createCallbacksHandlers } from './outcomes/callbacks';
import { createOutcomesHandlers } from './outcomes/handlers';
import { storeFile } from './paths';
import { createQualificationHandlers } from './qualification/handlers';
import { createDialing } from './queue/dialing';
import { createQueueHandlers } from './queue/handlers';
import { createScriptsHandlers } from './scripts/handlers';
import { createSessionHandlers } from './session/handlers';
import { createSettingsHandlers } from './settings/handlers';
import { readSetting, writeSetting } from './settings/repo';
import { type Db, type OpenStoreOptions, openStore } from './store/db';
import { type OtherWritersWatch, watchOtherWriters } from './store/other-writers';
import { writeNow } from './store/write-lock';
import type { TokenStore } from './sync/credentials';
import { fileTokenStore } from './sync/credentials';
import { createSyncHandlers } from './sync/handlers';
import { type Clock, createOutbox } from './sync/outbox';
import { placePulledLeads } from './sync/place-pulled';
import { guardTeamDefinitions, signedInRole } from './sync/read-only-definitions';
import { createSyncService, type SyncService, type SyncServiceOptions } from './sync/service';
import { createTaskEmailHandlers } from './tasks/handlers';
import { createTelephonyHandlers } from './telephony/handlers';
import { fileSecretStore, type SecretStore } from './telephony/secrets';

export type CoreOptions = OpenStoreOptions & {
  dataDir: string;
  /** Seed the demo call list into a store that has never had one (the app hosts do; the CLI does not). */
  seedDemo?: boolean;
  now?: Clock;
  /**
   * Turn other processes' commits to this store into change events (store/other-writers.ts). The app
   * hosts do, so an open window shows what the CLI or a second window wrote; the CLI does not.
   */
  watchOtherWriters?: boolean;
  /** Where the sign-in to the team server is kept (default: the 0600 file in `dataDir`). */
  tokens?: TokenStore;
  /** Where the SIP password is kept (default: the 0600 `secrets.json` in `dataDir`). */
  secrets?: SecretStore;
  /**
   * Sync with the team server in the background while signed in (the app hosts do; the CLI syncs
   * only when asked). `syncTiming` overrides the service's waits (tests).
   */
  syncInBackground?: boolean;
  syncTiming?: Pick<SyncServiceOptions, 'intervalMs' | 'backoff' | 'liveBackoff' | 'debounceMs'>;
};

export type Core = CoreContext & {
  handlers: Handlers;
  /** The background sync (running when opened with `syncInBackground`). */
  sync: SyncService;
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
  const tokens = options.tokens ?? fileTokenStore(options.dataDir);
  if (options.seedDemo && !readSetting(db, 'demo.seeded')) {
    // Decided once per store: a store that was a team's (or held leads) at its first start never
    // receives the demo list later, even after signing out.
    const signedIn = signedInRole(tokens) !== null;
    writeNow(db, () => {
      if (storeTakesDemoLeads(db, signedIn)) {
        const ids = DEMO_LEADS.map((lead) => leads.create(lead, { record: false }).id);
        dialing.enrollNewLeads(ids);
      }
      writeSetting(db, 'demo.seeded', true);
    });
  }
  const base: CoreContext = { db, dataDir: options.dataDir, now, events, outbox, leads, dialing };
  // Imports read and write on their own threads (started on first use), off this event loop.
  const threads = createImportThreads();
  let watch: OtherWritersWatch | undefined;
  const secrets = options.secrets ?? fileSecretStore(options.dataDir);
  const sync = createSyncService({
    db,
    events,
    now,
    tokens,
    onPulled: (leadIds, credentials) => placePulledLeads(base, leadIds, credentials.userId),
    definitions: { dialing, events },
    ...options.syncTiming,
  });
  const handlers: Handlers = guardHandlers(
    guardTeamDefinitions(
      joinHandlers(
        createLeadsHandlers(base),
        createLeadEditHandlers(base),
        createPhoneLinkHandlers(base),
        createCallbacksHandlers(base),
        createImportsHandlers(base, {
          threads,
          nativeBinding: options.nativeBinding,
          // The import thread's commits are this core's own, not another writer's.
          holdWatch: () => watch?.hold() ?? (() => undefined),
        }),
        createSettingsHandlers(base),
        createQueueHandlers(base),
        createOutcomesHandlers(base),
        createCadenceHandlers(base),
        createQualificationHandlers(base),
        createScriptsHandlers(base),
        createTaskEmailHandlers(base),
        createEmailTemplatesHandlers(base),
        createSessionHandlers(base),
        createSyncHandlers(sync),
        createTelephonyHandlers(base, { secrets, tokens }),
      ),
      db,
      tokens,
    ),
    place,
  );
  watch = options.watchOtherWriters ? watchOtherWriters(db, events) : undefined;
  if (options.syncInBackground) sync.start();
  return {
    ...base,
    handlers,
    sync,
    close: () => {
      sync.stop();
      watch?.stop();
      threads.close();
      db.close();
    },
  };
};

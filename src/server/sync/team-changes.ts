import type { FastifyBaseLogger } from 'fastify';
import pg from 'pg';
import { TEAM_CHANGE_CHANNEL } from './versions';

/** The PostgreSQL channel a revoked token's id is announced on, so every process cuts its streams. */
export const TOKEN_REVOKED_CHANNEL = 'dialdeck_token_revoked';

/** A committed change of a team, as announced by `nextVersion`: the team and its new version. */
export type TeamChange = { teamId: string; version: number };

/** One open live stream: its team and token, and how to wake it or cut it off. */
export type ChangeSubscriber = {
  teamId: string;
  tokenId: string;
  wake: (change: TeamChange) => void;
  /** Ends the stream: `revoked` when its token was revoked, `closing` on shutdown. */
  end: (why: 'revoked' | 'closing') => void;
};

/**
 * The process's one listening connection and the live streams it feeds: `connect` opens it,
 * `subscribe` registers a stream (returns its unsubscribe), `close` ends every stream and the
 * connection. `listening` is true while the `LISTEN` is in place.
 */
export type TeamChangeHub = {
  connect(databaseUrl: string): void;
  subscribe(subscriber: ChangeSubscriber): () => void;
  /** The team's current change version (0 before its first change), for a stream's resume. */
  currentVersion(pool: pg.Pool, teamId: string): Promise<number>;
  readonly listening: boolean;
  readonly subscribers: number;
  close(): Promise<void>;
};

/** The waits before reconnecting after the listening connection dropped: 250 ms doubling to 10 s. */
const RECONNECT = { baseMs: 250, maxMs: 10_000 };

/**
 * Parses a `teamId:version` payload (see `nextVersion`); null for anything else.
 */
export const parseTeamChange = (payload: string | undefined): TeamChange | null => {
  const match = /^([0-9a-f-]{36}):(\d+)$/i.exec(payload ?? '');
  if (!match?.[1] || !match[2]) return null;
  return { teamId: match[1].toLowerCase(), version: Number(match[2]) };
};

/**
 * A hub over one dedicated PostgreSQL connection per server process that `LISTEN`s on
 * `TEAM_CHANGE_CHANNEL` (every versioned commit, delivered at commit) and `TOKEN_REVOKED_CHANNEL`.
 * Each announced change wakes the streams of that team only; a revoked token's streams end. When the
 * database drops the connection it reconnects after a jittered, doubling wait (full jitter: Marc
 * Brooker, "Exponential Backoff And Jitter", AWS Architecture Blog, 2015), and on each reconnect wakes
 * every open stream with its team's current version, since announcements made while it was away are
 * lost. Never throws; failures are logged.
 */
export const createTeamChangeHub = (log: FastifyBaseLogger): TeamChangeHub => {
  const subscribers = new Set<ChangeSubscriber>();
  let client: pg.Client | null = null;
  let url: string | null = null;
  let listening = false;
  let closed = false;
  let failures = 0;
  let retry: NodeJS.Timeout | null = null;

  const wakeTeam = (change: TeamChange) => {
    for (const subscriber of subscribers) {
      if (subscriber.teamId === change.teamId) subscriber.wake(change);
    }
  };

  const onNotification = (message: pg.Notification) => {
    if (message.channel === TOKEN_REVOKED_CHANNEL) {
      for (const subscriber of [...subscribers]) {
        if (subscriber.tokenId === message.payload) subscriber.end('revoked');
      }
      return;
    }
    const change = parseTeamChange(message.payload);
    if (change) wakeTeam(change);
  };

  /** After a reconnect: every open stream's team at its current version, so nothing missed stays unseen. */
  const wakeAll = async (connection: pg.Client) => {
    const teams = [...new Set([...subscribers].map((s) => s.teamId))];
    if (teams.length === 0) return;
    const { rows } = await connection.query<{ team_id: string; version: string }>(
      'SELECT team_id, version FROM team_versions WHERE team_id = ANY($1::uuid[])',
      [teams],
    );
    for (const row of rows) wakeTeam({ teamId: row.team_id, version: Number(row.version) });
  };

  const scheduleReconnect = () => {
    if (closed || retry) return;
    const ceiling = Math.min(RECONNECT.maxMs, RECONNECT.baseMs * 2 ** failures);
    const wait = Math.floor(Math.random() * ceiling);
    failures++;
    log.warn({ retryInMs: wait, failures }, 'live changes: listening connection lost; reconnecting');
    retry = setTimeout(() => {
      retry = null;
      void open();
    }, wait);
    retry.unref();
  };

  const open = async () => {
    if (closed || url === null) return;
    const connection = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
    let dropped = false;
    const drop = () => {
      if (dropped) return;
      dropped = true;
      listening = false;
      if (client === connection) client = null;
      connection.removeAllListeners('notification');
      void connection.end().catch(() => {});
      scheduleReconnect();
    };
    connection.on('error', drop);
    connection.on('end', drop);
    connection.on('notification', onNotification);
    try {
      await connection.connect();
      await connection.query(`LISTEN ${TEAM_CHANGE_CHANNEL}`);
      await connection.query(`LISTEN ${TOKEN_REVOKED_CHANNEL}`);
      if (closed) {
        await connection.end().catch(() => {});
        return;
      }
      client = connection;
      listening = true;
      const reconnected = failures > 0;
      failures = 0;
      if (reconnected) {
        log.info('live changes: listening again');
        await wakeAll(connection);
      }
    } catch (error) {
      log.warn({ err: error }, 'live changes: could not listen');
      drop();
    }
  };

  return {
    connect(databaseUrl) {
      url = databaseUrl;
      void open();
    },
    subscribe(subscriber) {
      subscribers.add(subscriber);
      return () => subscribers.delete(subscriber);
    },
    async currentVersion(pool, teamId) {
      const { rows } = await pool.query<{ version: string }>(
        'SELECT version FROM team_versions WHERE team_id = $1',
        [teamId],
      );
      return Number(rows[0]?.version ?? 0);
    },
    get listening() {
      return listening;
    },
    get subscribers() {
      return subscribers.size;
    },
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      for (const subscriber of [...subscribers]) subscriber.end('closing');
      subscribers.clear();
      const connection = client;
      client = null;
      listening = false;
      if (connection) {
        connection.removeAllListeners('end');
        connection.removeAllListeners('error');
        connection.on('error', () => {});
        await connection.end().catch(() => {});
      }
    },
  };
};

import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';

/** A seeded pseudo-random generator (mulberry32): the same seed gives the same draws, in [0, 1). */
export type Random = {
  (): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
};

export const seededRandom = (seed: number): Random => {
  let state = seed >>> 0;
  const next = (() => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }) as Random;
  next.int = (min, max) => min + Math.floor(next() * (max - min + 1));
  next.chance = (p) => next() < p;
  return next;
};

/** How often each fault strikes a push (probabilities, summing to at most 1). */
export type FaultRates = {
  /** The request never reaches the server: the connection is cut before it is forwarded. */
  dropRequest: number;
  /** The server processes the request, then the connection is cut before its answer is passed on. */
  dropResponse: number;
  /** The request waits up to `maxDelayMs` before it is forwarded. */
  delay: number;
  /** The request is delivered twice at once; the client hears one answer. */
  duplicate: number;
};

export const NO_FAULTS: FaultRates = { dropRequest: 0, dropResponse: 0, delay: 0, duplicate: 0 };

/** What the proxy did to push requests so far, by fault. */
export type FaultCounts = {
  pushes: number;
  passed: number;
  droppedRequests: number;
  droppedResponses: number;
  delayed: number;
  duplicated: number;
  failedFirst: number;
  offline: number;
};

export type FaultProxy = {
  url: string;
  /** Points the proxy at another server (a restarted process listens on a new port). */
  setTarget(url: string): void;
  setRates(rates: FaultRates): void;
  /** Offline: every request's connection is cut at once, as when the network is gone. */
  setOffline(offline: boolean): void;
  /** The next `n` pushes are answered 503 by the proxy without reaching the server. */
  failNext(n: number): void;
  /** Called as each push is forwarded (a test kills the server mid-push from here). */
  onForward(hook: (() => void) | null): void;
  counts(): FaultCounts;
  close(): Promise<void>;
};

const PUSH_PATH = '/v1/sync/push';

/** The fault a draw in [0, 1) falls on, the rates laid end to end; null for none. */
const pick = (rates: FaultRates, draw: number): keyof FaultRates | null => {
  let edge = 0;
  for (const fault of ['dropRequest', 'dropResponse', 'delay', 'duplicate'] as const) {
    edge += rates[fault];
    if (draw < edge) return fault;
  }
  return null;
};

const readBody = (incoming: IncomingMessage): Promise<Buffer> =>
  new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.once('end', () => done(Buffer.concat(chunks)));
    incoming.once('error', fail);
  });

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

/** Forwards one request to `target`; resolves with the whole answer, or null when no answer came. */
const forward = (target: URL, incoming: IncomingMessage, body: Buffer): Promise<Answer | null> =>
  new Promise((done) => {
    const headers = { ...incoming.headers, host: target.host, connection: 'close' };
    const outgoing = httpRequest(
      { host: target.hostname, port: target.port, path: incoming.url, method: incoming.method, headers },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.once('end', () =>
          done({ status: answer.statusCode ?? 502, headers: answer.headers, body: Buffer.concat(chunks) }),
        );
        answer.once('error', () => done(null));
      },
    );
    outgoing.once('error', () => done(null));
    outgoing.end(body);
  });

/**
 * An HTTP proxy between desktops and the server that, driven by `random`, drops push requests before
 * they reach the server, drops answers after the server committed, delays and duplicates pushes; can
 * go offline (every connection cut) and fail the next N pushes. Other requests pass untouched (unless
 * offline). A server that cannot be reached shows as a cut connection, as it would to the desktop.
 */
export const startFaultProxy = async (
  target: string,
  random: Random,
  maxDelayMs = 250,
): Promise<FaultProxy> => {
  let upstream = new URL(target);
  let rates = NO_FAULTS;
  let offline = false;
  let failing = 0;
  let hook: (() => void) | null = null;
  const counts: FaultCounts = {
    pushes: 0,
    passed: 0,
    droppedRequests: 0,
    droppedResponses: 0,
    delayed: 0,
    duplicated: 0,
    failedFirst: 0,
    offline: 0,
  };
  const cut = (incoming: IncomingMessage) => incoming.socket.destroy();

  const server: Server = createServer((incoming, outgoing) => {
    void (async () => {
      const body = await readBody(incoming).catch(() => null);
      if (body === null) return;
      const push = incoming.url === PUSH_PATH && incoming.method === 'POST';
      if (push) counts.pushes++;
      if (offline) {
        if (push) counts.offline++;
        cut(incoming);
        return;
      }
      if (push && failing > 0) {
        failing--;
        counts.failedFirst++;
        outgoing.writeHead(503, { 'content-type': 'text/plain', connection: 'close' });
        outgoing.end('Service Unavailable');
        return;
      }
      let answer: Answer | null;
      if (!push) {
        answer = await forward(upstream, incoming, body);
      } else {
        const fault = pick(rates, random());
        if (fault === 'dropRequest') {
          counts.droppedRequests++;
          cut(incoming);
          return;
        }
        hook?.();
        if (fault === 'dropResponse') {
          counts.droppedResponses++;
          await forward(upstream, incoming, body);
          cut(incoming);
          return;
        }
        if (fault === 'delay') {
          counts.delayed++;
          await new Promise((done) => setTimeout(done, random.int(1, maxDelayMs)));
          answer = await forward(upstream, incoming, body);
        } else if (fault === 'duplicate') {
          counts.duplicated++;
          const [first, second] = await Promise.all([
            forward(upstream, incoming, body),
            forward(upstream, incoming, body),
          ]);
          answer = random.chance(0.5) ? (first ?? second) : (second ?? first);
        } else {
          counts.passed++;
          answer = await forward(upstream, incoming, body);
        }
      }
      if (answer === null) {
        cut(incoming);
        return;
      }
      const { connection: _, 'transfer-encoding': __, ...headers } = answer.headers;
      outgoing.writeHead(answer.status, { ...headers, 'content-length': answer.body.length });
      outgoing.end(answer.body);
    })();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    setTarget: (url) => {
      upstream = new URL(url);
    },
    setRates: (next) => {
      rates = next;
    },
    setOffline: (value) => {
      offline = value;
    },
    failNext: (n) => {
      failing = n;
    },
    onForward: (next) => {
      hook = next;
    },
    counts: () => ({ ...counts }),
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
};

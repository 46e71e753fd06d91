import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { poolOf, type ServerContext } from '../context';

const ClockInput = z.object({ offsetMs: z.number().int() }).strict();

const SlowQuery = z.object({ ms: z.coerce.number().int().min(0).max(60_000) });

/**
 * Routes for the server's own tests, mounted only when `DIALDECK_SERVER_TEST_ROUTES=1`:
 * `GET /v1/test/slow?ms=N` holds a database connection in `pg_sleep` for N ms (0–60 000), so a test
 * can prove that shutdown lets an in-flight request finish before the database stops;
 * `POST /v1/test/clock {offsetMs}` moves this process's clock (`nowOf`) by `offsetMs` from the system
 * clock, so a test can let a 48-hour hand-off window run out → `{offsetMs}`.
 */
export const testRoutes = (app: FastifyInstance, context: ServerContext): void => {
  app.get('/v1/test/slow', { config: { access: 'public' } }, async (request) => {
    const { ms } = SlowQuery.parse(request.query);
    const { rows } = await poolOf(context).query<{ slept: number }>(
      'SELECT pg_sleep($1::float / 1000), $1::int AS slept',
      [ms],
    );
    return { slept: rows[0]?.slept ?? 0 };
  });
  app.post('/v1/test/clock', { config: { access: 'public' } }, async (request) => {
    const { offsetMs } = ClockInput.parse(request.body);
    context.clockOffsetMs = offsetMs;
    return { offsetMs };
  });
};

import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { schemaVersion } from '../db/migrate';
import { latestServerSchema } from '../db/migrations';
import { ServerError } from '../errors';

/**
 * `GET /health` (the process is up: always 200 while it serves) and `GET /ready` (200
 * `{status:'ready', schema}` once the database answers and is migrated to this server's schema, else
 * 503 `server_database_unreachable`), both without a token, for load balancers and orchestrators.
 */
export const healthRoutes = (app: FastifyInstance, context: ServerContext): void => {
  app.get('/health', { config: { access: 'public' } }, async () => ({ status: 'ok' }));
  app.get('/ready', { config: { access: 'public' } }, async () => {
    const notReady = (why: string) =>
      new ServerError('server_database_unreachable', `The server is not ready: ${why}.`);
    if (context.pool === null) throw notReady('its database is still starting');
    const schema = await schemaVersion(context.pool).catch((error: unknown) => {
      throw notReady(
        `its database does not answer (${error instanceof Error ? error.message : String(error)})`,
      );
    });
    if (schema < latestServerSchema || context.schema < latestServerSchema) {
      throw notReady(`its database is at schema ${schema} of ${latestServerSchema}; migrations are running`);
    }
    return { status: 'ready', schema };
  });
};

import { INBOUND_HEADERS, InboundLeadInput } from '@shared/server/inbound';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseBody } from '../access';
import { poolOf, type ServerContext } from '../context';
import { ServerError } from '../errors';
import { readInboundLead } from '../inbound/normalize';
import { inboundSecretOf, receiveInbound } from '../inbound/receive';
import { checkTimestamp, invalidSignature, verifySignature } from '../inbound/signature';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Inbound posts per minute and team (per client address when no team is named): 300 by default,
 * `DIALDECK_SERVER_INBOUND_LIMIT` to change it. Counted before the signature is checked, so a flood
 * of forged posts is throttled too. Kept per process, like the token routes' limit.
 */
const inboundLimit = (): number => {
  const value = Number(process.env.DIALDECK_SERVER_INBOUND_LIMIT);
  return Number.isInteger(value) && value > 0 ? value : 300;
};

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * `POST /v1/leads/inbound` (public; the signature is the credential): a web form or another system
 * posts one lead as JSON (`InboundLeadInput`), signed with its team's inbound secret
 * (`X-Dialdeck-Team`, `X-Dialdeck-Timestamp`, `X-Dialdeck-Signature: v1=<hex>`, see
 * `@shared/server/inbound`). Answers 201 `InboundLeadOutput` for a new lead, 200 for one the team had
 * (`duplicate: true`). Refusals, each before anything is stored: 401 `inbound_signature_invalid`
 * (unknown team or wrong signature, told apart by nobody), 401 `inbound_timestamp_stale`, 409
 * `inbound_replayed`, 400 `invalid_input` with `details.issues` naming each field, 429 `rate_limited`.
 * The body is read raw, since the signature covers its exact bytes.
 */
export const inboundRoutes = async (app: FastifyInstance, context: ServerContext): Promise<void> => {
  await app.register(async (scope) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );
    scope.post(
      '/v1/leads/inbound',
      {
        bodyLimit: 64 * 1024,
        config: {
          access: 'public',
          rateLimit: {
            max: inboundLimit(),
            timeWindow: 60_000,
            keyGenerator: (request) => `inbound:${header(request, INBOUND_HEADERS.team) ?? request.ip}`,
          },
        },
      },
      async (request, reply) => {
        const now = Date.now();
        const teamId = header(request, INBOUND_HEADERS.team)?.toLowerCase() ?? '';
        const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const pool = poolOf(context);
        const secret = UUID.test(teamId) ? await inboundSecretOf(pool, teamId) : null;
        if (secret === null) throw invalidSignature();
        const timestamp = header(request, INBOUND_HEADERS.timestamp) ?? '';
        const digest = verifySignature(secret, timestamp, raw, header(request, INBOUND_HEADERS.signature));
        const signedAt = checkTimestamp(timestamp, now);
        let json: unknown;
        try {
          json = JSON.parse(raw.toString('utf8'));
        } catch {
          throw new ServerError('invalid_input', 'The body is not JSON. Send the lead as a JSON object.');
        }
        const body = parseBody(InboundLeadInput, json);
        const reading = readInboundLead(body);
        if (!reading.ok) {
          throw new ServerError(
            'invalid_input',
            `The lead is not valid: ${reading.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
            { issues: reading.issues },
          );
        }
        const answer = await receiveInbound(pool, {
          teamId,
          digest,
          signedAt,
          body,
          reading: reading.value,
          now,
        });
        return reply.code(answer.duplicate ? 200 : 201).send(answer);
      },
    );
  });
};

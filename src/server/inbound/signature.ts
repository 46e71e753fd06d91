import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  INBOUND_SIGNATURE_SCHEME,
  INBOUND_TIMESTAMP_TOLERANCE_SECONDS,
  inboundSignedText,
} from '@shared/server/inbound';
import { ServerError } from '../errors';

/** The HMAC-SHA256 of `timestamp.rawBody` under the team's inbound secret (32 bytes). */
export const inboundDigest = (secret: string, timestamp: string, rawBody: Buffer): Buffer =>
  createHmac('sha256', secret).update(inboundSignedText(timestamp, '')).update(rawBody).digest();

const HEX_DIGEST = /^[0-9a-f]{64}$/i;

/**
 * The digests an `X-Dialdeck-Signature` header carries: comma-separated `v1=<64 hex>` entries (more
 * than one while a sender rolls over to a new secret); other schemes are ignored.
 */
export const signaturesOf = (header: string | undefined): Buffer[] =>
  (header ?? '').split(',').flatMap((part) => {
    const [scheme, value] = part.trim().split('=', 2);
    return scheme === INBOUND_SIGNATURE_SCHEME && value && HEX_DIGEST.test(value)
      ? [Buffer.from(value, 'hex')]
      : [];
  });

/**
 * Checks an inbound request's timestamp (Unix seconds) against the server clock `now` (epoch ms) and
 * returns it in ms. Throws `inbound_timestamp_stale` (401) when it is missing, unreadable or more than
 * `INBOUND_TIMESTAMP_TOLERANCE_SECONDS` away either way.
 */
export const checkTimestamp = (header: string | undefined, now: number): number => {
  const seconds = header !== undefined && /^\d{1,12}$/.test(header) ? Number(header) : Number.NaN;
  if (!Number.isFinite(seconds)) {
    throw new ServerError(
      'inbound_timestamp_stale',
      'X-Dialdeck-Timestamp must be the Unix time in seconds when the request was signed.',
    );
  }
  const skew = Math.round(Math.abs(now / 1000 - seconds));
  if (skew > INBOUND_TIMESTAMP_TOLERANCE_SECONDS) {
    throw new ServerError(
      'inbound_timestamp_stale',
      `X-Dialdeck-Timestamp is ${skew} s away from the server's clock (at most ${INBOUND_TIMESTAMP_TOLERANCE_SECONDS} s allowed). Sign each request when it is sent, and keep the sender's clock synchronised.`,
      { skewSeconds: skew },
    );
  }
  return seconds * 1000;
};

/**
 * Returns the matching digest when one of `header`'s signatures is the HMAC of this request under
 * `secret`, compared in constant time; throws `inbound_signature_invalid` (401) otherwise.
 */
export const verifySignature = (
  secret: string,
  timestamp: string,
  rawBody: Buffer,
  header: string | undefined,
): Buffer => {
  const expected = inboundDigest(secret, timestamp, rawBody);
  const match = signaturesOf(header).find((given) => timingSafeEqual(given, expected));
  if (!match) throw invalidSignature();
  return expected;
};

/** The one refusal for a missing team, an unknown team and a wrong signature, so none is told apart. */
export const invalidSignature = (): ServerError =>
  new ServerError(
    'inbound_signature_invalid',
    'The inbound lead is not signed with this team\'s inbound secret. Sign "timestamp.body" with HMAC-SHA256 and send X-Dialdeck-Team, X-Dialdeck-Timestamp and X-Dialdeck-Signature: v1=<hex> (see docs/server.md).',
  );

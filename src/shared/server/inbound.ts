import { z } from 'zod';
import { SourceChannel } from '../domain/lead';

/**
 * The inbound-lead webhook (`POST /v1/leads/inbound`), shared by the server and
 * `dialdeck admin inbound post`. The signing recipe (docs/server.md): the team's `inboundSecret`
 * keys an HMAC-SHA256 over `timestamp + "." + rawBody`, where `timestamp` is the Unix time in
 * seconds sent in `X-Dialdeck-Timestamp`; the hex digest goes in `X-Dialdeck-Signature: v1=<hex>`
 * and the team's id in `X-Dialdeck-Team`. The scheme follows Stripe's and Slack's webhook
 * signatures (timestamp bound into the signed text, a 5-minute window, constant-time comparison).
 */
export const INBOUND_HEADERS = {
  team: 'x-dialdeck-team',
  timestamp: 'x-dialdeck-timestamp',
  signature: 'x-dialdeck-signature',
} as const;

/** The signature scheme's version prefix in `X-Dialdeck-Signature`. */
export const INBOUND_SIGNATURE_SCHEME = 'v1';

/** How far a request's timestamp may be from the server's clock, either way, in seconds. */
export const INBOUND_TIMESTAMP_TOLERANCE_SECONDS = 300;

/** The text an inbound request's signature covers: `timestamp.rawBody`. */
export const inboundSignedText = (timestamp: string, rawBody: string): string => `${timestamp}.${rawBody}`;

/** How an inbound lead came in; never `outbound_list`. Default `web_form`. */
export const InboundChannel = SourceChannel.exclude(['outbound_list']);
export type InboundChannel = z.infer<typeof InboundChannel>;

const text = z.string().max(2_000);

/**
 * The inbound lead a form or another system posts, as JSON. Only the shape is checked here; the
 * values go through the desktop import's rules (name required; a phone number read into E.164 in
 * the lead's country, or given with its country code; an email; a phone or an email at least; a
 * known country; the time zone from the number or the place unless given), so an inbound lead is
 * valid exactly when the same row in an imported file would be. `sourceDetail` names the form,
 * asset or event; `notes` (e.g. the form's message) become the lead's research notes.
 */
export const InboundLeadInput = z
  .object({
    name: text.optional(),
    firstName: text.optional(),
    lastName: text.optional(),
    phone: text.optional(),
    email: text.optional(),
    company: text.optional(),
    title: text.optional(),
    country: text.optional(),
    region: text.optional(),
    city: text.optional(),
    timeZone: text.optional(),
    sourceChannel: InboundChannel.optional(),
    sourceDetail: text.optional(),
    notes: z.string().max(100_000).optional(),
  })
  .strict();
export type InboundLeadInput = z.infer<typeof InboundLeadInput>;

/**
 * Which rule chose the owner: `on_shift` (round-robin among the reps on shift now), `next_shift`
 * (nobody on shift: the rep whose shift starts soonest), `unassigned` (no rep has a shift: managers
 * see it), `kept` (a lead that came back keeps its owner).
 */
export const InboundRouting = z.enum(['on_shift', 'next_shift', 'unassigned', 'kept']);
export type InboundRouting = z.infer<typeof InboundRouting>;

/**
 * The webhook's answer: 201 with `duplicate: false` for a new lead, 200 with `duplicate: true` when
 * the team already had the lead (same phone number or email), which then gets an inbound activity
 * instead of a copy. `ownerId` is the rep it is routed to, or null when unassigned.
 */
export const InboundLeadOutput = z.object({
  leadId: z.uuid(),
  ownerId: z.uuid().nullable(),
  duplicate: z.boolean(),
  routed: InboundRouting,
});
export type InboundLeadOutput = z.infer<typeof InboundLeadOutput>;

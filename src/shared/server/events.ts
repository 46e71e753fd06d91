import { z } from 'zod';

/**
 * The data of one `change` event on `GET /v1/events` (server-sent events): the caller's team and its
 * change version after a commit. It is a wake-up only, carrying no data: the desktop then pulls what
 * it may see. The event's `id:` line is the same version, so a reconnect can resume with
 * `Last-Event-ID` (or `?after=VERSION`).
 */
export const TeamChangeEvent = z.object({ teamId: z.uuid(), version: z.number().int().nonnegative() });
export type TeamChangeEvent = z.infer<typeof TeamChangeEvent>;

/** `?after=VERSION` on `GET /v1/events`: the last version the desktop saw (optional). */
export const EventsQuery = z.object({
  after: z.coerce.number().int().nonnegative().optional(),
});
export type EventsQuery = z.infer<typeof EventsQuery>;

/** The server's heartbeat on an open event stream (a comment line), in ms. */
export const EVENTS_HEARTBEAT_MS = 15_000;

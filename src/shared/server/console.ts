import { z } from 'zod';
import { MeOutput, TeamRole } from './admin';

/**
 * The team console's HTTP contract (`/v1/console/…` and the manager's session routes), shared by the
 * server (which validates every request with these schemas), the CLI's `dialdeck admin invite` /
 * `dialdeck admin password-reset` and the console front end (which validate every answer).
 * Times are UTC epoch ms.
 */

/** Name of the console's session cookie (httpOnly, SameSite=Strict, Secure over https). */
export const CONSOLE_SESSION_COOKIE = 'dialdeck_console';
/** Header every console change (POST, PUT, PATCH, DELETE) carries with the session's CSRF token. */
export const CONSOLE_CSRF_HEADER = 'x-dialdeck-csrf';
/** How long a console session lasts after sign-in: 12 hours (a working day, then sign in again). */
export const CONSOLE_SESSION_MS = 12 * 60 * 60 * 1000;
/** How long an invitation link stays usable: 7 days. */
export const CONSOLE_INVITE_MS = 7 * 24 * 60 * 60 * 1000;
/** How long a password-reset link stays usable: 1 hour (OWASP Forgot Password Cheat Sheet: short-lived). */
export const CONSOLE_RESET_MS = 60 * 60 * 1000;
/** Password length bounds (NIST SP 800-63B asks for at least 8 and allows 64 or more). */
export const CONSOLE_PASSWORD_MIN = 10;
export const CONSOLE_PASSWORD_MAX = 256;

/** `POST /v1/console/sign-in` body: an email and password, or the user's CLI/desktop token. */
export const ConsoleSignInInput = z.union([
  z
    .object({
      email: z.email().trim().toLowerCase().max(320),
      password: z.string().min(1).max(CONSOLE_PASSWORD_MAX),
    })
    .strict(),
  z.object({ token: z.string().trim().min(32).max(200) }).strict(),
]);
export type ConsoleSignInInput = z.infer<typeof ConsoleSignInInput>;

/** The signed-in user of a console session and the CSRF token the page sends with every change. */
export const ConsoleSessionOutput = z.object({
  me: MeOutput,
  csrfToken: z.string().min(32),
  expiresAt: z.number().int(),
});
export type ConsoleSessionOutput = z.infer<typeof ConsoleSessionOutput>;

/** What a one-time link is for: a new user's first password, or a reset a manager issued. */
export const ConsoleLinkKind = z.enum(['invite', 'reset']);
export type ConsoleLinkKind = z.infer<typeof ConsoleLinkKind>;

/** `GET /v1/console/links/:secret` answer: what the link sets, for whom, until when. */
export const ConsoleLinkInfo = z.object({
  kind: ConsoleLinkKind,
  email: z.string(),
  teamName: z.string(),
  expiresAt: z.number().int(),
});
export type ConsoleLinkInfo = z.infer<typeof ConsoleLinkInfo>;

/** `POST /v1/console/links/:secret` body: the new password (10–256 characters). */
export const ConsoleSetPasswordInput = z
  .object({ password: z.string().min(CONSOLE_PASSWORD_MIN).max(CONSOLE_PASSWORD_MAX) })
  .strict();
export type ConsoleSetPasswordInput = z.infer<typeof ConsoleSetPasswordInput>;

/** `POST /v1/teams/:teamId/console/invitations` body: who to invite, with which role. */
export const ConsoleInviteInput = z
  .object({ email: z.email().trim().toLowerCase().max(320), role: TeamRole })
  .strict();
export type ConsoleInviteInput = z.infer<typeof ConsoleInviteInput>;

/**
 * The `details` of an invitation refused with `conflict` because `email` is on the team already as
 * `role` (a member keeps their role), not `requestedRole`. The server's message is neutral; the CLI
 * adds the flag to use (`--role`), the console its own words.
 */
export const InviteRoleConflict = z.object({
  email: z.string(),
  role: TeamRole,
  requestedRole: TeamRole,
});
export type InviteRoleConflict = z.infer<typeof InviteRoleConflict>;

/** `POST /v1/teams/:teamId/console/password-resets` body: the user whose password is to be reset. */
export const ConsoleResetInput = z.object({ email: z.email().trim().toLowerCase().max(320) }).strict();
export type ConsoleResetInput = z.infer<typeof ConsoleResetInput>;

/**
 * An invitation's or reset's answer: the user, the one-time link (shown only now; the server keeps
 * its SHA-256) and when it expires.
 */
export const ConsoleLinkOutput = z.object({
  userId: z.uuid(),
  email: z.string(),
  kind: ConsoleLinkKind,
  link: z.url(),
  expiresAt: z.number().int(),
});
export type ConsoleLinkOutput = z.infer<typeof ConsoleLinkOutput>;

/** One console session as a manager sees it (`GET /v1/teams/:teamId/console/sessions`). */
export const ConsoleSessionRow = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  email: z.string(),
  role: TeamRole,
  method: z.enum(['password', 'token']),
  userAgent: z.string().nullable(),
  createdAt: z.number().int(),
  lastSeenAt: z.number().int(),
  expiresAt: z.number().int(),
  current: z.boolean(),
});
export type ConsoleSessionRow = z.infer<typeof ConsoleSessionRow>;

/** The team's live console sessions, newest first. */
export const ConsoleSessionsOutput = z.object({ sessions: z.array(ConsoleSessionRow) });
export type ConsoleSessionsOutput = z.infer<typeof ConsoleSessionsOutput>;

/**
 * `GET /v1/console/ae/record`: the calling AE's own record. `medianResponseMs` is the median time
 * from a hand-off reaching the server to the AE's decision over the last 90 days (null: no decisions);
 * `missesThisMonth` counts 48-hour windows missed this calendar month (UTC); `outUntil` is when the AE
 * is back in rotation (null: eligible now).
 */
export const ConsoleAeRecord = z.object({
  open: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  medianResponseMs: z.number().int().nullable(),
  missesThisMonth: z.number().int(),
  missesAllowed: z.number().int(),
  outUntil: z.number().int().nullable(),
});
export type ConsoleAeRecord = z.infer<typeof ConsoleAeRecord>;

/** One entry of a handed-off lead's history: an activity the server holds (newest first). */
export const ConsoleLeadActivity = z.object({
  id: z.uuid(),
  kind: z.string(),
  outcome: z.string().nullable(),
  note: z.string().nullable(),
  occurredAt: z.number().int(),
  rep: z.string(),
});
export type ConsoleLeadActivity = z.infer<typeof ConsoleLeadActivity>;

/** `GET /v1/console/handoffs/:id/history`: the lead's activities on the server, newest first (≤ 100). */
export const ConsoleHandoffHistory = z.object({ activities: z.array(ConsoleLeadActivity) });
export type ConsoleHandoffHistory = z.infer<typeof ConsoleHandoffHistory>;

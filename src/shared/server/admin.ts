import { z } from 'zod';

/**
 * The team server's HTTP contract for teams, users and the caller (`/v1/…`), shared by the server
 * (which validates every request body with these schemas) and the CLI's `dialdeck admin …` commands
 * (which validate every answer). Ids are UUIDv7 strings made by the server.
 */

/** A user's role on a team: rep (SDR/BDR/MDR), ae (account executive) or manager. */
export const TeamRole = z.enum(['rep', 'ae', 'manager']);
export type TeamRole = z.infer<typeof TeamRole>;

/** `POST /v1/teams` body: the team's display name, 1–200 characters after trimming. */
export const CreateTeamInput = z.object({ name: z.string().trim().min(1).max(200) }).strict();
export type CreateTeamInput = z.infer<typeof CreateTeamInput>;

/**
 * `POST /v1/teams` answer. `inboundSecret` signs inbound-lead webhooks for this team; it is shown
 * once here and kept by the server to check signatures.
 */
export const CreateTeamOutput = z.object({ teamId: z.uuid(), inboundSecret: z.string().min(32) });
export type CreateTeamOutput = z.infer<typeof CreateTeamOutput>;

/** `POST /v1/teams/:teamId/users` body: the user's email (unique within the team) and role. */
export const AddUserInput = z
  .object({ email: z.email().trim().toLowerCase().max(320), role: TeamRole })
  .strict();
export type AddUserInput = z.infer<typeof AddUserInput>;

/** `POST /v1/teams/:teamId/users` answer: the new user's id and bearer token, shown only this once. */
export const AddUserOutput = z.object({ userId: z.uuid(), token: z.string().min(32) });
export type AddUserOutput = z.infer<typeof AddUserOutput>;

/** `GET /v1/me` answer: who the bearer token belongs to. The administrator token has no team. */
export const MeOutput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('admin') }),
  z.object({
    kind: z.literal('user'),
    userId: z.uuid(),
    teamId: z.uuid(),
    teamName: z.string(),
    email: z.string(),
    role: TeamRole,
  }),
]);
export type MeOutput = z.infer<typeof MeOutput>;

/**
 * `GET /v1/teams/:teamId/users` answer: the team's users, oldest first. `removedAt` (UTC epoch ms) is
 * set for a user a manager removed: kept listed, because what they pushed still names them.
 */
export const TeamUsersOutput = z.object({
  users: z.array(
    z.object({
      userId: z.uuid(),
      email: z.string(),
      role: TeamRole,
      createdAt: z.number(),
      removedAt: z.number().nullable().default(null),
    }),
  ),
});
export type TeamUsersOutput = z.infer<typeof TeamUsersOutput>;

/**
 * `POST /v1/teams/:teamId/users/:user/remove` body: who takes the removed user's leads — a team
 * member's email, or null (the default) to leave them unassigned for the manager to hand out.
 */
export const RemoveUserInput = z.strictObject({
  reassignTo: z.email().trim().toLowerCase().max(320).nullable().default(null),
});
export type RemoveUserInput = z.infer<typeof RemoveUserInput>;

/**
 * The removal's answer: the user, when they were removed (UTC epoch ms), how many of their tokens were
 * revoked now, and their leads moved (`count`) to `reassignedTo` (a user id, or null: unassigned).
 */
export const RemoveUserOutput = z.object({
  userId: z.uuid(),
  email: z.string(),
  removedAt: z.number(),
  tokensRevoked: z.number().int(),
  leads: z.object({ count: z.number().int(), reassignedTo: z.uuid().nullable() }),
});
export type RemoveUserOutput = z.infer<typeof RemoveUserOutput>;

/** `POST /v1/teams/:teamId/users/:user/token/revoke` answer: how many live tokens were revoked. */
export const RevokeUserTokensOutput = z.object({ userId: z.uuid(), tokensRevoked: z.number().int() });
export type RevokeUserTokensOutput = z.infer<typeof RevokeUserTokensOutput>;

/**
 * `POST /v1/teams/:teamId/users/:user/token/replace` answer: every earlier token of the user revoked,
 * and the new one, shown only this once.
 */
export const ReplaceUserTokenOutput = z.object({
  userId: z.uuid(),
  tokensRevoked: z.number().int(),
  token: z.string().min(32),
});
export type ReplaceUserTokenOutput = z.infer<typeof ReplaceUserTokenOutput>;

/** Every error answer of the server: a stable code (one of `ErrorCode`) and an English message. */
export const ServerErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ServerErrorBody = z.infer<typeof ServerErrorBody>;

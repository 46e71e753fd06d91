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

/** `GET /v1/teams/:teamId/users` answer: the team's users, oldest first. */
export const TeamUsersOutput = z.object({
  users: z.array(z.object({ userId: z.uuid(), email: z.string(), role: TeamRole, createdAt: z.number() })),
});
export type TeamUsersOutput = z.infer<typeof TeamUsersOutput>;

/** Every error answer of the server: a stable code (one of `ErrorCode`) and an English message. */
export const ServerErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ServerErrorBody = z.infer<typeof ServerErrorBody>;

import { IANAZone } from 'luxon';
import { z } from 'zod';

/**
 * Shifts for inbound routing (`/v1/teams/:teamId/shifts`), shared by the server (which validates
 * every body with these schemas) and `dialdeck admin shifts …` (which validates every answer).
 */

/** Weekdays as written in a shift, Monday first (ISO 8601 order: luxon's `weekday` 1–7). */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const Weekday = z.enum(WEEKDAYS);
export type Weekday = z.infer<typeof Weekday>;

/** A wall-clock time `HH:MM`, 00:00–23:59. */
export const LocalTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Write a time as HH:MM on a 24-hour clock, e.g. 09:00 or 17:30.');
export type LocalTime = z.infer<typeof LocalTime>;

/** An IANA time zone name this runtime knows (America/New_York, Europe/Berlin, Asia/Seoul…). */
export const TimeZoneName = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => IANAZone.isValidZone(zone), {
    message: 'Not an IANA time zone name. Use one such as America/New_York, Europe/Berlin or Asia/Seoul.',
  });

/**
 * Reads a weekday set as a manager types it: names or ranges separated by commas, e.g. `mon-fri`,
 * `mon,wed,fri`, `mon-fri,sun`, `fri-mon` (wrapping over the weekend), or `daily`. Case-insensitive.
 * Returns the days in Monday-first order without repeats, or null when a part is not a weekday.
 */
export const parseWeekdays = (text: string): Weekday[] | null => {
  const folded = text.trim().toLowerCase();
  if (folded === 'daily' || folded === 'all') return [...WEEKDAYS];
  const chosen = new Set<Weekday>();
  for (const part of folded.split(',')) {
    const [from, to, ...rest] = part.split('-').map((p) => p.trim().slice(0, 3));
    const start = WEEKDAYS.indexOf(from as Weekday);
    if (start < 0 || rest.length > 0) return null;
    if (to === undefined) {
      chosen.add(WEEKDAYS[start] as Weekday);
      continue;
    }
    const end = WEEKDAYS.indexOf(to as Weekday);
    if (end < 0) return null;
    for (let i = start; ; i = (i + 1) % 7) {
      chosen.add(WEEKDAYS[i] as Weekday);
      if (i === end) break;
    }
  }
  return WEEKDAYS.filter((day) => chosen.has(day));
};

/**
 * `PUT /v1/teams/:teamId/shifts` body: the shift of the team's rep with this email (replacing the
 * one they had). `to` before `from` runs past midnight into the next day; `from` equal to `to` is
 * refused.
 */
export const SetShiftInput = z
  .object({
    email: z.email().trim().toLowerCase().max(320),
    days: z.array(Weekday).min(1).max(7),
    from: LocalTime,
    to: LocalTime,
    timeZone: TimeZoneName,
  })
  .strict()
  .refine((shift) => shift.from !== shift.to, {
    path: ['to'],
    message: 'A shift must end at another time than it starts.',
  });
export type SetShiftInput = z.infer<typeof SetShiftInput>;

/**
 * One rep's shift as the server reports it: the days, local times and zone as set, whether the rep is
 * on shift at the moment of the answer, and when their next shift starts (UTC epoch ms; null while
 * on shift).
 */
export const TeamShift = z.object({
  userId: z.uuid(),
  email: z.string(),
  days: z.array(Weekday),
  from: LocalTime,
  to: LocalTime,
  timeZone: z.string(),
  onShift: z.boolean(),
  nextStartAt: z.number().int().nullable(),
});
export type TeamShift = z.infer<typeof TeamShift>;

/** `GET /v1/teams/:teamId/shifts` answer: the team's shifts in round-robin order (by user id). */
export const TeamShiftsOutput = z.object({ shifts: z.array(TeamShift) });
export type TeamShiftsOutput = z.infer<typeof TeamShiftsOutput>;

/**
 * One rep in the team's round-robin (`GET /v1/teams/:teamId/rotation`): whether they take part
 * (`inRotation`: inbound leads and round-robin imports go only to reps in rotation) and their shift
 * (null: none set, so inbound routing never picks them).
 */
export const RotationMember = z.object({
  userId: z.uuid(),
  email: z.string(),
  inRotation: z.boolean(),
  shift: TeamShift.nullable(),
});
export type RotationMember = z.infer<typeof RotationMember>;

/**
 * `GET /v1/teams/:teamId/rotation` answer: the team's reps (removed ones left out) in round-robin order
 * (user id), and how many of them are in rotation and on shift now (0: an inbound lead now goes to the
 * rotation's next shift, or to nobody when no rep in rotation has a shift).
 */
export const TeamRotationOutput = z.object({
  members: z.array(RotationMember),
  onShiftNow: z.number().int(),
});
export type TeamRotationOutput = z.infer<typeof TeamRotationOutput>;

/** `PUT /v1/teams/:teamId/rotation/:userId` body: take part in round-robin, or stand out of it. */
export const SetRotationInput = z.strictObject({ inRotation: z.boolean() });
export type SetRotationInput = z.infer<typeof SetRotationInput>;

/** `DELETE /v1/teams/:teamId/shifts/:userId` answer: the rep whose shift was removed. */
export const RemoveShiftOutput = z.object({ userId: z.uuid(), removed: z.literal(true) });
export type RemoveShiftOutput = z.infer<typeof RemoveShiftOutput>;

import { z } from 'zod';

/**
 * A call's talk/listen figures, measured on the device from the two sides of the call (rep and
 * prospect), live during the call and final after hang-up; the same shape comes out of the offline
 * analyzer (`dialdeck analyze-call`). All durations are seconds.
 *
 * - `repTalkShare` = repTalkSeconds / (repTalkSeconds + prospectTalkSeconds), silence excluded; null
 *   while nobody has spoken. The target is 0.30 (PLAYBOOK.md: listen 70% of the time).
 * - `longestRepMonologueSeconds`: the longest stretch of rep speech with no prospect speech and no
 *   pause over 0.5 s.
 * - `meanPatienceSeconds`: mean silence between the end of a prospect turn and the start of the rep's
 *   next turn; null when there was no such turn change. The target is 3 s (PLAYBOOK.md).
 * - `interruptions`: times the rep started speaking while the prospect was speaking.
 */
export const TalkMetrics = z.strictObject({
  durationSeconds: z.number().min(0),
  repTalkSeconds: z.number().min(0),
  prospectTalkSeconds: z.number().min(0),
  repTalkShare: z.number().min(0).max(1).nullable(),
  longestRepMonologueSeconds: z.number().min(0),
  meanPatienceSeconds: z.number().min(0).nullable(),
  interruptions: z.number().int().min(0),
});
export type TalkMetrics = z.infer<typeof TalkMetrics>;

/** Which speaker a channel of a stereo recording (or a live stream) carries. */
export const Speaker = z.enum(['rep', 'prospect']);
export type Speaker = z.infer<typeof Speaker>;

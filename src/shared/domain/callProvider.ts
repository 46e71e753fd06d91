import { z } from 'zod';

/**
 * How a call reached the phone network: Twilio, SIP over WebSocket, the system phone (a `tel:`
 * hand-off to the OS softphone) or the practice prospect (a role-play drill, no real call). Stored on
 * the call activity with its talk metrics and chosen per rep in Settings.
 */
export const CallProvider = z.enum(['twilio', 'sip', 'system', 'practice']);
export type CallProvider = z.infer<typeof CallProvider>;

import { z } from 'zod';

/** Messages of the web host's WebSocket: requests in, responses and events out. */
export const WsRequest = z.object({
  id: z.number().int(),
  method: z.string().max(100),
  input: z.unknown(),
});
export type WsRequest = z.infer<typeof WsRequest>;

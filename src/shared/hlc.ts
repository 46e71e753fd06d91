/**
 * Hybrid logical clock: wall time in ms plus a counter, so timestamps from one node never go
 * backwards and ties between nodes break by node id. The text form sorts in clock order.
 */
export type HlcState = { wall: number; counter: number };

export const formatHlc = (state: HlcState, nodeId: string): string =>
  `${state.wall.toString(36).padStart(11, '0')}:${state.counter.toString(36).padStart(5, '0')}:${nodeId}`;

export const parseHlc = (text: string): HlcState & { nodeId: string } => {
  const [wall, counter, nodeId] = text.split(':');
  if (!wall || !counter || !nodeId) throw new Error(`Not a hybrid logical clock value: ${text}`);
  return { wall: Number.parseInt(wall, 36), counter: Number.parseInt(counter, 36), nodeId };
};

/** Advances the clock for a local event at physical time `now`. */
export const tickHlc = (state: HlcState, now: number): HlcState =>
  now > state.wall ? { wall: now, counter: 0 } : { wall: state.wall, counter: state.counter + 1 };

/** Advances the clock on receiving a remote timestamp. */
export const receiveHlc = (state: HlcState, remote: HlcState, now: number): HlcState => {
  const wall = Math.max(state.wall, remote.wall, now);
  if (wall === state.wall && wall === remote.wall)
    return { wall, counter: Math.max(state.counter, remote.counter) + 1 };
  if (wall === state.wall) return { wall, counter: state.counter + 1 };
  if (wall === remote.wall) return { wall, counter: remote.counter + 1 };
  return { wall, counter: 0 };
};

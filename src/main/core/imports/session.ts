import type { Clock } from '../sync/outbox';
import type { Inspection } from './read/inspect';
import type { SharedBytes } from './worker/protocol';

/** A previewed file the core holds until it is imported, dropped, or expires. */
export type HeldFile = {
  token: string;
  fileName: string;
  /** The file's bytes in shared memory: the import threads read them without a copy. */
  bytes: SharedBytes;
  inspection: Inspection;
  heldAt: number;
};

const MAX_HELD = 3;
const HOLD_MS = 60 * 60 * 1000;

/** Previewed files by token: a few at a time, each for an hour at most, oldest dropped first. */
export const createHeldFiles = (now: Clock) => {
  const files = new Map<string, HeldFile>();
  const expire = () => {
    for (const [token, file] of files) if (now() - file.heldAt > HOLD_MS) files.delete(token);
  };
  return {
    hold(file: HeldFile): void {
      expire();
      files.set(file.token, file);
      while (files.size > MAX_HELD) {
        const oldest = files.keys().next().value;
        if (oldest === undefined) break;
        files.delete(oldest);
      }
    },
    get(token: string): HeldFile | undefined {
      expire();
      return files.get(token);
    },
    drop(token: string): void {
      files.delete(token);
    },
  };
};

export type HeldFiles = ReturnType<typeof createHeldFiles>;

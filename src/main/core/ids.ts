import { randomFillSync } from 'node:crypto';
import { v7 } from 'uuid';

/**
 * Random bits for ids come from a pool refilled 4 KiB at a time: asking the OS for 16 bytes per id
 * (uuid's default) made id generation the slowest part of writing a large import.
 */
const pool = new Uint8Array(4096);
let offset = pool.length;
/** uuid's own monotonic state, kept here because ids made with explicit random bits bypass it. */
let lastMs = Number.NEGATIVE_INFINITY;
let seq = 0;

/** Row ids are UUIDv7, made where the row is born: unique everywhere, and sorted by birth time. */
export const newId = (): string => {
  if (offset + 16 > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const random = pool.subarray(offset, offset + 16);
  offset += 16;
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    seq =
      (((random[6] as number) & 0x7f) << 24) |
      ((random[7] as number) << 16) |
      ((random[8] as number) << 8) |
      (random[9] as number);
  } else {
    seq = (seq + 1) | 0;
    if (seq === 0) lastMs++;
  }
  return v7({ random, msecs: lastMs, seq });
};

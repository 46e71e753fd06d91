import type { DncKind } from '@shared/domain/queue';
import { parseHlc } from '@shared/hlc';
import type { Db } from '../../store/db';

/**
 * A team definition's register as this desktop names it: `script:ID`, `cadence:ID`, `outcomeSet`, or
 * `dnc:KIND:VALUE` (the value normalised) — the same registers the team server keeps one per definition.
 */
export type DefinitionRegister = string;

export const scriptRegister = (id: string): DefinitionRegister => `script:${id}`;
export const cadenceRegister = (id: string): DefinitionRegister => `cadence:${id}`;
export const OUTCOME_SET_REGISTER: DefinitionRegister = 'outcomeSet';
export const dncRegister = (kind: DncKind, value: string): DefinitionRegister => `dnc:${kind}:${value}`;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The register a local mutation writes, or null for one that writes no team definition. */
const registerOf = (name: string, args: unknown): DefinitionRegister | null => {
  if (name === 'outcomes.set') return OUTCOME_SET_REGISTER;
  if (!isRecord(args)) return null;
  switch (name) {
    case 'script.put':
    case 'script.delete':
      return typeof args.id === 'string' ? scriptRegister(args.id) : null;
    case 'cadence.put':
    case 'cadence.delete':
      return typeof args.id === 'string' ? cadenceRegister(args.id) : null;
    case 'dnc.add':
    case 'dnc.remove':
      return typeof args.kind === 'string' && typeof args.value === 'string'
        ? dncRegister(args.kind as DncKind, args.value)
        : null;
    default:
      return null;
  }
};

/** Register → wall time (epoch ms) of the newest local write of it still waiting in the outbox. */
export type PendingDefinitionStamps = Map<DefinitionRegister, number>;

/**
 * The team definitions written by outbox rows the server has not acknowledged yet (state `pending`,
 * batches read change by change), each with the wall time of its newest stamp. A pulled definition
 * whose `updatedAt` is older than that loses to the local edit (last writer wins per definition, as
 * on the server), so a manager's unpushed edit survives a pull; once pushed, the server decides.
 */
export const pendingDefinitionStamps = (db: Db): PendingDefinitionStamps => {
  const stamps: PendingDefinitionStamps = new Map();
  const rows = db
    .prepare<[], { name: string; args: string; hlc: string }>(
      `SELECT name, args, hlc FROM outbox WHERE state = 'pending'
         AND (name IN ('script.put', 'script.delete', 'cadence.put', 'cadence.delete', 'outcomes.set',
           'dnc.add', 'dnc.remove') OR json_type(args, '$.changes') = 'array')`,
    )
    .all();
  const note = (name: string, args: unknown, wall: number) => {
    if (isRecord(args) && Array.isArray(args.changes)) {
      for (const change of args.changes) {
        if (isRecord(change) && typeof change.name === 'string') note(change.name, change.args, wall);
      }
      return;
    }
    const register = registerOf(name, args);
    if (register === null) return;
    const held = stamps.get(register);
    if (held === undefined || wall > held) stamps.set(register, wall);
  };
  for (const row of rows) {
    try {
      note(row.name, JSON.parse(row.args), parseHlc(row.hlc).wall);
    } catch {
      // Unreadable args: the server rejects that row; it writes no definition here.
    }
  }
  return stamps;
};

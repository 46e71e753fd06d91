import type { TaskDue } from '@shared/api/queue';
import { localDateOf, nextLocalMidnight, startOfLocalDay } from '@shared/queue/clock';

/**
 * The due times (epoch ms, both ends included) `tasks.list` answers for. The rep's day runs from local
 * midnight to the next in `repZone`: `overdue` is before it began, `today` is within it, `all` is both;
 * without `due`, everything due by `at`.
 */
export const dueRange = (
  repZone: string,
  at: number,
  due: TaskDue | undefined,
): { from: number; to: number } => {
  if (due === undefined) return { from: Number.MIN_SAFE_INTEGER, to: at };
  const dayStart = startOfLocalDay(repZone, localDateOf(repZone, at));
  const dayEnd = nextLocalMidnight(repZone, at) - 1;
  if (due === 'overdue') return { from: Number.MIN_SAFE_INTEGER, to: dayStart - 1 };
  if (due === 'today') return { from: dayStart, to: dayEnd };
  return { from: Number.MIN_SAFE_INTEGER, to: dayEnd };
};

/**
 * Answers read ahead of their first use (a calling session reads the next lead's card while the rep
 * is still on the current one). Each answer is taken once, by the first read that wants it, and only
 * within `ttlMs` (milliseconds) of being asked for; after that the reader asks the core afresh, so an
 * unused answer never shows old data.
 */
export const createReadAhead = <T>(ttlMs = 5_000) => {
  const answers = new Map<string, { at: number; answer: Promise<T> }>();
  return {
    put: (key: string, answer: Promise<T>) => {
      answer.catch(() => undefined);
      for (const [old, { at }] of answers) if (performance.now() - at > ttlMs) answers.delete(old);
      answers.set(key, { at: performance.now(), answer });
    },
    /** The answer read ahead for `key`, if one is fresh; it is not handed out twice. */
    take: (key: string): Promise<T> | undefined => {
      const found = answers.get(key);
      answers.delete(key);
      return found && performance.now() - found.at <= ttlMs ? found.answer : undefined;
    },
  };
};

import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The built renderer (`out/renderer`), found by walking up from this module: it sits beside the
 * built CLI's folder after `npm run build`, and under the project root when the CLI runs from source.
 * `src/renderer` is never taken: it is the unbuilt source.
 */
export const findRendererDir = (from: string = dirname(fileURLToPath(import.meta.url))): string | null => {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = basename(dir) === 'out' ? join(dir, 'renderer') : join(dir, 'out', 'renderer');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    if (dirname(dir) === dir) return null;
  }
};

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..', '..');
const src = join(root, 'src');

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });

/** Every import specifier of a file, resolved to a path under src/ when relative or `@shared`. */
const importsOf = (file: string): string[] => {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
  return specifiers.flatMap((specifier) => {
    if (specifier.startsWith('.')) return [relative(src, resolve(dirname(file), specifier))];
    if (specifier.startsWith('@shared/')) return [join('shared', specifier.slice('@shared/'.length))];
    if (specifier.startsWith('@renderer/'))
      return [join('renderer', 'src', specifier.slice('@renderer/'.length))];
    return [];
  });
};

describe('the team server stays apart from the desktop', () => {
  it('no desktop core, host, preload, renderer or shared file imports src/server', () => {
    const offenders = ['main/core', 'main/web', 'preload', 'renderer', 'shared']
      .flatMap((dir) => sourceFiles(join(src, dir)))
      .filter((file) =>
        importsOf(file).some((target) => target.startsWith('server/') || target === 'server'),
      );
    expect(offenders.map((file) => relative(root, file))).toEqual([]);
  });

  it('src/server imports only src/shared and the import rules (inbound leads) from the rest of the code', () => {
    // Inbound leads are read by the desktop import's own normalising functions, so both apply the
    // same rules; nothing else of the desktop core (store, hosts) reaches the server.
    const importRules = (target: string): boolean =>
      target.startsWith(join('main', 'core', 'imports', 'normalize')) ||
      target === join('main', 'core', 'imports', 'write', 'plan');
    const offenders = sourceFiles(join(src, 'server')).flatMap((file) =>
      importsOf(file)
        .filter((target) => !target.startsWith('server') && !target.startsWith('shared'))
        .filter((target) => !importRules(target))
        .map((target) => `${relative(root, file)} → ${target}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the CLI loads the server only on demand (a dynamic import, so it is its own chunk)', () => {
    const cliFiles = sourceFiles(join(src, 'main', 'cli'));
    const staticServerImports = cliFiles.filter((file) =>
      /from\s+['"][./]*\/server\//.test(readFileSync(file, 'utf8')),
    );
    expect(staticServerImports).toEqual([]);
    expect(
      cliFiles.some((file) => readFileSync(file, 'utf8').includes("import('../../../server/start')")),
    ).toBe(true);
  });
});

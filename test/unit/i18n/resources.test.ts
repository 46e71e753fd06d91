import { describe, expect, it } from 'vitest';
import { en } from '../../../src/renderer/src/i18n/resources/en';
import { ko } from '../../../src/renderer/src/i18n/resources/ko';
import { zhCN } from '../../../src/renderer/src/i18n/resources/zh-CN';

/** Every key path of a resource, in the order the file declares them. */
const pathsOf = (node: unknown, path = ''): string[] =>
  typeof node === 'string'
    ? [path]
    : Object.entries(node as Record<string, unknown>).flatMap(([key, child]) =>
        pathsOf(child, `${path}.${key}`),
      );

/** The `{{name}}` placeholders of every message, by key path. */
const paramsByPath = (resources: unknown): Map<string, string> => {
  const found = new Map<string, string>();
  const walk = (node: unknown, path: string) => {
    if (typeof node === 'string') {
      found.set(
        path,
        [...node.matchAll(/\{\{\s*(\w+)/g)]
          .map((m) => m[1])
          .sort()
          .join(','),
      );
    } else {
      for (const [key, child] of Object.entries(node as Record<string, unknown>))
        walk(child, `${path}.${key}`);
    }
  };
  walk(resources, '');
  return found;
};

describe('the interface languages', () => {
  it.each([
    ['zh-CN', zhCN],
    ['ko', ko],
  ] as const)('%s has the same keys as en, in the same order, filling the same params', (_, resources) => {
    expect(pathsOf(resources)).toEqual(pathsOf(en));
    expect(paramsByPath(resources)).toEqual(paramsByPath(en));
  });
});

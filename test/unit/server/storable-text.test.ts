import { describe, expect, it } from 'vitest';
import {
  AddTeamDncInput,
  PutTeamCadenceInput,
  PutTeamScriptInput,
} from '../../../src/shared/server/definitions';
import { isStorableText } from '../../../src/shared/server/storable';

const NUL = String.fromCharCode(0);
const HIGH = String.fromCharCode(0xd83d);
const LOW = String.fromCharCode(0xde00);

describe('text PostgreSQL cannot store is refused up front', () => {
  it('tells a NUL and lone surrogates from whole characters', () => {
    expect(isStorableText('café 😀 中文')).toBe(true);
    expect(isStorableText(`${HIGH}${LOW}`)).toBe(true);
    expect(isStorableText(`a${NUL}b`)).toBe(false);
    expect(isStorableText(`a${HIGH}b`)).toBe(false);
    expect(isStorableText(`${LOW}`)).toBe(false);
    expect(isStorableText(`${LOW}${HIGH}`)).toBe(false);
  });

  it('refuses such text anywhere in a definitions body, at its path', () => {
    const script = PutTeamScriptInput.safeParse({
      kind: 'opener',
      name: `Op${NUL}ener`,
      body: 'Hi',
      language: 'en',
    });
    expect(script.success).toBe(false);
    expect(script.error?.issues.map((i) => i.path.join('.'))).toContain('name');
    const dnc = AddTeamDncInput.safeParse({ kind: 'email', value: 'jo@example.com', reason: `asked${HIGH}` });
    expect(dnc.error?.issues.map((i) => i.path.join('.'))).toEqual(['reason']);
    const cadence = PutTeamCadenceInput.safeParse({
      definition: { name: 'C', steps: [{ id: 'a', kind: 'task', title: `T${LOW}` }] },
    });
    expect(cadence.error?.issues[0]?.path.join('.')).toBe('definition.steps.0.title');
    expect(cadence.error?.issues[0]?.message).toContain('cannot be stored');
  });
});

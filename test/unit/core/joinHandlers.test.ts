import { describe, expect, it } from 'vitest';
import { joinHandlers } from '../../../src/main/core/handlers';

describe('joinHandlers', () => {
  it('joins the domains into one map that keeps every handler', () => {
    const leads = { 'leads.list': () => [] };
    const settings = { 'settings.get': () => ({}) };
    const joined = joinHandlers(leads, settings);
    expect(Object.keys(joined).sort()).toEqual(['leads.list', 'settings.get']);
    expect(joined['leads.list']).toBe(leads['leads.list']);
  });

  it('refuses two handlers for one method instead of letting the later one win', () => {
    expect(() => joinHandlers({ 'leads.list': () => [] }, { 'leads.list': () => [] })).toThrow(
      'Handler "leads.list" is declared twice',
    );
  });
});

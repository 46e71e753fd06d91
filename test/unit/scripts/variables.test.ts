import {
  fillTemplate,
  renderTemplate,
  scriptValues,
  splitPersonName,
  templateProblems,
} from '@shared/scripts/variables';
import { describe, expect, it } from 'vitest';

describe('script variables', () => {
  it('fills known variables and marks the missing ones, never leaving braces', () => {
    const filled = renderTemplate('Hi {{firstName}}, about {{ company }} and {{painPoint}}.', {
      firstName: 'Jane',
      company: 'Acme',
      painPoint: '  ',
    });
    expect(filled.text).toBe('Hi Jane, about Acme and [painPoint].');
    expect(filled.missing).toEqual(['painPoint']);
    expect(filled.text).not.toMatch(/[{}]/);
    expect(filled.segments).toEqual([
      { kind: 'text', text: 'Hi ' },
      { kind: 'value', name: 'firstName', text: 'Jane' },
      { kind: 'text', text: ', about ' },
      { kind: 'value', name: 'company', text: 'Acme' },
      { kind: 'text', text: ' and ' },
      { kind: 'missing', name: 'painPoint' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('lists a missing variable once however often it is used', () => {
    expect(renderTemplate('{{company}} {{company}} {{title}}', {}).missing).toEqual(['company', 'title']);
  });

  it('finds unknown names and unclosed braces when a script is saved', () => {
    expect(templateProblems('Hi {{firstName}}')).toEqual([]);
    expect(templateProblems('Hi {{frstName}} at {{Company}} {{frstName}}')).toEqual([
      '{{frstName}}',
      '{{Company}}',
    ]);
    expect(templateProblems('Hi {{firstName')).toEqual(['{{']);
    expect(templateProblems('Hi firstName}}')).toEqual(['}}']);
  });

  it('shows an unknown name in typed text without its braces', () => {
    expect(fillTemplate('a {{nope}} b', {})).toEqual([{ kind: 'text', text: 'a nope b' }]);
  });

  it('splits Western and East Asian names', () => {
    expect(splitPersonName('Jane Q. Doe')).toEqual({ firstName: 'Jane', lastName: 'Doe' });
    expect(splitPersonName('Cher')).toEqual({ firstName: 'Cher', lastName: null });
    expect(splitPersonName('王伟')).toEqual({ firstName: '伟', lastName: '王' });
    expect(splitPersonName('김민준')).toEqual({ firstName: '민준', lastName: '김' });
  });

  it('takes values from the lead, the research and the rep', () => {
    const values = scriptValues({
      lead: { name: 'Jane Doe', title: null, company: 'Acme' },
      research: { triggerEvent: 'Series B', painPoint: '', techStack: 'HubSpot', currentTool: '' },
      rep: { repName: 'Sam', repPhone: '' },
    });
    const filled = renderTemplate(
      '{{firstName}} {{lastName}} {{title}} {{company}} {{trigger}} {{painPoint}} {{techStack}} {{repName}} {{repPhone}}',
      values,
    );
    expect(filled.text).toBe('Jane Doe [title] Acme Series B [painPoint] HubSpot Sam [repPhone]');
    expect(filled.missing).toEqual(['title', 'painPoint', 'repPhone']);
  });
});

import { notesHtml } from '@shared/notes/markdown';
import { describe, expect, it } from 'vitest';

describe('research notes as Markdown', () => {
  it('renders emphasis, lists and links that open outside the workspace', () => {
    const html = notesHtml('**Uses HubSpot**\n- hiring 3 SDRs\n- Q3 budget\n\nhttps://acme.example/news');
    expect(html).toContain('<strong>Uses HubSpot</strong>');
    expect(html).toContain('<li>hiring 3 SDRs</li>');
    expect(html).toContain('<a href="https://acme.example/news" target="_blank" rel="noopener noreferrer">');
  });

  it('shows raw HTML as text and refuses script links', () => {
    const html = notesHtml(
      '<script>alert(1)</script> <img src=x onerror=alert(1)> [click](javascript:alert(1))',
    );
    expect(html).not.toMatch(/<script|<img|href="javascript/i);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('[click](javascript:alert(1))');
  });
});

import MarkdownIt from 'markdown-it';

/**
 * Markdown for research notes, by markdown-it with raw HTML off: any `<tag>` a note holds is shown
 * as text, never run, and markdown-it's link check refuses `javascript:`, `vbscript:`, `file:` and
 * non-image `data:` addresses. Bare URLs become links; a single newline is a line break, as typed.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true });

// Links open outside the workspace (the hosts send them to the system browser), never in its place.
const defaultLinkOpen =
  markdown.renderer.rules.link_open ??
  ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
markdown.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  token?.attrSet('target', '_blank');
  token?.attrSet('rel', 'noopener noreferrer');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** The notes as HTML safe to put in the page (see above for what makes it safe). */
export const notesHtml = (body: string): string => markdown.render(body);

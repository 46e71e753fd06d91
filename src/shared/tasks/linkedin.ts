/** LinkedIn's people search; `keywords` is the search box's text. */
export const LINKEDIN_PEOPLE_SEARCH = 'https://www.linkedin.com/search/results/people/';

/**
 * The LinkedIn people search for a lead: its name and company as the keywords, URL-encoded
 * (`Ana Díaz`, `Acme & Co` → `…/people/?keywords=Ana%20D%C3%ADaz%20Acme%20%26%20Co`).
 */
export const linkedinSearchUrl = (name: string, company: string | null): string => {
  const keywords = [name, company ?? ''].map((part) => part.trim()).filter((part) => part !== '');
  return `${LINKEDIN_PEOPLE_SEARCH}?keywords=${encodeURIComponent(keywords.join(' '))}`;
};

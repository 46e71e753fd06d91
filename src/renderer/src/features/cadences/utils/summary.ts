import type { TFunction } from 'i18next';

/**
 * A cadence's line in the Cadences list: its step count and the leads on it, each with the
 * language's plural form ("1 step · 2 leads on it").
 */
export const cadenceSummary = (t: TFunction, steps: number, leads: number): string =>
  t('cadences.summary', {
    steps: t('cadences.summarySteps', { count: steps }),
    leads: t('cadences.summaryLeads', { count: leads }),
  });

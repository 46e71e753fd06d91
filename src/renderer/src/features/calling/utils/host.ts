import type { QualityWarning } from '../provider';

/**
 * Whether the workspace runs in a browser page of the web host rather than in the app: the app's
 * preload gives the page its `window.dialdeck` bridge, the web host's page has none.
 */
export const runsInBrowser = (): boolean => window.dialdeck === undefined;

/**
 * The `calling.warnings.*` key for `warning` where the workspace runs: a refused microphone is the
 * browser's site permission in the web host and the OS privacy setting in the app, each with its
 * own way to allow it again.
 */
export const warningKey = (
  warning: QualityWarning,
): `calling.warnings.${QualityWarning | 'mic-permission-denied-browser'}` =>
  warning === 'mic-permission-denied' && runsInBrowser()
    ? 'calling.warnings.mic-permission-denied-browser'
    : `calling.warnings.${warning}`;

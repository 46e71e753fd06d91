import type { CallProvider } from '@shared/domain/callProvider';
import { i18n } from '../../../i18n';
import { isLocale } from '../../settings/utils/choices';
import type { ProviderKind, TelephonyProvider } from '../provider';
import { telephonyError } from './emitter';
import { createPracticeProvider } from './practice';
import type { PracticeChoice } from './practiceScript';
import { createSystemPhoneProvider } from './system';

/** Every provider a rep can choose in Settings, in the order they are listed and offered. */
export const PROVIDER_KINDS: readonly ProviderKind[] = ['twilio', 'sip', 'system', 'practice'];

type Factory = () => TelephonyProvider;

// The renderer's provider kinds and the stored/synced ones are the same list; the build fails if not.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameKinds: Same<ProviderKind, CallProvider> = true;
void sameKinds;

let practiceChoice: PracticeChoice = 'random';
/** The scenario the next practice call plays (the call panel's picker). */
export const setPracticeChoice = (choice: PracticeChoice): void => {
  practiceChoice = choice;
};

/**
 * The providers this build carries. Twilio and SIP register here once their modules are part of the
 * build; until then choosing one fails with `provider_unreachable` and the others are offered.
 */
const FACTORIES: Partial<Record<ProviderKind, Factory>> = {
  system: () => createSystemPhoneProvider(),
  practice: () =>
    createPracticeProvider({
      locale: () => (isLocale(i18n.language) ? i18n.language : 'en'),
      choice: () => practiceChoice,
    }),
};

/** The kinds that can place a call in this build. */
export const availableKinds = (): ProviderKind[] => PROVIDER_KINDS.filter((kind) => FACTORIES[kind]);

/** A fresh provider of `kind`; throws `provider_unreachable` for one this build does not carry. */
export const providerFor = (kind: ProviderKind): TelephonyProvider => {
  const factory = FACTORIES[kind];
  if (!factory) throw telephonyError('provider_unreachable', `The ${kind} provider is not available here.`);
  return factory();
};

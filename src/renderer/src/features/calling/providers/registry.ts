import type { CallProvider } from '@shared/domain/callProvider';
import { invoke } from '../../../api/client';
import { i18n } from '../../../i18n';
import { isLocale } from '../../settings/utils/choices';
import type { ProviderKind, TelephonyProvider } from '../provider';
import { TelephonyError } from '../provider';
import { deferredProvider } from './deferred';
import { createPracticeProvider } from './practice';
import type { PracticeChoice } from './practiceScript';
import { createSipProvider } from './sipProvider';
import { createSystemPhoneProvider } from './system';
import { createTwilioProvider } from './twilioProvider';

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
 * The providers a rep can call with. Twilio takes its access token from the team server through the
 * core (`telephony.twilioToken`); SIP registers with the account saved in Settings
 * (`telephony.sipAccount`, its password from the keychain), fetched when the first call starts.
 */
const FACTORIES: Partial<Record<ProviderKind, Factory>> = {
  twilio: () => createTwilioProvider({ fetchToken: () => invoke('telephony.twilioToken', {}) }),
  sip: () =>
    deferredProvider('sip', true, async () =>
      createSipProvider({ account: await invoke('telephony.sipAccount', {}) }),
    ),
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
  if (!factory)
    throw new TelephonyError('provider_unreachable', `The ${kind} provider is not available here.`);
  return factory();
};

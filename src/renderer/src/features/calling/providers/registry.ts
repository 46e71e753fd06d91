import type { CallProvider } from '@shared/domain/callProvider';
import { ApiError, invoke } from '../../../api/client';
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

/** The core's codes for a provider that is not set up on this computer (not one that is down). */
const NOT_SET_UP = new Set(['sync_not_signed_in', 'telephony_sip_not_set_up']);

/**
 * `request`, with the core's "not set up" refusal turned into the provider's own `code`, so the call
 * card says what to set up rather than that the provider cannot be reached.
 */
const withSetUpCode = async <T>(
  request: Promise<T>,
  code: 'twilio_not_signed_in' | 'sip_not_set_up',
): Promise<T> => {
  try {
    return await request;
  } catch (error) {
    if (error instanceof ApiError && NOT_SET_UP.has(error.code))
      throw new TelephonyError(code, error.message);
    throw error;
  }
};

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
  twilio: () =>
    createTwilioProvider({
      fetchToken: () => withSetUpCode(invoke('telephony.twilioToken', {}), 'twilio_not_signed_in'),
    }),
  sip: () =>
    deferredProvider('sip', true, async () =>
      createSipProvider({
        account: await withSetUpCode(invoke('telephony.sipAccount', {}), 'sip_not_set_up'),
      }),
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

import { z } from 'zod';

/**
 * The hosts a plain `ws://` SIP server may have: this computer, by a name the app's security policy
 * can allow (CSP has no source for an IPv6 literal, so `[::1]` is written 127.0.0.1).
 */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost']);

/**
 * The SIP server's WebSocket address (RFC 7118): `wss://` (TLS), or `ws://` on this computer only
 * (a PBX on loopback for tests and development); a password never crosses a network in clear.
 */
export const SipWebSocketUrl = z
  .string()
  .trim()
  .max(500)
  .refine((value) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return false;
    }
    return url.protocol === 'wss:' || (url.protocol === 'ws:' && LOOPBACK_HOSTS.has(url.hostname));
  }, "the SIP server's WebSocket address starts with wss:// (such as wss://pbx.example.com:8089/ws), or ws://127.0.0.1 for a server on this computer");

/**
 * The rep's address of record: `sip:user@domain` (RFC 3261 §19.1), the user part being letters, digits
 * or `+-_.!~*'()&=$,;?/%`, the domain a host name or IP address with an optional port.
 */
export const SipUri = z
  .string()
  .trim()
  .max(300)
  .regex(
    /^sips?:[A-Za-z0-9+\-_.!~*'()&=$,;?/%]+@(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/,
    'a SIP address is sip:user@domain, such as sip:alex@pbx.example.com',
  );

/** What the SIP settings form keeps in the settings table; the password lives in the OS keychain. */
export const SipSettings = z.object({
  websocketUrl: SipWebSocketUrl,
  sipUri: SipUri,
  /** The authentication user name when the PBX asks for one other than the SIP address's user part. */
  authorizationUser: z.string().trim().max(120),
  /** The name the prospect's phone shows ('' leaves it to the PBX). */
  displayName: z.string().trim().max(120),
});
export type SipSettings = z.infer<typeof SipSettings>;

/** What the SIP provider registers with: the settings plus the password read from the keychain. */
export const SipAccount = SipSettings.extend({ password: z.string().min(1).max(200) });
export type SipAccount = z.infer<typeof SipAccount>;

/** The host (and port) of a SIP address: `sip:alex@pbx.example.com:5060` → `pbx.example.com:5060`. */
export const sipDomain = (sipUri: string): string => sipUri.slice(sipUri.lastIndexOf('@') + 1);

/** `telephony.sipSettings`: the saved SIP settings (null before the first save) and whether a password is kept. */
export const SipSettingsView = z.object({ settings: SipSettings.nullable(), passwordSet: z.boolean() });
export type SipSettingsView = z.infer<typeof SipSettingsView>;

/**
 * `telephony.saveSipSettings` input: the settings, and the password (left out to keep the saved one).
 * A password is kept in the OS keychain (the app) or a 0600 file (the CLI and web host), never in the
 * settings table.
 */
export const SaveSipSettingsInput = z.object({
  settings: SipSettings,
  password: z.string().min(1).max(200).optional(),
});

/** The Twilio fake-cloud page's API on `window.twilioTest`. */
export type TwilioTestPage = {
  /** Makes the provider (real SDK `Device`, fake cloud) with a token that ends `ttlSeconds` from now. */
  start(ttlSeconds: number): Promise<string | null>;
  dial(to: string): Promise<string | null>;
  /** Emits `event` with `args` on the call the fake cloud made last. */
  callEvent(event: string, ...args: unknown[]): void;
  /** Tells the fake signalling that the token ended (31205 JWT expired), as the cloud would. */
  expireToken(): void;
  hangup(): void;
  dispose(): Promise<void>;
  /** What happened: provider states, errors, warnings; the fake cloud's tokens, call params, unsets. */
  log(): {
    states: string[];
    errors: string[];
    warnings: string[];
    tokensFetched: number;
    signallingTokens: string[];
    callParams: Record<string, string>[];
    inputReleases: number;
    audio: number;
  };
};

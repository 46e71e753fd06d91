import type { MeOutput } from '@shared/server/admin';
import { ConsoleSessionOutput } from '@shared/server/console';
import { create } from 'zustand';
import { ConsoleApiError, callApi, setCsrfToken, whenSessionEnds } from '../api/client';

/** The signed-in team member (a console session is always a team member's, never the administrator's). */
export type ConsoleUser = Extract<MeOutput, { kind: 'user' }>;

type SessionState = {
  /** `loading` until the first check answers; `ended` after a sign-out or a revoked session. */
  status: 'loading' | 'signed-out' | 'signed-in';
  user: ConsoleUser | null;
  /** Why the last session ended, when the server ended it (expired, revoked). */
  endedByServer: boolean;
};

export const useSession = create<SessionState>(() => ({
  status: 'loading',
  user: null,
  endedByServer: false,
}));

const signedIn = (session: ConsoleSessionOutput): void => {
  if (session.me.kind !== 'user') return;
  setCsrfToken(session.csrfToken);
  useSession.setState({ status: 'signed-in', user: session.me, endedByServer: false });
};

const signedOut = (endedByServer: boolean): void => {
  setCsrfToken(null);
  useSession.setState({ status: 'signed-out', user: null, endedByServer });
};

whenSessionEnds(() => signedOut(true));

/** Asks the server whether this browser has a live session (on load). */
export const checkSession = async (): Promise<void> => {
  try {
    signedIn(await callApi('GET', '/v1/console/session', ConsoleSessionOutput));
  } catch (error) {
    if (error instanceof ConsoleApiError && error.status !== 401) throw error;
    signedOut(false);
  }
};

/** Signs in with an email and password, or with the user's CLI/desktop token. */
export const signIn = async (credentials: { email: string; password: string } | { token: string }) =>
  signedIn(await callApi('POST', '/v1/console/sign-in', ConsoleSessionOutput, credentials));

/** Sets a password through an invitation or reset link; the answer is a new session. */
export const setPasswordByLink = async (secret: string, password: string) =>
  signedIn(
    await callApi('POST', `/v1/console/links/${encodeURIComponent(secret)}`, ConsoleSessionOutput, {
      password,
    }),
  );

/** Ends this browser's session on the server and forgets it here. */
export const signOut = async (): Promise<void> => {
  try {
    await callApi('DELETE', '/v1/console/session', null);
  } finally {
    signedOut(false);
  }
};

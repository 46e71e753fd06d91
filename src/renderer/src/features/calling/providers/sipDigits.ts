import { type Session, Web } from 'sip.js';

/** How long each DTMF tone and the gap after it last, ms (ITU-T Q.24 asks for at least 40 ms each). */
const TONE_MS = 100;
const GAP_MS = 70;
/** What `w` in a digit string waits, ms. */
const PAUSE_MS = 500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Keys `digits` on an established call, one after another: `0-9 * # A-D` as RFC 4733 telephone-events
 * in the media (`RTCDTMFSender`), or as SIP INFO `application/dtmf-relay` when the call negotiated no
 * telephone-event; `w` waits half a second; anything else (spaces, dashes) is skipped.
 */
export const sendSipDigits = async (session: Session, digits: string): Promise<void> => {
  for (const tone of digits.toUpperCase()) {
    if (tone === 'W') {
      await sleep(PAUSE_MS);
      continue;
    }
    if (!/^[0-9*#A-D]$/.test(tone)) continue;
    const handler = session.sessionDescriptionHandler;
    const sentInMedia =
      handler instanceof Web.SessionDescriptionHandler &&
      handler.sendDtmf(tone, { duration: TONE_MS, interToneGap: GAP_MS });
    if (!sentInMedia) {
      await session.info({
        requestOptions: {
          body: {
            contentDisposition: 'render',
            contentType: 'application/dtmf-relay',
            content: `Signal=${tone}\r\nDuration=${TONE_MS}`,
          },
        },
      });
    }
    await sleep(TONE_MS + GAP_MS);
  }
};

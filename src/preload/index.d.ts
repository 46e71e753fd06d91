import type { DialdeckBridge } from '../shared/bridge';

declare global {
  interface Window {
    /** Present in the desktop app; the browser build talks to the web host instead. */
    dialdeck?: DialdeckBridge;
  }
}

/** Records every notification the page makes; permission is granted, as after the rep's Allow. */
export const RECORDING_NOTIFICATION = `
  window.__notices = [];
  class RecordingNotification {
    static permission = 'granted';
    static requestPermission() { return Promise.resolve('granted'); }
    constructor(title, options) {
      this.title = title;
      this.body = (options && options.body) || '';
      this.onclick = null;
      window.__notices.push(this);
    }
    close() {}
  }
  window.Notification = RecordingNotification;
`;

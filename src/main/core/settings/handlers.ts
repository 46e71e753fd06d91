import type { CoreContext } from '../context';
import type { Handlers } from '../handlers';
import { readSettings, updateSettings } from './repo';

export const createSettingsHandlers = ({
  db,
  events,
}: CoreContext): Pick<Handlers, 'settings.get' | 'settings.update'> => ({
  'settings.get': () => readSettings(db),
  'settings.update': (patch) => {
    const settings = updateSettings(db, patch);
    events.emit('settings:changed', {});
    return settings;
  },
});

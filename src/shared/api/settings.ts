import { z } from 'zod';
import { method } from './contract';

export const Locale = z.enum(['en', 'zh-CN', 'ko']);
export type Locale = z.infer<typeof Locale>;
export const Theme = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof Theme>;

export const Settings = z.object({
  locale: Locale,
  theme: Theme,
  /** ISO 3166 region used to read phone numbers written without a country code. */
  defaultRegion: z.string().regex(/^[A-Z]{2}$/),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = { locale: 'en', theme: 'system', defaultRegion: 'US' };

export const settingsMethods = {
  'settings.get': method(z.object({}), Settings),
  'settings.update': method(Settings.partial(), Settings),
};

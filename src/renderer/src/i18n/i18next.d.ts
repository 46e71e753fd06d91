import 'i18next';
import type { en } from './resources/en';

declare module 'i18next' {
  // i18next reads its key types from this interface; a type alias cannot merge into it.
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

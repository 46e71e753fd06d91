import type { en } from './resources/en';

/** The shape every language must fill: the English keys, any text. */
type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type LocaleResources = Widen<typeof en>;

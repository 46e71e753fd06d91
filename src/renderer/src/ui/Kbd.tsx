import type { ReactNode } from 'react';

/** A key cap, as in shortcut hints. */
export const Kbd = ({ children }: { children: ReactNode }) => <kbd className="kbd">{children}</kbd>;

/**
 * Where the keyboard was when the command palette opened. Radix gives focus back to a dialog's trigger,
 * and the palette has none: it gives it back here instead, so an action it runs meets the workspace as
 * the same key pressed there would (a text field keeps its caret and holds the session's next lead).
 */
let remembered: HTMLElement | null = null;

export const rememberFocus = (): void => {
  remembered = document.activeElement instanceof HTMLElement ? document.activeElement : null;
};

/** The element focused before the palette opened, if it is still on the page; forgets it. */
export const takeRememberedFocus = (): HTMLElement | null => {
  const element = remembered;
  remembered = null;
  return element?.isConnected ? element : null;
};

/**
 * The lead list's selection as a pure value: which lead ids are chosen, where the keyboard cursor is
 * (an index into the page's rows) and the anchor a Shift-extension grows from. Selection survives
 * paging (ids, not rows), so a manager can gather leads from several pages and reassign them at once.
 */
export type LeadSelection = {
  chosen: ReadonlySet<string>;
  cursor: number;
  anchor: number;
};

export const emptySelection = (): LeadSelection => ({ chosen: new Set(), cursor: 0, anchor: 0 });

/** Space or a click on a row's box: the row at `index` in or out; the anchor moves there. */
export const toggleAt = (state: LeadSelection, ids: readonly string[], index: number): LeadSelection => {
  const id = ids[index];
  if (id === undefined) return state;
  const chosen = new Set(state.chosen);
  if (chosen.has(id)) chosen.delete(id);
  else chosen.add(id);
  return { chosen, cursor: index, anchor: index };
};

/**
 * Shift+click or Shift+Space: every row from the anchor to `index` chosen (rows chosen before stay).
 */
export const extendTo = (state: LeadSelection, ids: readonly string[], index: number): LeadSelection => {
  if (ids[index] === undefined) return state;
  const chosen = new Set(state.chosen);
  const [from, to] = state.anchor <= index ? [state.anchor, index] : [index, state.anchor];
  for (const id of ids.slice(from, to + 1)) chosen.add(id);
  return { chosen, cursor: index, anchor: state.anchor };
};

/**
 * A key on the list: ArrowUp/ArrowDown/Home/End move the cursor (with Shift, the rows passed over
 * are chosen too), Space toggles the row under the cursor (Shift+Space extends from the anchor),
 * Ctrl/⌘+A chooses every row of the page. Returns null for a key the list does not handle.
 */
export const applyKey = (
  state: LeadSelection,
  ids: readonly string[],
  key: { key: string; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean },
): LeadSelection | null => {
  const last = ids.length - 1;
  if (last < 0) return null;
  const at = Math.min(state.cursor, last);
  const move: Record<string, number> = {
    ArrowDown: Math.min(last, at + 1),
    ArrowUp: Math.max(0, at - 1),
    Home: 0,
    End: last,
  };
  const target = move[key.key];
  if (target !== undefined) {
    if (!key.shiftKey) return { ...state, cursor: target, anchor: target };
    const anchored = state.chosen.has(ids[at] ?? '') ? state : toggleAt(state, ids, at);
    return extendTo({ ...anchored, anchor: at }, ids, target);
  }
  if (key.key === ' ') return key.shiftKey ? extendTo(state, ids, at) : toggleAt(state, ids, at);
  if (key.key.toLowerCase() === 'a' && (key.ctrlKey || key.metaKey)) {
    return { ...state, chosen: new Set([...state.chosen, ...ids]) };
  }
  return null;
};

import { preloadLazyParts } from '../../../app/lazy';
import { useLeadListStore } from '../state/leadListStore';

let marked = false;

/**
 * Marks the moment the first rows reached the screen (after the next frame), then asks for the whole
 * index: it is fetched only once the user already sees their list.
 */
export const markListPainted = (): void => {
  if (marked) return;
  marked = true;
  requestAnimationFrame(() => {
    setTimeout(() => {
      performance.mark('dialdeck:list-painted');
      useLeadListStore.setState({ listPainted: true });
      void useLeadListStore.getState().loadIndex();
      preloadLazyParts();
    }, 0);
  });
};

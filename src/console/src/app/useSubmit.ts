import { useState } from 'react';
import { errorText } from '../api/errors';

/**
 * A form's submission state: `submit(action, onFailure?)` marks the form busy, clears the last error,
 * runs `action`, and on a throw shows its translated message (`errorText`) and calls `onFailure`.
 * `setError` shows a check's own message without submitting.
 */
export const useSubmit = () => {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (action: () => Promise<void>, onFailure?: () => void): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(errorText(failure));
      onFailure?.();
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, submit };
};

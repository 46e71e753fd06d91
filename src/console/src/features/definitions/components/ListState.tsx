import { Button } from '@renderer/ui/Button';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../api/errors';

type ListStateProps = {
  loading: boolean;
  error: unknown;
  /** Shown when loaded without error and nothing is in the list. */
  empty: string | null;
  onRetry: () => void;
};

/** A definitions list's state line: loading, the last read's error with a retry, or its empty text. */
export const ListState = ({ loading, error, empty, onRetry }: ListStateProps) => {
  const { t } = useTranslation();
  if (error) {
    return (
      <div className="defs-state" role="alert">
        <p className="form-error">{t('console.definitions.loadFailed', { message: errorText(error) })}</p>
        <Button size="s" onClick={onRetry}>
          {t('console.definitions.retry')}
        </Button>
      </div>
    );
  }
  if (loading) return <p className="muted">{t('console.loading')}</p>;
  if (empty !== null)
    return (
      <p className="section-hint" data-testid="defs-empty">
        {empty}
      </p>
    );
  return null;
};

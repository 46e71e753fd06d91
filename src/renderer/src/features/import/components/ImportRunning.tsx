import { useTranslation } from 'react-i18next';
import { ProgressBar } from '../../../ui/ProgressBar';
import { useImportStore } from '../state/importStore';

/** The import under way, fed by the core's `import:progress` events. */
export const ImportRunning = () => {
  const { t } = useTranslation();
  const progress = useImportStore((s) => s.progress);
  const value = progress && progress.total > 0 ? progress.done / progress.total : null;
  const count = progress ? t('import.progressCount', { done: progress.done, total: progress.total }) : '';
  return (
    <div className="running" data-testid="import-running">
      <p className="running__phase" role="status">
        {t(`import.phases.${progress?.phase ?? 'reading'}`)}
      </p>
      <ProgressBar value={value} label={t('import.progressLabel')} valueText={count} />
      <p className="running__count">{count}</p>
    </div>
  );
};

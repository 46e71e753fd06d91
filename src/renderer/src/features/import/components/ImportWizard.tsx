import { useTranslation } from 'react-i18next';
import { useDialogStore } from '../../../app/dialogStore';
import { Dialog } from '../../../ui/Dialog';
import { type ImportStep, useImportStore } from '../state/importStore';
import { ImportReport } from './ImportReport';
import { ImportRunning } from './ImportRunning';
import { MappingStep } from './MappingStep';
import { PickFileStep } from './PickFileStep';

const STEPS: readonly ImportStep[] = ['pick', 'map', 'running', 'report'];

const StepIndicator = ({ step }: { step: ImportStep }) => {
  const { t } = useTranslation();
  const labels: Record<ImportStep, string> = {
    pick: t('import.stepFile'),
    map: t('import.stepMap'),
    running: t('import.stepRun'),
    report: t('import.stepReport'),
  };
  const current = STEPS.indexOf(step);
  return (
    <ol className="steps">
      {STEPS.map((s, i) => (
        <li
          key={s}
          className={`steps__item${i < current ? ' steps__item--done' : ''}${i === current ? ' steps__item--current' : ''}`}
          aria-current={i === current ? 'step' : undefined}
        >
          <span className="steps__number">{i + 1}</span>
          {labels[s]}
        </li>
      ))}
    </ol>
  );
};

/** The CSV import: pick a file, check columns and options, watch it run, read the report. */
export const ImportWizard = () => {
  const { t } = useTranslation();
  const open = useDialogStore((s) => s.dialog === 'import');
  const closeDialog = useDialogStore((s) => s.closeDialog);
  const step = useImportStore((s) => s.step);
  const reset = useImportStore((s) => s.reset);

  const handleOpenChange = (next: boolean) => {
    if (next || step === 'running') return;
    reset();
    closeDialog();
  };

  return (
    <Dialog
      open={open}
      onOpenChange={handleOpenChange}
      title={t('import.title')}
      description={<StepIndicator step={step} />}
      size="l"
      modalLocked={step === 'running'}
      testId="import-wizard"
    >
      {step === 'pick' ? <PickFileStep /> : null}
      {step === 'map' ? <MappingStep /> : null}
      {step === 'running' ? <ImportRunning /> : null}
      {step === 'report' ? <ImportReport onDone={() => handleOpenChange(false)} /> : null}
    </Dialog>
  );
};

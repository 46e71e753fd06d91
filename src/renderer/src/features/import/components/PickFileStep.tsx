import { type ChangeEvent, type DragEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/Button';
import { AlertIcon, FileIcon, UploadIcon } from '../../../ui/icons';
import { useImportStore } from '../state/importStore';

export const PickFileStep = () => {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const busy = useImportStore((s) => s.busy);
  const error = useImportStore((s) => s.error);
  const file = useImportStore((s) => s.file);
  const pickFile = useImportStore((s) => s.pickFile);

  const handleChange = (event: ChangeEvent<HTMLInputElement>) => {
    const picked = event.target.files?.[0];
    event.target.value = '';
    if (picked) void pickFile(picked);
  };

  const handleDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) void pickFile(dropped);
  };

  return (
    <div className="pick">
      {/* Dropping a file is a pointer shortcut; the button is the way in for the keyboard. */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the drop target only adds to the button inside it. */}
      <div
        className={`dropzone${dragging ? ' dropzone--over' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={handleDrop}
      >
        <span className="dropzone__icon">
          <FileIcon />
        </span>
        {busy ? (
          <p className="dropzone__title" role="status">
            {t('import.reading', { name: file?.name ?? '' })}
          </p>
        ) : (
          <>
            <Button
              variant="primary"
              icon={<UploadIcon />}
              onClick={() => inputRef.current?.click()}
              autoFocus
            >
              {t('import.chooseFile')}
            </Button>
            <p className="dropzone__hint">{t('import.dropHint')}</p>
          </>
        )}
        <p className="dropzone__limit">{t('import.fileLimit')}</p>
        <input
          ref={inputRef}
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values"
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          data-testid="import-file-input"
          onChange={handleChange}
        />
      </div>
      {error ? (
        <p className="form-error" role="alert">
          <AlertIcon />
          {error}
        </p>
      ) : null}
    </div>
  );
};

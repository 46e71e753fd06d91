import { MAX_UPLOAD_BYTES } from '@shared/api/limits';

/** The largest file the import accepts (the shared upload limit); larger ones are refused before a byte is read. */
export const MAX_IMPORT_BYTES = MAX_UPLOAD_BYTES;

/** The file's bytes as base64, the form the import contract carries them in. */
export const readAsBase64 = (file: File): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(file);
  });

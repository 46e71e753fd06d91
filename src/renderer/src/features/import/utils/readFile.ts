/** The largest file the import accepts; larger ones are refused before a byte is read. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

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

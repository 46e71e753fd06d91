import { AppError } from '../errors';
import type { Handlers } from '../handlers';
import type { CoreContext } from '../index';

type ImportsHandlers = Pick<
  Handlers,
  'imports.preview' | 'imports.run' | 'imports.discard' | 'imports.exportCsv'
>;

const notYet = (): never => {
  throw new AppError('internal', 'CSV import is not available in this build.');
};

export const createImportsHandlers = (_context: CoreContext): ImportsHandlers => ({
  'imports.preview': notYet,
  'imports.run': notYet,
  'imports.discard': notYet,
  'imports.exportCsv': notYet,
});

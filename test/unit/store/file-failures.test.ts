import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/main/core/errors';
import { translateFileFailure } from '../../../src/main/core/files/failures';

const fsError = (code: string) => Object.assign(new Error(`${code}: failed`), { code });

describe("a file-system error on the user's file becomes its file_* code", () => {
  it.each([
    ['ENOENT', 'read', 'file_not_found', '/in/leads.csv'],
    ['ENOENT', 'write', 'file_folder_not_found', '/in'],
    ['ENOTDIR', 'write', 'file_folder_not_found', '/in'],
    ['EISDIR', 'read', 'file_is_directory', '/in/leads.csv'],
    ['EACCES', 'read', 'file_permission_denied', '/in/leads.csv'],
    ['EPERM', 'write', 'file_permission_denied', '/in/leads.csv'],
    ['EROFS', 'write', 'file_read_only', '/in/leads.csv'],
    ['ENOSPC', 'write', 'file_disk_full', '/in/leads.csv'],
    ['EDQUOT', 'write', 'file_disk_full', '/in/leads.csv'],
    ['EIO', 'read', 'file_io_error', '/in/leads.csv'],
  ] as const)('%s while %s: %s naming %s', (errno, use, code, path) => {
    const failure = translateFileFailure(fsError(errno), '/in/leads.csv', use);
    expect(failure?.code).toBe(code);
    expect(failure?.params).toEqual({ path });
    expect(failure?.message).toContain(path);
  });

  it('leaves anything else to the caller and an AppError as it is', () => {
    expect(translateFileFailure(fsError('EMFILE'), '/a', 'read')).toBeNull();
    expect(translateFileFailure(new Error('plain'), '/a', 'read')).toBeNull();
    const known = new AppError('invalid_input', 'no');
    expect(translateFileFailure(known, '/a', 'read')).toBe(known);
  });
});

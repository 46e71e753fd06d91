import { CADENCE_FILE_FORMAT, type Cadence, CadenceDefinition, CadenceFile } from '@shared/domain/cadence';
import type { z } from 'zod';
import type { DialingContext } from '../context';
import { AppError } from '../errors';
import type { Handlers } from '../handlers';
import { writeNow } from '../store/write-lock';
import { toDefinition } from './store';

type CadenceHandlers = Pick<
  Handlers,
  | 'cadences.list'
  | 'cadences.get'
  | 'cadences.save'
  | 'cadences.delete'
  | 'cadences.import'
  | 'cadences.export'
  | 'enrollments.enroll'
  | 'enrollments.pause'
  | 'enrollments.resume'
  | 'enrollments.remove'
  | 'enrollments.get'
>;

/** A zod path as a reader writes it: cadences[0].steps[2].on.voicemail */
export const pathText = (path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (text, key) =>
      typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key),
    '',
  );

const issuesText = (error: z.ZodError, prefix: string): string =>
  error.issues
    .slice(0, 5)
    .map((issue) => `${pathText([...(prefix ? [prefix] : []), ...issue.path]) || 'file'}: ${issue.message}`)
    .join('; ');

/**
 * A cadence file's definitions. Takes the export format, a bare list of cadences, or one cadence; an
 * error names the path of each bad field.
 */
export const parseCadenceFile = (json: string): { definitions: CadenceDefinition[]; prefix: string } => {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new AppError('invalid_input', `The cadence file is not JSON: ${(error as Error).message}`);
  }
  if (data && typeof data === 'object' && !Array.isArray(data) && 'format' in data) {
    const parsed = CadenceFile.safeParse(data);
    if (!parsed.success)
      throw new AppError('invalid_input', `Cadence file rejected: ${issuesText(parsed.error, '')}`);
    return { definitions: parsed.data.cadences, prefix: 'cadences' };
  }
  if (Array.isArray(data)) {
    const parsed = CadenceDefinition.array().min(1).safeParse(data);
    if (!parsed.success)
      throw new AppError('invalid_input', `Cadence file rejected: ${issuesText(parsed.error, '')}`);
    return { definitions: parsed.data, prefix: '' };
  }
  const parsed = CadenceDefinition.safeParse(data);
  if (!parsed.success)
    throw new AppError('invalid_input', `Cadence file rejected: ${issuesText(parsed.error, '')}`);
  return { definitions: [parsed.data], prefix: '' };
};

export const createCadenceHandlers = ({ dialing, events, now }: DialingContext): CadenceHandlers => {
  const { svc, engine } = dialing;
  const byId = (id: string): Cadence => {
    const found = svc.cadences.list().find((c) => c.id === id);
    if (!found)
      throw new AppError('not_found', `No cadence with id ${id}. List the cadences to find its id.`);
    return found;
  };
  const changed = (reason: 'cadence' | 'enrollment', leadIds?: string[]) =>
    events.emit('queue:changed', leadIds ? { leadIds, reason } : { reason });

  return {
    'cadences.list': () => svc.cadences.list(),
    'cadences.get': ({ id }) => byId(id),
    'cadences.save': ({ cadence }) => {
      const saved = writeNow(svc.db, () => {
        const stored = svc.cadences.save(cadence, now(), svc.outcomes.ids());
        dialing.maintenance.refreshAll(stored.id);
        return stored;
      });
      changed('cadence');
      return byId(saved.id);
    },
    'cadences.delete': ({ id }) => {
      const at = now();
      const finished = writeNow(svc.db, () => {
        svc.cadences.mustGet(id);
        const leadIds = svc.cadences.enrolledLeadIds(id);
        for (const leadId of leadIds) {
          const facts = svc.leads.mustFacts(leadId);
          const enrollment = svc.leads.liveEnrollment(leadId);
          const task = svc.leads.liveTask(leadId);
          if (enrollment) {
            engine.finish(
              facts,
              enrollment,
              'cadence_deleted',
              at,
              task ? { row: task, state: 'cancelled', outcome: null } : null,
            );
          }
        }
        svc.cadences.archive(id, at);
        return leadIds.length;
      });
      changed('cadence');
      return { id, finished };
    },
    'cadences.import': ({ json }) => {
      const { definitions, prefix } = parseCadenceFile(json);
      const at = now();
      const outcomeIds = svc.outcomes.ids();
      const saved = writeNow(svc.db, () =>
        definitions.map((definition, index) => {
          const path = prefix ? `${prefix}[${index}].` : definitions.length > 1 ? `[${index}].` : '';
          const stored = svc.cadences.save(definition, at, outcomeIds, { path });
          dialing.maintenance.refreshAll(stored.id);
          return stored.id;
        }),
      );
      changed('cadence');
      return { saved: saved.map(byId) };
    },
    'cadences.export': ({ ids }) => {
      const chosen = ids ?? svc.cadences.list().map((c) => c.id);
      const file: CadenceFile = {
        format: CADENCE_FILE_FORMAT,
        version: 1,
        cadences: chosen.map((id) => toDefinition(svc.cadences.mustGet(id))),
      };
      return { json: `${JSON.stringify(file, null, 2)}\n`, file };
    },
    'enrollments.enroll': ({ leadIds, cadenceId }) => {
      const result = engine.enroll(leadIds, cadenceId, now());
      changed(
        'enrollment',
        result.enrolled.map((e) => e.leadId),
      );
      return result;
    },
    'enrollments.pause': ({ leadId }) => {
      const enrollment = engine.pause(leadId, now());
      changed('enrollment', [leadId]);
      return enrollment;
    },
    'enrollments.resume': ({ leadId }) => {
      const enrollment = engine.resume(leadId, now());
      changed('enrollment', [leadId]);
      return enrollment;
    },
    'enrollments.remove': ({ leadId }) => {
      const enrollment = engine.remove(leadId, now());
      changed('enrollment', [leadId]);
      return enrollment;
    },
    'enrollments.get': ({ leadId }) => engine.status(leadId),
  };
};

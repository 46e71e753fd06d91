import { z } from 'zod';
import { joinMutations } from './join';
import { activityMutations } from './mutations/activities';
import { cadenceMutations } from './mutations/cadences';
import { emailTemplateMutations } from './mutations/emailTemplates';
import { leadEditMutations } from './mutations/leadEdits';
import { leadMutations } from './mutations/leads';
import { qualificationMutations } from './mutations/qualification';
import { queueMutations } from './mutations/queue';
import { scriptMutations } from './mutations/scripts';
import { sessionMutations } from './mutations/session';

/** Every single-change mutation: one row, one fact. A batch is made of these. */
export const changeMutations = joinMutations(
  leadMutations,
  leadEditMutations,
  activityMutations,
  queueMutations,
  cadenceMutations,
  qualificationMutations,
  scriptMutations,
  emailTemplateMutations,
  sessionMutations,
);
export type ChangeMutations = typeof changeMutations;
export type ChangeName = keyof ChangeMutations;
export type ChangeArgs<N extends ChangeName> = z.output<ChangeMutations[N]>;

/** One change inside a batch: `{ name, args }` with args of that mutation's shape. */
export type Change = { [N in ChangeName]: { name: N; args: ChangeArgs<N> } }[ChangeName];

const changeNames = Object.keys(changeMutations) as ChangeName[];

const changeOptions = changeNames.map((name) =>
  z.strictObject({ name: z.literal(name), args: changeMutations[name] }),
);

/** Validates a `{ name, args }` pair by its name's schema. */
export const Change = z.discriminatedUnion(
  'name',
  changeOptions as unknown as [(typeof changeOptions)[number], ...typeof changeOptions],
) as unknown as z.ZodType<Change>;

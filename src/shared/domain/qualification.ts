import { z } from 'zod';
import type { Lead } from './lead';

/** BANT (PLAYBOOK, Qualification): Budget, Authority (the decision maker?), Need, Timeline. */
export const BANT_CRITERIA = ['budget', 'authority', 'need', 'timeline'] as const;
export const BantCriterion = z.enum(BANT_CRITERIA);
export type BantCriterion = z.infer<typeof BantCriterion>;

/** A rep's note on one criterion: what the prospect said. */
export const BantNote = z.string().trim().max(2_000);

/** One criterion as the rep answered it; `updatedAt` is null while never answered. */
export const BantAnswer = z.object({
  criterion: BantCriterion,
  confirmed: z.boolean(),
  note: z.string(),
  updatedAt: z.number().int().nullable(),
});
export type BantAnswer = z.infer<typeof BantAnswer>;

/**
 * Where a profile item can be read from instead of ticked by hand:
 * - `title`: the lead has a job title; `company`: a company name;
 * - `phoneAndEmail`: at least one phone number and an email address;
 * - `timeZone`: a known IANA time zone; `source`: a source channel other than `other`, or a source detail;
 * - `research`: research notes are written;
 * - `bant:<criterion>`: that BANT criterion is confirmed.
 */
export const PROFILE_SOURCES = [
  'title',
  'company',
  'phoneAndEmail',
  'timeZone',
  'source',
  'research',
  'bant:budget',
  'bant:authority',
  'bant:need',
  'bant:timeline',
] as const;
export const ProfileSource = z.enum(PROFILE_SOURCES);
export type ProfileSource = z.infer<typeof ProfileSource>;

export const ProfileItemId = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'use lower-case letters, digits and underscores (at most 40)');

/**
 * One item of the profile checklist. Built-in items have no `label` (the interface shows its own
 * translated text for the id); a team's own items carry their label. `source` null: ticked by hand only.
 */
export const ProfileItem = z.object({
  id: ProfileItemId,
  label: z.string().trim().min(1).max(120).nullable(),
  source: ProfileSource.nullable(),
});
export type ProfileItem = z.infer<typeof ProfileItem>;

/**
 * The default checklist: PLAYBOOK (Qualification) lists company full name, industry, size, revenue,
 * business process, needs, pain points, budget, timeline, decision process and makers, current tools
 * and product-specific criteria; the daily routine's scan adds the contact's title, how to reach them
 * and their time zone. 15 items.
 */
export const DEFAULT_PROFILE_ITEMS: readonly ProfileItem[] = [
  { id: 'company_name', label: null, source: 'company' },
  { id: 'contact_title', label: null, source: 'title' },
  { id: 'contact_details', label: null, source: 'phoneAndEmail' },
  { id: 'time_zone', label: null, source: 'timeZone' },
  { id: 'industry', label: null, source: null },
  { id: 'company_size', label: null, source: null },
  { id: 'revenue', label: null, source: null },
  { id: 'business_process', label: null, source: null },
  { id: 'needs', label: null, source: 'bant:need' },
  { id: 'pain_points', label: null, source: null },
  { id: 'budget', label: null, source: 'bant:budget' },
  { id: 'timeline', label: null, source: 'bant:timeline' },
  { id: 'decision_process', label: null, source: 'bant:authority' },
  { id: 'current_tools', label: null, source: null },
  { id: 'product_criteria', label: null, source: null },
];
export const BUILTIN_PROFILE_ITEM_IDS = DEFAULT_PROFILE_ITEMS.map((item) => item.id);

/**
 * A team's qualification rules. `bantGate`: how many BANT criteria must be confirmed before a hand-off
 * (PLAYBOOK default 2 of 4). `profileThreshold`: the share of the checklist that should be filled
 * before a hand-off (PLAYBOOK: two thirds or more see over 90% of hand-offs accepted); below it the
 * hand-off is warned about, not refused.
 */
export const QualificationConfig = z.object({
  bantGate: z.number().int().min(1).max(4),
  profileThreshold: z.number().min(0).max(1),
  profileItems: z
    .array(ProfileItem)
    .min(1)
    .max(40)
    .refine((items) => new Set(items.map((i) => i.id)).size === items.length, 'item ids must be unique'),
});
export type QualificationConfig = z.infer<typeof QualificationConfig>;

export const DEFAULT_QUALIFICATION_CONFIG: QualificationConfig = {
  bantGate: 2,
  profileThreshold: 2 / 3,
  profileItems: [...DEFAULT_PROFILE_ITEMS],
};

/** One checklist item for one lead: ticked because a source says so (`derived`) or by hand. */
export const ProfileItemState = ProfileItem.extend({
  derived: z.boolean(),
  checkedByHand: z.boolean(),
  checked: z.boolean(),
});
export type ProfileItemState = z.infer<typeof ProfileItemState>;

export const ProfileCompleteness = z.object({
  items: z.array(ProfileItemState),
  filled: z.number().int(),
  total: z.number().int(),
  /** filled / total, 0–1. */
  ratio: z.number(),
  threshold: z.number(),
  meetsThreshold: z.boolean(),
});
export type ProfileCompleteness = z.infer<typeof ProfileCompleteness>;

/** What the profile sources read from a lead. */
export type ProfileFacts = Pick<
  Lead,
  'title' | 'company' | 'email' | 'phones' | 'timeZone' | 'sourceChannel' | 'sourceDetail'
> & { hasResearch: boolean };

const filled = (value: string | null): boolean => value !== null && value.trim() !== '';

/** Whether `source` says the item is known for this lead. */
export const sourceKnows = (
  source: ProfileSource,
  facts: ProfileFacts,
  confirmed: ReadonlySet<BantCriterion>,
): boolean => {
  switch (source) {
    case 'title':
      return filled(facts.title);
    case 'company':
      return filled(facts.company);
    case 'phoneAndEmail':
      return facts.phones.length > 0 && filled(facts.email);
    case 'timeZone':
      return filled(facts.timeZone);
    case 'source':
      return facts.sourceChannel !== 'other' || filled(facts.sourceDetail);
    case 'research':
      return facts.hasResearch;
    default:
      return confirmed.has(source.slice('bant:'.length) as BantCriterion);
  }
};

/**
 * The checklist for one lead: each item ticked when its source knows it or the rep ticked it, and how
 * many are filled against `config.profileThreshold` (a share, 0–1).
 */
export const profileCompleteness = (
  config: QualificationConfig,
  facts: ProfileFacts,
  bant: readonly BantAnswer[],
  checkedByHand: ReadonlySet<string>,
): ProfileCompleteness => {
  const confirmed = new Set(bant.filter((a) => a.confirmed).map((a) => a.criterion));
  const items = config.profileItems.map((item) => {
    const derived = item.source !== null && sourceKnows(item.source, facts, confirmed);
    const byHand = checkedByHand.has(item.id);
    return { ...item, derived, checkedByHand: byHand, checked: derived || byHand };
  });
  const count = items.filter((i) => i.checked).length;
  const ratio = items.length === 0 ? 0 : count / items.length;
  return {
    items,
    filled: count,
    total: items.length,
    ratio,
    threshold: config.profileThreshold,
    // A small epsilon so 10 of 15 meets a threshold of 2/3 stored as 0.6666…
    meetsThreshold: ratio + 1e-9 >= config.profileThreshold,
  };
};

/** The four answers in BANT order, with never-answered criteria as unconfirmed and empty. */
export const bantInOrder = (stored: readonly BantAnswer[]): BantAnswer[] =>
  BANT_CRITERIA.map(
    (criterion) =>
      stored.find((a) => a.criterion === criterion) ?? {
        criterion,
        confirmed: false,
        note: '',
        updatedAt: null,
      },
  );

export const confirmedCount = (bant: readonly BantAnswer[]): number => bant.filter((a) => a.confirmed).length;

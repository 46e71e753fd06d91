import type { CadenceDefinitionInput } from '@shared/domain/cadence';

const hours = (amount: number) => ({ amount, unit: 'hours' as const });
const minutes = (amount: number) => ({ amount, unit: 'minutes' as const });
const businessDays = (amount: number) => ({ amount, unit: 'business_days' as const });

/** Fixed ids, so every desktop and the server name the built-in cadences alike. */
export const NEW_LEAD_CADENCE_ID = '0190a000-0000-7000-8000-00000000c001';
export const INBOUND_CADENCE_ID = '0190a000-0000-7000-8000-00000000c002';

/**
 * PLAYBOOK's routine for a new lead: call; no answer → voicemail and a follow-up email the same day;
 * call again in two business days; a LinkedIn touch; a last call; a break-up email.
 */
export const NEW_LEAD_CADENCE: CadenceDefinitionInput = {
  id: NEW_LEAD_CADENCE_ID,
  name: 'New lead',
  description: 'The playbook routine: call, voicemail, follow-up email, call again in two business days.',
  rule: {},
  priority: 100,
  limits: {},
  steps: [
    {
      id: 'call-1',
      kind: 'call',
      title: 'First call: use the research, leave a voicemail under 20 seconds if no one answers',
      maxAttempts: 3,
      on: {
        voicemail: { action: 'next', wait: minutes(0) },
        no_answer: { action: 'retry', wait: hours(4) },
        busy: { action: 'retry', wait: hours(1) },
      },
    },
    {
      id: 'email-1',
      kind: 'email',
      title: 'Follow-up email: name the voicemail and one thing from the research',
    },
    {
      id: 'call-2',
      kind: 'call',
      title: 'Second call',
      wait: businessDays(2),
      maxAttempts: 2,
      on: { no_answer: { action: 'retry', wait: hours(4) } },
    },
    { id: 'linkedin-1', kind: 'linkedin', title: 'Connect on LinkedIn with a personal note' },
    {
      id: 'call-3',
      kind: 'call',
      title: 'Third call',
      wait: businessDays(3),
      maxAttempts: 2,
      on: { no_answer: { action: 'retry', wait: hours(4) } },
    },
    { id: 'email-2', kind: 'email', title: 'Break-up email: leave the door open' },
  ],
};

/** Speed to lead: web-form and hotline leads are called within minutes and retried the same day. */
export const INBOUND_CADENCE: CadenceDefinitionInput = {
  id: INBOUND_CADENCE_ID,
  name: 'Inbound: speed to lead',
  description: 'For web-form and hotline leads: call within minutes, retry quickly, follow up the same day.',
  rule: { direction: 'inbound', sourceChannels: ['web_form', 'hotline'] },
  priority: 10,
  limits: { minRetryGapMinutes: 10, maxAttemptsPerDay: 4, maxAttemptsTotal: 10 },
  steps: [
    {
      id: 'call-1',
      kind: 'call',
      title: 'Call within minutes of the request',
      maxAttempts: 3,
      on: {
        voicemail: { action: 'next', wait: minutes(0) },
        no_answer: { action: 'retry', wait: minutes(15) },
        busy: { action: 'retry', wait: minutes(10) },
      },
    },
    { id: 'email-1', kind: 'email', title: 'Same-day follow-up email with a link to book a time' },
    {
      id: 'call-2',
      kind: 'call',
      title: 'Call again this afternoon',
      wait: hours(3),
      maxAttempts: 2,
      on: { no_answer: { action: 'retry', wait: hours(3) } },
    },
    {
      id: 'call-3',
      kind: 'call',
      title: 'Next-day call',
      wait: businessDays(1),
      maxAttempts: 2,
      on: { no_answer: { action: 'retry', wait: hours(4) } },
    },
    { id: 'email-2', kind: 'email', title: 'Break-up email', wait: businessDays(2) },
  ],
};

export const BUILTIN_CADENCES = [INBOUND_CADENCE, NEW_LEAD_CADENCE];

/**
 * The title of the task a callback outcome creates. Stored as written here; the interface shows it,
 * like the built-in cadences' names and step titles, from `cadences.builtin` in the user's language.
 */
export const CALLBACK_TASK_TITLE = 'Call back as agreed';

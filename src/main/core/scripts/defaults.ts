import type { ScriptDefinition } from '@shared/domain/script';

/** A built-in script: fixed id (UUIDv7), so every desktop and the server name it alike. */
export type BuiltinScript = ScriptDefinition & { id: string };

/**
 * The built-in scripts, in English as stored; the interface shows them, while unedited, from
 * `scripts.builtin` in the user's language (a test keeps this text and the en resource equal).
 * Voicemails follow the PLAYBOOK: under 20 seconds, who you are, why you call, something memorable,
 * the prospect's name and the research. Objection cards are its hard questions and a common "no".
 */
export const BUILTIN_SCRIPTS: readonly BuiltinScript[] = [
  {
    id: '0190a000-0000-7000-8000-00000000d001',
    kind: 'voicemail',
    scope: 'team',
    language: 'en',
    name: 'Voicemail: trigger event',
    body: "Hi {{firstName}}, it's {{repName}}. I saw {{trigger}} and have one idea for {{company}}. Call me at {{repPhone}}. Again, {{repPhone}}.",
  },
  {
    id: '0190a000-0000-7000-8000-00000000d002',
    kind: 'voicemail',
    scope: 'team',
    language: 'en',
    name: 'Voicemail: pain point',
    body: "Hi {{firstName}}, {{repName}} here. Teams on {{currentTool}} often tell us about {{painPoint}}. I have a two-minute idea for {{company}}. I'm at {{repPhone}}.",
  },
  {
    id: '0190a000-0000-7000-8000-00000000d003',
    kind: 'opener',
    scope: 'team',
    language: 'en',
    name: 'Opener: why now',
    body: "Hi {{firstName}}, this is {{repName}}. I'm calling because {{trigger}}. Can I take thirty seconds to say why, and you decide if it's worth a longer talk?",
  },
  {
    id: '0190a000-0000-7000-8000-00000000d004',
    kind: 'objection',
    scope: 'team',
    language: 'en',
    name: 'Is this a priority now?',
    body: 'Before I take more of your time: is fixing {{painPoint}} a priority this quarter, or is something else ahead of it?',
  },
  {
    id: '0190a000-0000-7000-8000-00000000d005',
    kind: 'objection',
    scope: 'team',
    language: 'en',
    name: 'Is there a budget?',
    body: 'Is there budget set aside for this, or would it have to come from somewhere else?',
  },
  {
    id: '0190a000-0000-7000-8000-00000000d006',
    kind: 'objection',
    scope: 'team',
    language: 'en',
    name: 'Are you the decision maker?',
    body: 'Who else would weigh in on a decision like this, and how does {{company}} usually decide?',
  },
  {
    id: '0190a000-0000-7000-8000-00000000d007',
    kind: 'objection',
    scope: 'team',
    language: 'en',
    name: 'What exactly does your business do?',
    body: 'So I do not guess: what exactly does {{company}} do, and who do you sell to?',
  },
  {
    id: '0190a000-0000-7000-8000-00000000d008',
    kind: 'objection',
    scope: 'team',
    language: 'en',
    name: '"We already use something"',
    body: 'That makes sense; many teams we talk to use {{currentTool}}. If you could change one thing about it, what would it be?',
  },
];

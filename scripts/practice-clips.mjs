#!/usr/bin/env node
// Makes the practice prospect's voice: each line below spoken by espeak-ng, band-limited to the
// telephone band (300–3400 Hz) and resampled with sox, then compressed to Opus in an Ogg file with
// ffmpeg, under src/renderer/public/practice/<lang>/. A manifest (clips.json) gives each clip's length
// in seconds. The files are committed; run this again only when a line changes:
//   node scripts/practice-clips.mjs
// Needs espeak-ng, sox and ffmpeg (with libopus) on PATH.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const OUT = resolve('src/renderer/public/practice');

/** espeak-ng's voice and speaking rate (words per minute) per interface language. */
const VOICES = {
  en: { voice: 'en-us', rate: 160 },
  'zh-CN': { voice: 'cmn', rate: 150 },
  ko: { voice: 'ko', rate: 150 },
};

/**
 * What the prospect says. The objections are the common ones reps rehearse in role-play drills
 * (PLAYBOOK.md, "On the call"): not now, no budget, send an email, we have a vendor, wrong person.
 */
const LINES = {
  en: {
    greeting: 'Hello, this is Jordan speaking.',
    voicemail:
      "Hi, you've reached Jordan. I can't take your call right now. Please leave a message after the tone.",
    notNow: "Look, we're not interested right now. Maybe next quarter.",
    noBudget: "We don't have any budget for this this year.",
    sendEmail: "I'm busy. Just send me an email.",
    haveVendor: 'We already work with another vendor for that.',
    wrongPerson: "I'm not the right person for this. You want our operations team.",
    listening: 'Okay. Go on, I am listening.',
    goodbye: "Sorry, I'm not interested. Goodbye.",
  },
  'zh-CN': {
    greeting: '喂，你好，我是王静。',
    voicemail: '您好，我是王静，现在不方便接听电话。请在提示音后留言。',
    notNow: '我们现在不感兴趣，也许下个季度再说吧。',
    noBudget: '我们今年没有这方面的预算。',
    sendEmail: '我现在很忙，你发邮件给我吧。',
    haveVendor: '这方面我们已经有合作的供应商了。',
    wrongPerson: '这事不归我管，你应该找我们运营部。',
    listening: '好的，你说，我在听。',
    goodbye: '抱歉，我们不需要。再见。',
  },
  ko: {
    greeting: '여보세요, 김민준입니다.',
    voicemail:
      '안녕하세요, 김민준입니다. 지금은 전화를 받을 수 없습니다. 신호음이 울린 후 메시지를 남겨 주세요.',
    notNow: '지금은 관심이 없습니다. 다음 분기에 다시 얘기하시죠.',
    noBudget: '올해는 이쪽 예산이 없습니다.',
    sendEmail: '지금 바빠서요. 이메일로 보내 주세요.',
    haveVendor: '그 부분은 이미 다른 업체와 일하고 있습니다.',
    wrongPerson: '저는 담당자가 아닙니다. 운영팀에 연락해 보세요.',
    listening: '네, 말씀하세요. 듣고 있습니다.',
    goodbye: '죄송하지만 관심 없습니다. 안녕히 계세요.',
  },
};

const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
const seconds = (wav) => Number(String(run('soxi', ['-D', wav])).trim());

const work = mkdtempSync(join(tmpdir(), 'dialdeck-practice-'));
const manifest = {};
try {
  for (const [lang, lines] of Object.entries(LINES)) {
    const { voice, rate } = VOICES[lang];
    mkdirSync(join(OUT, lang), { recursive: true });
    manifest[lang] = {};
    for (const [id, text] of Object.entries(lines)) {
      const raw = join(work, `${lang}-${id}-raw.wav`);
      const phone = join(work, `${lang}-${id}.wav`);
      run('espeak-ng', ['-v', voice, '-s', String(rate), '-w', raw, text]);
      // Telephone band, 16 kHz mono, a little quiet trimmed at each end.
      run('sox', [
        raw,
        '-r',
        '16000',
        '-c',
        '1',
        phone,
        'sinc',
        '300-3400',
        'silence',
        '1',
        '0.05',
        '0.5%',
        'reverse',
        'silence',
        '1',
        '0.05',
        '0.5%',
        'reverse',
        'norm',
        '-3',
      ]);
      let source = phone;
      if (id === 'voicemail') {
        // The answering machine's tone after its greeting: 1 kHz for 0.6 s, after half a second.
        const gap = join(work, 'gap.wav');
        const tone = join(work, 'tone.wav');
        source = join(work, `${lang}-${id}-tone.wav`);
        run('sox', ['-n', '-r', '16000', '-c', '1', gap, 'trim', '0', '0.5']);
        run('sox', ['-n', '-r', '16000', '-c', '1', tone, 'synth', '0.6', 'sine', '1000', 'gain', '-8']);
        run('sox', [phone, gap, tone, source]);
      }
      const file = `${lang}/${id}.ogg`;
      run('ffmpeg', [
        '-y',
        '-loglevel',
        'error',
        '-i',
        source,
        '-c:a',
        'libopus',
        '-b:a',
        '20k',
        '-application',
        'voip',
        join(OUT, file),
      ]);
      manifest[lang][id] = { file, seconds: Math.round(seconds(source) * 1000) / 1000 };
    }
  }
  writeFileSync(join(OUT, 'clips.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  process.stdout.write(`practice clips written under ${OUT}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

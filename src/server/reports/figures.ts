import type { ReportFigures } from '@shared/server/reports';

/** Summed figures before the talk share is worked out (talk/listen seconds kept apart for that). */
export type FigureSums = Omit<ReportFigures, 'talkShare'> & {
  repTalkSeconds: number;
  prospectTalkSeconds: number;
};

export const NO_FIGURES: FigureSums = {
  dials: 0,
  connects: 0,
  conversations: 0,
  talkSeconds: 0,
  voicemails: 0,
  emails: 0,
  mqls: 0,
  repTalkSeconds: 0,
  prospectTalkSeconds: 0,
};

/** The rollup's sums as SQL select items (aliases as in `SumsRow`), over `report_rep_days d`. */
export const SUMS_SQL = `coalesce(sum(d.dials), 0) AS dials, coalesce(sum(d.connects), 0) AS connects,
  coalesce(sum(d.conversations), 0) AS conversations, coalesce(sum(d.talk_seconds), 0) AS talk_seconds,
  coalesce(sum(d.voicemails), 0) AS voicemails, coalesce(sum(d.emails), 0) AS emails,
  coalesce(sum(d.rep_talk_seconds), 0) AS rep_talk_seconds,
  coalesce(sum(d.prospect_talk_seconds), 0) AS prospect_talk_seconds, coalesce(sum(d.mqls), 0) AS mqls`;

/** A row selected with `SUMS_SQL` (PostgreSQL's bigint and numeric sums arrive as text). */
export type SumsRow = {
  dials: string;
  connects: string;
  conversations: string;
  talk_seconds: string;
  voicemails: string;
  emails: string;
  rep_talk_seconds: string | number;
  prospect_talk_seconds: string | number;
  mqls: string;
};

/** A `SumsRow` as `FigureSums` (no row: nothing happened). */
export const sumsOf = (row: SumsRow | undefined): FigureSums =>
  row === undefined
    ? NO_FIGURES
    : {
        dials: Number(row.dials),
        connects: Number(row.connects),
        conversations: Number(row.conversations),
        talkSeconds: Number(row.talk_seconds),
        voicemails: Number(row.voicemails),
        emails: Number(row.emails),
        mqls: Number(row.mqls),
        repTalkSeconds: Number(row.rep_talk_seconds),
        prospectTalkSeconds: Number(row.prospect_talk_seconds),
      };

/** Two sums added. */
export const addSums = (a: FigureSums, b: FigureSums): FigureSums => ({
  dials: a.dials + b.dials,
  connects: a.connects + b.connects,
  conversations: a.conversations + b.conversations,
  talkSeconds: a.talkSeconds + b.talkSeconds,
  voicemails: a.voicemails + b.voicemails,
  emails: a.emails + b.emails,
  mqls: a.mqls + b.mqls,
  repTalkSeconds: a.repTalkSeconds + b.repTalkSeconds,
  prospectTalkSeconds: a.prospectTalkSeconds + b.prospectTalkSeconds,
});

/**
 * The figures a board shows: `talkShare` = rep talk seconds ÷ (rep + prospect talk seconds) over the
 * calls that carry talk/listen figures (`TalkMetrics`), rounded to 4 places; null when none spoke.
 */
export const figuresOf = (sums: FigureSums): ReportFigures => {
  const spoken = sums.repTalkSeconds + sums.prospectTalkSeconds;
  const { repTalkSeconds: _rep, prospectTalkSeconds: _prospect, ...counts } = sums;
  return {
    ...counts,
    talkShare: spoken > 0 ? Math.round((sums.repTalkSeconds / spoken) * 10_000) / 10_000 : null,
  };
};

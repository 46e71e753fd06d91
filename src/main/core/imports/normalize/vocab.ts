import type { Direction, LeadStatus, SourceChannel } from '@shared/domain/lead';
import { fold } from '../map/fold';

/** Lists repeat the same few words on every row, so each distinct text is folded once. */
const memo = <T>(read: (text: string) => T): ((text: string) => T) => {
  const seen = new Map<string, T>();
  return (text) => {
    if (seen.has(text)) return seen.get(text) as T;
    const value = read(text);
    if (seen.size < 10_000) seen.set(text, value);
    return value;
  };
};

const table = <T extends string>(entries: Record<T, readonly string[]>): Map<string, T> => {
  const map = new Map<string, T>();
  for (const [value, words] of Object.entries(entries) as [T, readonly string[]][]) {
    map.set(fold(value), value);
    for (const word of words) map.set(fold(word), value);
  }
  return map;
};

/** Words teams use for a lead's source, mapped to Dialdeck's channels. */
const CHANNEL_WORDS = table<SourceChannel>({
  web_form: [
    'web form',
    'website',
    'web',
    'form',
    'contact form',
    'contact us',
    'landing page',
    'demo request',
    'request a demo',
    'free trial',
    'trial',
    'sign up',
    'signup',
    'inbound form',
    '官网',
    '网站',
    '表单',
    '官网表单',
    '网站表单',
    '在线咨询',
    '웹폼',
    '웹사이트',
    '홈페이지',
    '문의폼',
    '문의',
  ],
  hotline: [
    'hotline',
    'inbound call',
    'phone in',
    'call in',
    '热线',
    '来电',
    '400电话',
    '핫라인',
    '전화 문의',
    '인바운드 콜',
  ],
  content_download: [
    'content download',
    'download',
    'ebook',
    'e-book',
    'white paper',
    'whitepaper',
    'content',
    'report download',
    '白皮书',
    '下载',
    '资料下载',
    '内容下载',
    '자료 다운로드',
    '백서',
    '다운로드',
  ],
  event: [
    'event',
    'webinar',
    'trade show',
    'tradeshow',
    'conference',
    'expo',
    'booth',
    'meetup',
    'seminar',
    'workshop',
    '活动',
    '展会',
    '会议',
    '研讨会',
    '网络研讨会',
    '线下活动',
    '이벤트',
    '웨비나',
    '전시회',
    '세미나',
    '행사',
    '컨퍼런스',
  ],
  ads: [
    'ads',
    'ad',
    'advertising',
    'paid search',
    'ppc',
    'google ads',
    'sem',
    'paid social',
    'facebook ads',
    'linkedin ads',
    '广告',
    '搜索广告',
    '信息流广告',
    '광고',
    '검색 광고',
  ],
  partner: [
    'partner',
    'reseller',
    'channel partner',
    'partner referral',
    '合作伙伴',
    '渠道伙伴',
    '伙伴',
    '代理商',
    '파트너',
    '리셀러',
  ],
  referral: [
    'referral',
    'referred',
    'word of mouth',
    'customer referral',
    '推荐',
    '转介绍',
    '介绍',
    '客户推荐',
    '추천',
    '소개',
  ],
  outbound_list: [
    'cold list',
    'outbound',
    'outbound list',
    'list',
    'purchased list',
    'cold call',
    'cold calling',
    'prospecting',
    'list import',
    '名单',
    '外呼',
    '陌拜',
    '冷名单',
    '购买名单',
    '콜드 리스트',
    '아웃바운드',
    '명단',
    '콜드콜',
  ],
  other: ['other', 'others', 'unknown', '其他', '其它', '기타'],
});

/** Words that mark a channel inside a longer source text ("Webinar – Q3 forecasting"). */
const CHANNEL_HINTS: readonly [RegExp, SourceChannel][] = [
  [
    /webinar|tradeshow|conference|expo|event|booth|seminar|展会|活动|研讨会|웨비나|전시회|세미나|행사/,
    'event',
  ],
  [/webform|contactform|landingpage|demorequest|website|官网|网站|表单|웹폼|웹사이트|홈페이지/, 'web_form'],
  [/ebook|whitepaper|download|白皮书|下载|백서|다운로드/, 'content_download'],
  [/ads|advert|ppc|广告|광고/, 'ads'],
  [/referral|referred|推荐|转介绍|추천/, 'referral'],
  [/partner|reseller|合作伙伴|代理商|파트너/, 'partner'],
  [/coldlist|coldcall|outbound|purchasedlist|外呼|名单|콜드|아웃바운드/, 'outbound_list'],
  [/hotline|inboundcall|热线|来电|핫라인/, 'hotline'],
];

export type ChannelMatch = { channel: SourceChannel; exact: boolean };

/** The channel a source text names; `exact: false` when only a word inside it matched or none did. */
export const channelFor = memo((text: string): ChannelMatch => {
  const key = fold(text);
  const exact = CHANNEL_WORDS.get(key);
  if (exact) return { channel: exact, exact: true };
  for (const [pattern, channel] of CHANNEL_HINTS) if (pattern.test(key)) return { channel, exact: false };
  return { channel: 'other', exact: false };
});

const DIRECTION_WORDS = table<Direction>({
  inbound: ['in', 'inbound lead', 'incoming', '入站', '呼入', '集客', '인바운드', '수신'],
  outbound: ['out', 'outbound lead', 'outgoing', 'cold', '出站', '呼出', '外呼', '아웃바운드', '발신'],
});

export const directionFor = memo((text: string): Direction | undefined => DIRECTION_WORDS.get(fold(text)));

/** Status words from CRMs and spreadsheets, mapped to the PLAYBOOK funnel. */
const STATUS_WORDS = table<LeadStatus>({
  new: [
    'open',
    'new lead',
    'untouched',
    'not contacted',
    '新建',
    '新线索',
    '未处理',
    '未联系',
    '신규',
    '새 리드',
  ],
  working: [
    'contacted',
    'in progress',
    'attempting',
    'attempting contact',
    'engaged',
    'follow up',
    'following up',
    // HubSpot's and Zoho's default lead statuses
    'attempted to contact',
    'connected',
    'open deal',
    '跟进中',
    '已联系',
    '处理中',
    '진행중',
    '진행 중',
    '연락함',
  ],
  nurture: [
    'nurturing',
    'recycled',
    'not now',
    'bad timing',
    'contact in future',
    '孵化',
    '培育',
    '线索池',
    '육성',
    '육성 풀',
  ],
  mql: [
    'marketing qualified',
    'marketing qualified lead',
    'qualified',
    'pre-qualified',
    '市场认可线索',
    '市场认可',
    '마케팅 적격',
    '마케팅 적격 리드',
  ],
  sql: [
    'sales qualified',
    'sales qualified lead',
    'sales accepted',
    'accepted',
    '销售认可线索',
    '销售认可',
    '영업 적격',
    '영업 적격 리드',
  ],
  opportunity: ['opp', 'opportunity created', '商机', '영업 기회', '기회'],
  won: ['closed won', 'customer', 'win', '赢单', '成交', '已成交', '수주', '성사'],
  lost: ['closed lost', 'loss', 'lost lead', '输单', '丢单', '失败', '실주', '실패'],
  disqualified: [
    'unqualified',
    'not qualified',
    'dq',
    'junk',
    'junk lead',
    'invalid',
    '无效',
    '不合格',
    '无效线索',
    '부적격',
    '무효',
  ],
  do_not_contact: [
    'dnc',
    'do not call',
    'do not contact',
    'donotcall',
    'unsubscribed',
    'opted out',
    'opt out',
    '请勿致电',
    '请勿联系',
    '勿扰',
    '연락 금지',
    '수신 거부',
  ],
});

export const statusFor = memo((text: string): LeadStatus | undefined => STATUS_WORDS.get(fold(text)));

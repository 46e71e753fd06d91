import type { Db } from '../store/db';
import type { NewLead } from './repo';

const demo = (lead: Partial<NewLead> & Pick<NewLead, 'name'>): NewLead => ({
  title: null,
  company: null,
  email: null,
  phones: [],
  timeZone: null,
  country: null,
  region: null,
  city: null,
  sourceChannel: 'web_form',
  sourceDetail: null,
  direction: 'inbound',
  status: 'new',
  isDemo: true,
  ...lead,
});

const phone = (e164: string) => [{ e164, ext: null, label: null, raw: e164 }];

/**
 * A small call list so a new install has something to work through. Every lead is marked as demo
 * data, is never sent to the server, and can be removed from the lead list in one step.
 * Phone numbers are from ranges reserved for fiction.
 */
export const DEMO_LEADS: NewLead[] = [
  demo({
    name: 'Avery Chen (demo)',
    title: 'VP Operations',
    company: 'Northwind Freight (demo)',
    email: 'avery.chen@example.com',
    phones: phone('+12025550143'),
    timeZone: 'America/New_York',
    country: 'US',
    region: 'DC',
    city: 'Washington',
    sourceChannel: 'web_form',
    sourceDetail: 'Requested a pricing call',
  }),
  demo({
    name: 'Jordan Patel (demo)',
    title: 'IT Director',
    company: 'Northwind Freight (demo)',
    email: 'jordan.patel@example.com',
    phones: phone('+12025550178'),
    timeZone: 'America/New_York',
    country: 'US',
    region: 'DC',
    city: 'Washington',
    sourceChannel: 'content_download',
    sourceDetail: 'Downloaded "Dispatch automation checklist"',
  }),
  demo({
    name: 'Morgan Reyes (demo)',
    title: 'Head of Sales',
    company: 'Cascade Outfitters (demo)',
    email: 'morgan@example.org',
    phones: phone('+13125550199'),
    timeZone: 'America/Chicago',
    country: 'US',
    region: 'IL',
    city: 'Chicago',
    sourceChannel: 'event',
    sourceDetail: 'Visited the booth at RetailTech Expo',
  }),
  demo({
    name: 'Riley Okafor (demo)',
    title: 'COO',
    company: 'Blue Mesa Clinics (demo)',
    email: 'riley.okafor@example.net',
    phones: phone('+14155550112'),
    timeZone: 'America/Los_Angeles',
    country: 'US',
    region: 'CA',
    city: 'San Francisco',
    sourceChannel: 'outbound_list',
    direction: 'outbound',
  }),
  demo({
    name: 'Harriet Wells (demo)',
    title: 'Finance Director',
    company: 'Thames Analytics (demo)',
    email: 'h.wells@example.co.uk',
    phones: phone('+442079460958'),
    timeZone: 'Europe/London',
    country: 'GB',
    city: 'London',
    sourceChannel: 'event',
    sourceDetail: 'Attended the forecasting webinar',
  }),
  demo({
    name: '王芳 (demo)',
    title: '采购经理',
    company: '华东精密制造 (demo)',
    email: 'wang.fang@example.cn',
    phones: phone('+8613800138000'),
    timeZone: 'Asia/Shanghai',
    country: 'CN',
    city: '上海',
    sourceChannel: 'ads',
    sourceDetail: '搜索广告表单',
  }),
  demo({
    name: '李强 (demo)',
    title: 'CTO',
    company: '华东精密制造 (demo)',
    email: 'li.qiang@example.cn',
    phones: phone('+8613900139000'),
    timeZone: 'Asia/Shanghai',
    country: 'CN',
    city: '上海',
    sourceChannel: 'referral',
    sourceDetail: '客户推荐',
  }),
  demo({
    name: '김민준 (demo)',
    title: '영업 본부장',
    company: '한빛 로지스틱스 (demo)',
    email: 'minjun.kim@example.kr',
    phones: phone('+82212345678'),
    timeZone: 'Asia/Seoul',
    country: 'KR',
    city: '서울',
    sourceChannel: 'partner',
    sourceDetail: '파트너 소개',
  }),
  demo({
    name: 'Sofia Lindqvist (demo)',
    title: 'Marketing Manager',
    company: 'Nordlys Energy (demo)',
    email: 'sofia@example.se',
    phones: phone('+46701234567'),
    timeZone: 'Europe/Stockholm',
    country: 'SE',
    city: 'Stockholm',
    sourceChannel: 'hotline',
    sourceDetail: 'Called the sales line after hours',
  }),
  demo({
    name: 'Sam Taylor (demo)',
    title: 'Office Manager',
    company: 'Taylor & Co (demo)',
    email: 'sam@example.com',
    phones: phone('+61255501234'),
    timeZone: null,
    country: 'AU',
    city: null,
    sourceChannel: 'outbound_list',
    direction: 'outbound',
    sourceDetail: 'Time zone unknown: Australia spans several',
  }),
];

/**
 * Whether a store may receive the demo call list: only one that holds no lead at all and is not
 * signed in to a team server. A team's store gets the team's leads from the server, and demo leads
 * beside them would be worked as if they were real; a store that already holds leads has its own.
 * `signedInToTeam` is whether the data folder holds a team sign-in (sync/credentials.ts).
 */
export const storeTakesDemoLeads = (db: Db, signedInToTeam: boolean): boolean =>
  !signedInToTeam && db.prepare('SELECT 1 FROM leads LIMIT 1').get() === undefined;

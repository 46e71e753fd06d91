import type { ColumnMapping, ImportField } from '@shared/api/imports';
import { ADDRESS_GROUPS, readExportHeader } from './exportHeaders';
import { fold } from './fold';

/**
 * Header words per field, in English, Chinese and Korean, as they appear in exports from CRMs,
 * marketing tools, event badge scanners and hand-made spreadsheets. Matching is on folded text
 * (see fold), so case, spaces and punctuation do not matter.
 */
const SYNONYMS: Record<ImportField, readonly string[]> = {
  name: [
    'name',
    'full name',
    'contact name',
    'contact',
    'lead name',
    'person',
    'prospect',
    'prospect name',
    'customer name',
    'attendee',
    'attendee name',
    '姓名',
    '名字',
    '联系人',
    '联系人姓名',
    '客户姓名',
    '客户名称',
    '全名',
    '姓名全称',
    '이름',
    '성명',
    '담당자',
    '담당자명',
    '고객명',
    '고객 이름',
    '연락처 이름',
  ],
  firstName: ['first name', 'first', 'given name', 'forename', 'fname', '名'],
  lastName: ['last name', 'last', 'surname', 'family name', 'lname', '姓', '姓氏', '성'],
  title: [
    'title',
    'job title',
    'position',
    'role',
    'designation',
    'job role',
    'job',
    '职位',
    '职务',
    '头衔',
    '岗位',
    '职称',
    '직함',
    '직책',
    '직위',
    '직급',
  ],
  company: [
    'company',
    'company name',
    'organization',
    'organisation',
    'org',
    'account',
    'account name',
    'employer',
    'business',
    'business name',
    '公司',
    '公司名称',
    '单位',
    '单位名称',
    '企业',
    '企业名称',
    '机构',
    '客户公司',
    '회사',
    '회사명',
    '기업',
    '기업명',
    '업체',
    '업체명',
    '소속',
    '소속회사',
  ],
  email: [
    'email',
    'email address',
    'e-mail',
    'mail',
    'work email',
    'business email',
    'email 1',
    '邮箱',
    '电子邮件',
    '电子邮箱',
    '邮件',
    '邮箱地址',
    '电邮',
    '이메일',
    '전자메일',
    '전자 우편',
    '메일',
    '이메일 주소',
  ],
  phone: [
    'phone',
    'phone number',
    'telephone',
    'tel',
    'mobile',
    'mobile phone',
    'mobile number',
    'cell',
    'cell phone',
    'cellphone',
    'work phone',
    'office phone',
    'home phone',
    'direct dial',
    'direct phone',
    'direct line',
    'contact number',
    'business phone',
    'main phone',
    'landline',
    '电话',
    '手机',
    '手机号',
    '手机号码',
    '电话号码',
    '联系电话',
    '座机',
    '办公电话',
    '固话',
    '移动电话',
    '전화',
    '전화번호',
    '휴대폰',
    '휴대전화',
    '핸드폰',
    '연락처',
    '휴대폰 번호',
    '사무실 전화',
    '직통',
  ],
  timeZone: ['time zone', 'timezone', 'tz', 'zone', '时区', '시간대', '타임존', '표준 시간대'],
  country: [
    'country',
    'country/region',
    'country region',
    'country/territory',
    'nation',
    'country code',
    '国家',
    '国家/地区',
    '国家地区',
    '国别',
    '国籍',
    '국가',
    '나라',
    '국가/지역',
  ],
  region: [
    'state',
    'province',
    'region',
    'state/province',
    'state or province',
    'state/region',
    'state/county',
    'prefecture',
    'territory',
    '省',
    '省份',
    '州',
    '省/州',
    '省市',
    '地区',
    '所在省份',
    '시도',
    '시/도',
    '주',
    '도',
    '지역',
    '광역시도',
  ],
  city: ['city', 'town', 'locality', 'city/town', '城市', '市', '所在城市', '도시', '시', '시군구'],
  sourceChannel: [
    'lead source',
    'original source',
    'source',
    'channel',
    'source channel',
    'lead channel',
    'origin',
    'lead origin',
    'source origin',
    '来源',
    '线索来源',
    '渠道',
    '来源渠道',
    '客户来源',
    '소스',
    '출처',
    '유입 경로',
    '리드 소스',
    '채널',
    '유입경로',
  ],
  sourceDetail: [
    'source detail',
    'source details',
    'campaign',
    'campaign name',
    'lead source detail',
    'form name',
    'event name',
    'content',
    'utm campaign',
    '来源详情',
    '来源说明',
    '活动名称',
    '市场活动',
    '캠페인',
    '캠페인명',
    '소스 상세',
    '유입 상세',
  ],
  direction: [
    'direction',
    'inbound/outbound',
    'inbound outbound',
    'lead type',
    'lead direction',
    '方向',
    '呼入呼出',
    '线索类型',
    '방향',
    '인바운드/아웃바운드',
    '리드 유형',
  ],
  status: [
    'status',
    'lead status',
    'stage',
    'lead stage',
    '状态',
    '线索状态',
    '阶段',
    '상태',
    '리드 상태',
    '단계',
  ],
  research: [
    'notes',
    'note',
    'research',
    'research notes',
    'comments',
    'comment',
    'description',
    'remarks',
    '备注',
    '调研笔记',
    '笔记',
    '说明',
    '描述',
    '调研',
    '메모',
    '조사 메모',
    '비고',
    '노트',
    '설명',
  ],
};

const EXACT = new Map<string, ImportField>();
for (const [field, words] of Object.entries(SYNONYMS) as [ImportField, readonly string[]][]) {
  for (const word of words) {
    const key = fold(word);
    if (!EXACT.has(key)) EXACT.set(key, field);
  }
}

/** Words that mark a phone column even among other words ("Phone 2", "Mobile (personal)", "手机1"). */
const PHONE_HINTS = /phone|mobile|^tel|^cell|电话|手机|座机|전화|휴대|핸드폰/;
/** Fax lines, extensions, an assistant's line and consent flags are not the lead's numbers. */
const NOT_PHONE =
  /fax|传真|팩스|ext|extension|分机|내선|asst|assistant|optout|optedout|donotcall|type|label|telex|tty|pager/;
const EMAIL_HINTS = /email|邮箱|이메일/;
/** Consent flags, delivery statistics and display names of Outlook, Salesforce and HubSpot. */
const NOT_EMAIL =
  /optout|optedout|optin|bounce|domain|displayname|opened|clicked|delivered|sent|unsubscribe|subscription|type|label|format|replied/;

const fieldForWords = (words: string): ImportField | null => {
  const key = fold(words);
  if (!key) return null;
  const exact = EXACT.get(key) ?? EXACT.get(key.replace(/\d+$/, ''));
  if (exact) return exact;
  if (PHONE_HINTS.test(key) && !NOT_PHONE.test(key)) return 'phone';
  if (EMAIL_HINTS.test(key) && !NOT_EMAIL.test(key)) return 'email';
  return null;
};

/** Fields that several columns may feed: every phone, every email, and each address's parts. */
const MULTI_COLUMN: ReadonlySet<ImportField> = new Set(['phone', 'email']);

/**
 * A header's field and, for fields one column feeds, its rank among rival columns (lower wins):
 * Outlook's "Title" is a salutation, so a "Job Title" column beats it; an address's rank is its
 * group's place in ADDRESS_GROUPS.
 */
const readHeader = (header: string): { field: ImportField | null; rank: number; address: boolean } => {
  const shape = readExportHeader(header);
  switch (shape.kind) {
    case 'label':
      return { field: null, rank: 0, address: false };
    case 'field':
      return { field: shape.field, rank: 0, address: false };
    case 'address':
      return { field: shape.field, rank: shape.rank, address: true };
    case 'value': {
      const field = fieldForWords(shape.words);
      return { field: field === 'phone' || field === 'email' ? field : null, rank: 0, address: false };
    }
    case 'plain': {
      const field = fieldForWords(shape.words);
      const address = field === 'country' || field === 'region' || field === 'city';
      const rank = address ? UNPREFIXED_RANK : fold(shape.words) === 'title' ? 1 : 0;
      return { field, rank, address };
    }
  }
};

/** An unprefixed address (plain "City", "Country") ranks with the person's own addresses. */
const UNPREFIXED_RANK = ADDRESS_GROUPS.indexOf('');

/** The field a header names, or null. `phone` and `email` may be named by several columns. */
export const fieldForHeader = (header: string): ImportField | null => readHeader(header).field;

/**
 * Proposes a field for each column. Phones and emails take every column that holds them; the
 * parts of an address take every address's column, so each row can read the best address it has
 * filled in (see ADDRESS_GROUPS); any other field goes to its best-ranked column only, the first
 * of equals, so a second "Company" column is left out rather than overwriting the first.
 */
export const suggestMapping = (headers: readonly string[]): ColumnMapping => {
  const read = headers.map(readHeader);
  const best = new Map<ImportField, number>();
  read.forEach(({ field, rank, address }, index) => {
    if (!field || MULTI_COLUMN.has(field) || address) return;
    const held = best.get(field);
    if (held === undefined || rank < (read[held]?.rank ?? 0)) best.set(field, index);
  });
  return read.map(({ field, address }, index) => {
    if (!field) return null;
    if (MULTI_COLUMN.has(field) || address) return field;
    return best.get(field) === index ? field : null;
  });
};

/** A label for a phone or its type cell: mobile, work, home or direct; null when it names none. */
export const phoneLabelFor = (text: string): string | null => {
  const key = fold(text);
  if (/mobile|cell|手机|移动|휴대|핸드폰|모바일/.test(key)) return 'mobile';
  if (/work|office|business|main|办公|公司|座机|사무실|회사|직장/.test(key)) return 'work';
  if (/home|住宅|家庭|자택|집/.test(key)) return 'home';
  if (/direct|直线|직통/.test(key)) return 'direct';
  return null;
};

/**
 * A label for the phones of a column, from its header ("Mobile Phone", Pipedrive's
 * "Person - Phone - Mobile"). Numbered columns ("Phone 1 - Value") take theirs from their Type
 * column row by row instead (see labelColumns).
 */
export const phoneLabelForHeader = (header: string): string | null => {
  const shape = readExportHeader(header);
  if (shape.kind === 'value') return shape.label ? phoneLabelFor(shape.label) : null;
  return phoneLabelFor(header);
};

/**
 * For each column, the index of the column that holds its Type or Label (`Phone 1 - Value` →
 * `Phone 1 - Type`), or undefined.
 */
export const labelColumns = (headers: readonly string[]): (number | undefined)[] => {
  const shapes = headers.map(readExportHeader);
  const labels = new Map<string, number>();
  shapes.forEach((shape, index) => {
    if (shape.kind === 'label' && !labels.has(shape.labelKey)) labels.set(shape.labelKey, index);
  });
  return shapes.map((shape) =>
    shape.kind === 'value' && shape.labelKey ? labels.get(shape.labelKey) : undefined,
  );
};

/** For each column, the address group it belongs to ("" for an unprefixed one), or null. */
export const addressGroups = (headers: readonly string[]): ({ group: string; rank: number } | null)[] =>
  headers.map((header) => {
    const shape = readExportHeader(header);
    if (shape.kind === 'address') return { group: shape.group, rank: shape.rank };
    const field = fieldForWords(shape.kind === 'plain' ? shape.words : '');
    return field === 'country' || field === 'region' || field === 'city'
      ? { group: '', rank: UNPREFIXED_RANK }
      : null;
  });

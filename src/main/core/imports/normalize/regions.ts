/**
 * Time zones of the states and provinces of countries that span several, and of large cities.
 *
 * A region maps to one zone when all of it keeps that zone's clock, or all but places holding
 * under about 2% of its people; otherwise it maps to null ("spans zones": the time is unknown
 * unless the city settles it). The places set aside are named beside each entry. A city entry
 * is only listed where its name points at one clock within its country.
 */
type ZoneTable = Record<string, string | null>;

const NY = 'America/New_York';
const CHI = 'America/Chicago';
const DEN = 'America/Denver';
const LA = 'America/Los_Angeles';
const SH = 'Asia/Shanghai';

/** Keys are a state's code and its names; the value is its zone, or null where it spans zones. */
const entries = (rows: readonly [readonly string[], string | null][]): ZoneTable => {
  const table: ZoneTable = {};
  for (const [names, zone] of rows) for (const name of names) table[name] = zone;
  return table;
};

const US_STATES = entries([
  [['AL', 'Alabama'], CHI],
  [['AK', 'Alaska'], 'America/Anchorage'], // the western Aleutians (a few hundred people) keep Adak time
  [['AZ', 'Arizona'], 'America/Phoenix'], // the Navajo Nation (about 1.5%) keeps daylight saving time
  [['AR', 'Arkansas'], CHI],
  [['CA', 'California'], LA],
  [['CO', 'Colorado'], DEN],
  [['CT', 'Connecticut'], NY],
  [['DE', 'Delaware'], NY],
  [['DC', 'District of Columbia', 'Washington DC', 'Washington D.C.'], NY],
  [['FL', 'Florida'], null], // the western Panhandle keeps Central time
  [['GA', 'Georgia'], NY],
  [['HI', 'Hawaii'], 'Pacific/Honolulu'],
  [['ID', 'Idaho'], null], // the north keeps Pacific time
  [['IL', 'Illinois'], CHI],
  [['IN', 'Indiana'], null], // north-west and south-west counties keep Central time
  [['IA', 'Iowa'], CHI],
  [['KS', 'Kansas'], CHI], // four western counties (under 1%) keep Mountain time
  [['KY', 'Kentucky'], null], // the west keeps Central time
  [['LA', 'Louisiana'], CHI],
  [['ME', 'Maine'], NY],
  [['MD', 'Maryland'], NY],
  [['MA', 'Massachusetts'], NY],
  [['MI', 'Michigan'], 'America/Detroit'], // four Upper Peninsula counties (under 1%) keep Central time
  [['MN', 'Minnesota'], CHI],
  [['MS', 'Mississippi'], CHI],
  [['MO', 'Missouri'], CHI],
  [['MT', 'Montana'], DEN],
  [['NE', 'Nebraska'], null], // the west keeps Mountain time
  [['NV', 'Nevada'], LA],
  [['NH', 'New Hampshire'], NY],
  [['NJ', 'New Jersey'], NY],
  [['NM', 'New Mexico'], DEN],
  [['NY', 'New York', 'New York State'], NY],
  [['NC', 'North Carolina'], NY],
  [['ND', 'North Dakota'], null], // the south-west keeps Mountain time
  [['OH', 'Ohio'], NY],
  [['OK', 'Oklahoma'], CHI],
  [['OR', 'Oregon'], LA], // Malheur County (under 1%) keeps Mountain time
  [['PA', 'Pennsylvania'], NY],
  [['RI', 'Rhode Island'], NY],
  [['SC', 'South Carolina'], NY],
  [['SD', 'South Dakota'], null], // the west keeps Mountain time
  [['TN', 'Tennessee'], null], // the east keeps Eastern time
  [['TX', 'Texas'], null], // El Paso and Hudspeth counties keep Mountain time
  [['UT', 'Utah'], DEN],
  [['VT', 'Vermont'], NY],
  [['VA', 'Virginia'], NY],
  [['WA', 'Washington', 'Washington State'], LA],
  [['WV', 'West Virginia'], NY],
  [['WI', 'Wisconsin'], CHI],
  [['WY', 'Wyoming'], DEN],
  [['PR', 'Puerto Rico'], 'America/Puerto_Rico'],
  [['GU', 'Guam'], 'Pacific/Guam'],
  [['VI', 'US Virgin Islands', 'U.S. Virgin Islands'], 'America/St_Thomas'],
  [['AS', 'American Samoa'], 'Pacific/Pago_Pago'],
  [['MP', 'Northern Mariana Islands'], 'Pacific/Saipan'],
]);

const CA_PROVINCES = entries([
  [['AB', 'Alberta'], 'America/Edmonton'],
  [['BC', 'British Columbia', 'B.C.'], 'America/Vancouver'], // the Peace River area and Creston (about 1.3%) keep Mountain time
  [['MB', 'Manitoba'], 'America/Winnipeg'],
  [['NB', 'New Brunswick'], 'America/Moncton'],
  [['NL', 'Newfoundland and Labrador', 'Newfoundland', 'NF'], null], // most of Labrador keeps Atlantic time
  [['NS', 'Nova Scotia'], 'America/Halifax'],
  [['NT', 'Northwest Territories', 'NWT'], 'America/Edmonton'],
  [['NU', 'Nunavut'], null], // three zones
  [['ON', 'Ontario'], 'America/Toronto'], // the north-west (under 1%) keeps Central time
  [['PE', 'Prince Edward Island', 'PEI'], 'America/Halifax'],
  [['QC', 'Quebec', 'Québec', 'PQ'], 'America/Toronto'], // the Magdalen Islands and the Lower North Shore (under 1%) differ
  [['SK', 'Saskatchewan'], 'America/Regina'], // Lloydminster (about 1%) keeps Alberta time
  [['YT', 'Yukon'], 'America/Whitehorse'],
]);

const AU_STATES = entries([
  [['NSW', 'New South Wales'], 'Australia/Sydney'], // Broken Hill and Lord Howe Island (under 1%) differ
  [['VIC', 'Victoria'], 'Australia/Melbourne'],
  [['QLD', 'Queensland'], 'Australia/Brisbane'],
  [['SA', 'South Australia'], 'Australia/Adelaide'],
  [['WA', 'Western Australia'], 'Australia/Perth'], // the Eucla area (a few hundred people) differs
  [['TAS', 'Tasmania'], 'Australia/Hobart'],
  [['NT', 'Northern Territory'], 'Australia/Darwin'],
  [['ACT', 'Australian Capital Territory'], 'Australia/Sydney'],
  [['JBT', 'Jervis Bay Territory'], 'Australia/Sydney'],
]);

/** China keeps Beijing time everywhere; in Xinjiang many people also keep Xinjiang time (UTC+6). */
const CN_PROVINCES = entries([
  [
    [
      '北京',
      'Beijing',
      '天津',
      'Tianjin',
      '上海',
      'Shanghai',
      '重庆',
      '重慶',
      'Chongqing',
      '河北',
      'Hebei',
      '山西',
      'Shanxi',
      '辽宁',
      'Liaoning',
      '吉林',
      'Jilin',
      '黑龙江',
      'Heilongjiang',
      '江苏',
      'Jiangsu',
      '浙江',
      'Zhejiang',
      '安徽',
      'Anhui',
      '福建',
      'Fujian',
      '江西',
      'Jiangxi',
      '山东',
      'Shandong',
      '河南',
      'Henan',
      '湖北',
      'Hubei',
      '湖南',
      'Hunan',
      '广东',
      '廣東',
      'Guangdong',
      '海南',
      'Hainan',
      '四川',
      'Sichuan',
      '贵州',
      'Guizhou',
      '云南',
      'Yunnan',
      '陕西',
      'Shaanxi',
      '甘肃',
      'Gansu',
      '青海',
      'Qinghai',
      '内蒙古',
      'Inner Mongolia',
      'Nei Mongol',
      '广西',
      'Guangxi',
      '西藏',
      'Tibet',
      'Xizang',
      '宁夏',
      'Ningxia',
    ],
    SH,
  ],
  [['新疆', 'Xinjiang'], null],
]);

const US_CITIES = entries([
  [['Houston', 'Dallas', 'Austin', 'San Antonio', 'Fort Worth', 'Corpus Christi', 'Plano', 'Lubbock'], CHI],
  [['El Paso'], DEN],
  [['Miami', 'Orlando', 'Tampa', 'Jacksonville', 'Tallahassee', 'Fort Lauderdale', 'St. Petersburg'], NY],
  [['Pensacola'], CHI],
  [
    ['Nashville', 'Memphis', 'Omaha', 'Lincoln', 'Fargo', 'Bismarck', 'Sioux Falls', 'Wichita', 'Evansville'],
    CHI,
  ],
  [['Knoxville', 'Chattanooga', 'Fort Wayne', 'South Bend'], NY],
  [['Rapid City'], DEN],
  [["Coeur d'Alene", 'Coeur d’Alene'], LA],
  [
    [
      'New York City',
      'NYC',
      'Brooklyn',
      'Manhattan',
      'Boston',
      'Philadelphia',
      'Atlanta',
      'Charlotte',
      'Baltimore',
    ],
    NY,
  ],
  [
    ['San Francisco', 'San Jose', 'San Diego', 'Seattle', 'Las Vegas', 'Sacramento', 'Oakland', 'Palo Alto'],
    LA,
  ],
  [['Minneapolis', 'St. Louis', 'Milwaukee', 'New Orleans', 'Oklahoma City', 'Kansas City'], CHI],
  [['Salt Lake City', 'Albuquerque', 'Colorado Springs'], DEN],
  [['Tucson', 'Mesa', 'Scottsdale', 'Tempe', 'Chandler'], 'America/Phoenix'],
]);

const CA_CITIES = entries([
  [
    [
      'Ottawa',
      'Mississauga',
      'Hamilton',
      'London',
      'Thunder Bay',
      'Montreal',
      'Montréal',
      'Quebec City',
      'Québec',
      'Laval',
      'Gatineau',
      'Brampton',
      'Markham',
      'Kitchener',
      'Waterloo',
    ],
    'America/Toronto',
  ],
  [
    ['Surrey', 'Burnaby', 'Richmond', 'Victoria', 'Kelowna', 'Kamloops', 'Nanaimo', 'Abbotsford'],
    'America/Vancouver',
  ],
  [['Calgary', 'Red Deer', 'Yellowknife', 'Lethbridge'], 'America/Edmonton'],
  [['Saskatoon'], 'America/Regina'],
  [['Fort St. John'], 'America/Dawson_Creek'],
  [['Kenora'], 'America/Winnipeg'],
  [["St. John's", 'St Johns', 'Mount Pearl', 'Corner Brook'], 'America/St_Johns'],
  [['Happy Valley-Goose Bay', 'Labrador City'], 'America/Goose_Bay'],
  [['Fredericton', 'Saint John'], 'America/Moncton'],
  [['Charlottetown'], 'America/Halifax'],
]);

const AU_CITIES = entries([
  [['Canberra', 'Newcastle', 'Wollongong', 'Central Coast'], 'Australia/Sydney'],
  [['Gold Coast', 'Sunshine Coast', 'Cairns', 'Townsville', 'Toowoomba'], 'Australia/Brisbane'],
  [['Geelong', 'Ballarat', 'Bendigo'], 'Australia/Melbourne'],
  [['Launceston'], 'Australia/Hobart'],
  [['Alice Springs'], 'Australia/Darwin'],
]);

const CN_CITIES = entries([
  [
    [
      '广州',
      'Guangzhou',
      '深圳',
      'Shenzhen',
      '杭州',
      'Hangzhou',
      '南京',
      'Nanjing',
      '苏州',
      'Suzhou',
      '成都',
      'Chengdu',
      '武汉',
      'Wuhan',
      '西安',
      "Xi'an",
      'Xian',
      '长沙',
      'Changsha',
      '郑州',
      'Zhengzhou',
      '青岛',
      'Qingdao',
      '济南',
      'Jinan',
      '沈阳',
      'Shenyang',
      '大连',
      'Dalian',
      '哈尔滨',
      'Harbin',
      '长春',
      'Changchun',
      '厦门',
      'Xiamen',
      '福州',
      'Fuzhou',
      '合肥',
      'Hefei',
      '昆明',
      'Kunming',
      '南宁',
      'Nanning',
      '东莞',
      'Dongguan',
      '佛山',
      'Foshan',
      '宁波',
      'Ningbo',
      '无锡',
      'Wuxi',
      '石家庄',
      'Shijiazhuang',
      '太原',
      'Taiyuan',
      '南昌',
      'Nanchang',
      '贵阳',
      'Guiyang',
      '兰州',
      'Lanzhou',
      '海口',
      'Haikou',
      '呼和浩特',
      'Hohhot',
      '拉萨',
      'Lhasa',
      '西宁',
      'Xining',
      '银川',
      'Yinchuan',
      '珠海',
      'Zhuhai',
      '温州',
      'Wenzhou',
    ],
    SH,
  ],
]);

export const REGION_ZONES: Record<string, ZoneTable> = {
  US: US_STATES,
  CA: CA_PROVINCES,
  AU: AU_STATES,
  CN: { ...CN_PROVINCES },
};

export const CITY_ZONES: Record<string, ZoneTable> = {
  US: US_CITIES,
  CA: CA_CITIES,
  AU: AU_CITIES,
  // Beijing time everywhere outside Xinjiang; the municipalities are cities as well as regions.
  CN: { ...CN_CITIES, ...CN_PROVINCES },
};

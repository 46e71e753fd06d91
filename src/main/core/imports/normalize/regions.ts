/**
 * Time zones of the states and provinces of countries that span several, and of the cities of
 * the states that are themselves split.
 *
 * The rule, so that a lead is never called before its own morning: a state maps to one zone when
 * all of it keeps that zone's clock, or when the places that keep another clock hold under about 2%
 * of its people AND are never behind the main clock (a call at 8 a.m. main time is 8 a.m. or later
 * there). A state where a part keeps an earlier clock (the Florida Panhandle, Kansas's western
 * counties, Michigan's western Upper Peninsula, north-western Ontario…) is split: it lists the
 * zones it spans, and a lead there needs its city (looked up in that state only) or a phone number
 * that pins one of those zones. The places set aside or split off are named beside each entry.
 * Sources: the IANA time zone database's zone comments (zone1970.tab, northamerica, australasia,
 * southamerica, europe), and the U.S. DOT's time zone boundaries (49 CFR part 71).
 */
/** One clock, or the clocks a split state spans. */
type Zones = string | readonly string[];
export type RegionEntry = { key: string; zone: string | null; spans: readonly string[] };
type RegionTable = Record<string, RegionEntry>;
type CityTable = Record<string, Record<string, string>>;

const NY = 'America/New_York';
const CHI = 'America/Chicago';
const DEN = 'America/Denver';
const LA = 'America/Los_Angeles';
const SH = 'Asia/Shanghai';

/** Keys are a state's code and its names; the first name is the key its cities are filed under. */
const entries = (rows: readonly [readonly string[], Zones][]): RegionTable => {
  const table: RegionTable = {};
  for (const [names, zones] of rows) {
    const key = names[0] ?? '';
    const entry: RegionEntry =
      typeof zones === 'string'
        ? { key, zone: zones, spans: [zones] }
        : { key, zone: null, spans: zones as readonly string[] };
    for (const name of names) table[name] = entry;
  }
  return table;
};

/** Cities of split states, by the state's key: `[state, [[cities, zone], …]]`. */
const cities = (rows: readonly [string, readonly [readonly string[], string][]][]): CityTable => {
  const table: CityTable = {};
  for (const [state, groups] of rows) {
    const own: Record<string, string> = {};
    for (const [names, zone] of groups) for (const name of names) own[name] = zone;
    table[state] = own;
  }
  return table;
};

const US_STATES = entries([
  [['AL', 'Alabama'], CHI],
  [
    ['AK', 'Alaska'],
    ['America/Anchorage', 'America/Adak'],
  ], // the western Aleutians keep Hawaii-Aleutian time
  [['AZ', 'Arizona'], 'America/Phoenix'], // the Navajo Nation (about 1.5%) keeps daylight saving time: ahead in summer
  [['AR', 'Arkansas'], CHI],
  [['CA', 'California'], LA],
  [['CO', 'Colorado'], DEN],
  [['CT', 'Connecticut'], NY],
  [['DE', 'Delaware'], NY],
  [['DC', 'District of Columbia', 'Washington DC', 'Washington D.C.'], NY],
  [
    ['FL', 'Florida'],
    [NY, CHI],
  ], // the western Panhandle keeps Central time
  [['GA', 'Georgia'], NY],
  [['HI', 'Hawaii'], 'Pacific/Honolulu'],
  [
    ['ID', 'Idaho'],
    ['America/Boise', LA],
  ], // the north keeps Pacific time
  [['IL', 'Illinois'], CHI],
  [
    ['IN', 'Indiana'],
    ['America/Indiana/Indianapolis', CHI],
  ], // north-west and south-west counties keep Central time
  [['IA', 'Iowa'], CHI],
  [
    ['KS', 'Kansas'],
    [CHI, DEN],
  ], // four western counties keep Mountain time
  [
    ['KY', 'Kentucky'],
    [NY, CHI],
  ], // the west keeps Central time
  [['LA', 'Louisiana'], CHI],
  [['ME', 'Maine'], NY],
  [['MD', 'Maryland'], NY],
  [['MA', 'Massachusetts'], NY],
  [
    ['MI', 'Michigan'],
    ['America/Detroit', 'America/Menominee'],
  ], // four Upper Peninsula counties keep Central time
  [['MN', 'Minnesota'], CHI],
  [['MS', 'Mississippi'], CHI],
  [['MO', 'Missouri'], CHI],
  [['MT', 'Montana'], DEN],
  [
    ['NE', 'Nebraska'],
    [CHI, DEN],
  ], // the west keeps Mountain time
  [['NV', 'Nevada'], LA], // West Wendover (about 0.2%) keeps Mountain time: ahead
  [['NH', 'New Hampshire'], NY],
  [['NJ', 'New Jersey'], NY],
  [['NM', 'New Mexico'], DEN],
  [['NY', 'New York', 'New York State'], NY],
  [['NC', 'North Carolina'], NY],
  [
    ['ND', 'North Dakota'],
    [CHI, DEN],
  ], // the south-west keeps Mountain time
  [['OH', 'Ohio'], NY],
  [['OK', 'Oklahoma'], CHI],
  [['OR', 'Oregon'], LA], // Malheur County (under 1%) keeps Mountain time: ahead
  [['PA', 'Pennsylvania'], NY],
  [['RI', 'Rhode Island'], NY],
  [['SC', 'South Carolina'], NY],
  [
    ['SD', 'South Dakota'],
    [CHI, DEN],
  ], // the west keeps Mountain time
  [
    ['TN', 'Tennessee'],
    [CHI, NY],
  ], // the east keeps Eastern time
  [
    ['TX', 'Texas'],
    [CHI, DEN],
  ], // El Paso and Hudspeth counties keep Mountain time
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

const US_CITIES = cities([
  [
    'AK',
    [
      [
        [
          'Anchorage',
          'Fairbanks',
          'Juneau',
          'Wasilla',
          'Sitka',
          'Ketchikan',
          'Kenai',
          'Kodiak',
          'Bethel',
          'Nome',
        ],
        'America/Anchorage',
      ],
      [['Adak'], 'America/Adak'],
    ],
  ],
  [
    'FL',
    [
      [
        [
          'Miami',
          'Orlando',
          'Tampa',
          'Jacksonville',
          'Tallahassee',
          'Fort Lauderdale',
          'St. Petersburg',
          'Saint Petersburg',
          'Hialeah',
          'Gainesville',
          'Cape Coral',
          'Port St. Lucie',
          'West Palm Beach',
          'Boca Raton',
          'Sarasota',
          'Naples',
          'Fort Myers',
          'Daytona Beach',
          'Clearwater',
          'Lakeland',
          'Melbourne',
          'Ocala',
        ],
        NY,
      ],
      [['Pensacola', 'Panama City', 'Destin', 'Fort Walton Beach', 'Navarre', 'Crestview', 'Niceville'], CHI],
    ],
  ],
  [
    'ID',
    [
      [
        ['Boise', 'Nampa', 'Meridian', 'Idaho Falls', 'Pocatello', 'Caldwell', 'Twin Falls', 'Rexburg'],
        'America/Boise',
      ],
      [["Coeur d'Alene", 'Coeur d’Alene', 'Post Falls', 'Lewiston', 'Moscow', 'Sandpoint'], LA],
    ],
  ],
  [
    'IN',
    [
      [
        [
          'Indianapolis',
          'Fort Wayne',
          'South Bend',
          'Bloomington',
          'Carmel',
          'Fishers',
          'Muncie',
          'Lafayette',
          'Kokomo',
          'Anderson',
          'Terre Haute',
          'Columbus',
          'Elkhart',
          'Richmond',
          'Noblesville',
          'Greenwood',
          'Mishawaka',
        ],
        'America/Indiana/Indianapolis',
      ],
      [
        [
          'Evansville',
          'Gary',
          'Hammond',
          'Merrillville',
          'Valparaiso',
          'Crown Point',
          'Portage',
          'Michigan City',
          'East Chicago',
          'Schererville',
          'La Porte',
        ],
        CHI,
      ],
    ],
  ],
  [
    'KS',
    [
      [
        [
          'Wichita',
          'Overland Park',
          'Kansas City',
          'Olathe',
          'Topeka',
          'Lawrence',
          'Shawnee',
          'Manhattan',
          'Lenexa',
          'Salina',
          'Hutchinson',
          'Dodge City',
          'Garden City',
          'Hays',
          'Liberal',
          'Emporia',
          'Leavenworth',
        ],
        CHI,
      ],
      [['Goodland', 'Sharon Springs', 'Tribune', 'Saint Francis', 'St. Francis'], DEN],
    ],
  ],
  [
    'KY',
    [
      [
        [
          'Louisville',
          'Lexington',
          'Frankfort',
          'Covington',
          'Florence',
          'Georgetown',
          'Richmond',
          'Ashland',
          'Elizabethtown',
          'Nicholasville',
          'Independence',
          'Pikeville',
        ],
        NY,
      ],
      [
        [
          'Bowling Green',
          'Owensboro',
          'Paducah',
          'Hopkinsville',
          'Henderson',
          'Murray',
          'Madisonville',
          'Glasgow',
        ],
        CHI,
      ],
    ],
  ],
  [
    'MI',
    [
      [
        [
          'Detroit',
          'Grand Rapids',
          'Warren',
          'Sterling Heights',
          'Ann Arbor',
          'Lansing',
          'Flint',
          'Dearborn',
          'Livonia',
          'Troy',
          'Kalamazoo',
          'Traverse City',
          'Marquette',
          'Sault Ste. Marie',
          'Southfield',
          'Novi',
          'Saginaw',
        ],
        'America/Detroit',
      ],
      [['Menominee', 'Iron Mountain', 'Ironwood', 'Iron River', 'Kingsford'], 'America/Menominee'],
    ],
  ],
  [
    'NE',
    [
      [
        [
          'Omaha',
          'Lincoln',
          'Bellevue',
          'Grand Island',
          'Kearney',
          'Fremont',
          'Hastings',
          'Norfolk',
          'Columbus',
          'North Platte',
          'Papillion',
          'La Vista',
        ],
        CHI,
      ],
      [['Scottsbluff', 'Sidney', 'Alliance', 'Ogallala', 'Chadron', 'Gering'], DEN],
    ],
  ],
  [
    'ND',
    [
      [
        [
          'Fargo',
          'Bismarck',
          'Grand Forks',
          'Minot',
          'Williston',
          'Jamestown',
          'Mandan',
          'West Fargo',
          'Valley City',
        ],
        CHI,
      ],
      [['Dickinson', 'Bowman', 'Beach'], DEN],
    ],
  ],
  [
    'SD',
    [
      [
        [
          'Sioux Falls',
          'Aberdeen',
          'Brookings',
          'Watertown',
          'Mitchell',
          'Yankton',
          'Pierre',
          'Huron',
          'Vermillion',
        ],
        CHI,
      ],
      [['Rapid City', 'Spearfish', 'Sturgis', 'Belle Fourche', 'Deadwood', 'Lead', 'Box Elder'], DEN],
    ],
  ],
  [
    'TN',
    [
      [
        [
          'Nashville',
          'Memphis',
          'Clarksville',
          'Murfreesboro',
          'Franklin',
          'Jackson',
          'Cookeville',
          'Columbia',
          'Brentwood',
          'Hendersonville',
          'Smyrna',
        ],
        CHI,
      ],
      [
        [
          'Knoxville',
          'Chattanooga',
          'Johnson City',
          'Kingsport',
          'Bristol',
          'Oak Ridge',
          'Cleveland',
          'Maryville',
          'Morristown',
        ],
        NY,
      ],
    ],
  ],
  [
    'TX',
    [
      [
        [
          'Houston',
          'Dallas',
          'Austin',
          'San Antonio',
          'Fort Worth',
          'Corpus Christi',
          'Plano',
          'Lubbock',
          'Arlington',
          'Laredo',
          'Irving',
          'Garland',
          'Frisco',
          'McKinney',
          'Amarillo',
          'Brownsville',
          'Killeen',
          'Waco',
          'Midland',
          'Odessa',
          'Abilene',
          'Beaumont',
          'Round Rock',
          'Denton',
          'Tyler',
          'Paris',
          'Athens',
          'Palestine',
        ],
        CHI,
      ],
      [['El Paso', 'Horizon City', 'Socorro', 'Sierra Blanca', 'Dell City', 'Anthony'], DEN],
    ],
  ],
]);

const CA_PROVINCES = entries([
  [['AB', 'Alberta'], 'America/Edmonton'],
  [['BC', 'British Columbia', 'B.C.'], 'America/Vancouver'], // the Peace River area and Creston (about 1.3%) keep Mountain time: ahead or equal
  [['MB', 'Manitoba'], 'America/Winnipeg'],
  [['NB', 'New Brunswick'], 'America/Moncton'],
  [
    ['NL', 'Newfoundland and Labrador', 'Newfoundland', 'NF'],
    ['America/St_Johns', 'America/Goose_Bay'],
  ], // most of Labrador keeps Atlantic time
  [['NS', 'Nova Scotia'], 'America/Halifax'],
  [['NT', 'Northwest Territories', 'NWT'], 'America/Edmonton'],
  [
    ['NU', 'Nunavut'],
    ['America/Iqaluit', 'America/Rankin_Inlet', 'America/Cambridge_Bay'],
  ],
  [
    ['ON', 'Ontario'],
    ['America/Toronto', 'America/Winnipeg'],
  ], // the north-west keeps Central time
  [['PE', 'Prince Edward Island', 'PEI'], 'America/Halifax'],
  [['QC', 'Quebec', 'Québec', 'PQ'], 'America/Toronto'], // the Magdalen Islands and the Lower North Shore (under 1%) keep Atlantic time: ahead
  [
    ['SK', 'Saskatchewan'],
    ['America/Regina', 'America/Edmonton'],
  ], // Lloydminster keeps Alberta time
  [['YT', 'Yukon'], 'America/Whitehorse'],
]);

const CA_CITIES = cities([
  [
    'ON',
    [
      [
        [
          'Toronto',
          'Ottawa',
          'Mississauga',
          'Hamilton',
          'London',
          'Brampton',
          'Markham',
          'Kitchener',
          'Waterloo',
          'Windsor',
          'Sudbury',
          'Greater Sudbury',
          'Barrie',
          'Oshawa',
          'Kingston',
          'Guelph',
          'Thunder Bay',
          'Sault Ste. Marie',
          'Timmins',
          'North Bay',
          'Vaughan',
          'Oakville',
          'Burlington',
          'Richmond Hill',
          'St. Catharines',
          'Niagara Falls',
          'Peterborough',
          'Cambridge',
        ],
        'America/Toronto',
      ],
      [['Kenora', 'Dryden', 'Sioux Lookout', 'Fort Frances', 'Red Lake', 'Rainy River'], 'America/Winnipeg'],
    ],
  ],
  [
    'SK',
    [
      [
        [
          'Regina',
          'Saskatoon',
          'Prince Albert',
          'Moose Jaw',
          'Swift Current',
          'Yorkton',
          'North Battleford',
          'Estevan',
        ],
        'America/Regina',
      ],
      [['Lloydminster'], 'America/Edmonton'],
    ],
  ],
  [
    'NL',
    [
      [
        [
          "St. John's",
          'St Johns',
          "Saint John's",
          'Mount Pearl',
          'Corner Brook',
          'Conception Bay South',
          'Gander',
          'Grand Falls-Windsor',
          'Paradise',
        ],
        'America/St_Johns',
      ],
      [['Happy Valley-Goose Bay', 'Labrador City', 'Wabush'], 'America/Goose_Bay'],
    ],
  ],
  [
    'NU',
    [
      [['Iqaluit', 'Pond Inlet', 'Igloolik'], 'America/Iqaluit'],
      [['Rankin Inlet', 'Arviat', 'Baker Lake'], 'America/Rankin_Inlet'],
      [['Cambridge Bay', 'Kugluktuk'], 'America/Cambridge_Bay'],
    ],
  ],
]);

const AU_STATES = entries([
  [
    ['NSW', 'New South Wales'],
    ['Australia/Sydney', 'Australia/Broken_Hill'],
  ], // Broken Hill keeps South Australia's clock; Lord Howe Island is ahead
  [['VIC', 'Victoria'], 'Australia/Melbourne'],
  [['QLD', 'Queensland'], 'Australia/Brisbane'],
  [['SA', 'South Australia'], 'Australia/Adelaide'],
  [['WA', 'Western Australia'], 'Australia/Perth'], // the Eucla area (a few hundred people) is ahead
  [['TAS', 'Tasmania'], 'Australia/Hobart'],
  [['NT', 'Northern Territory'], 'Australia/Darwin'],
  [['ACT', 'Australian Capital Territory'], 'Australia/Sydney'],
  [['JBT', 'Jervis Bay Territory'], 'Australia/Sydney'],
]);

const AU_CITIES = cities([
  [
    'NSW',
    [
      [
        [
          'Sydney',
          'Newcastle',
          'Wollongong',
          'Central Coast',
          'Parramatta',
          'Albury',
          'Wagga Wagga',
          'Dubbo',
          'Tamworth',
          'Orange',
          'Port Macquarie',
          'Coffs Harbour',
          'Bathurst',
          'Lismore',
        ],
        'Australia/Sydney',
      ],
      [['Broken Hill'], 'Australia/Broken_Hill'],
      [['Lord Howe Island'], 'Australia/Lord_Howe'],
    ],
  ],
]);

const MEX = 'America/Mexico_City';
const MX_STATES = entries([
  [['AGU', 'Aguascalientes', 'AGS'], MEX],
  [['BCN', 'Baja California', 'BC'], 'America/Tijuana'],
  [['BCS', 'Baja California Sur'], 'America/Mazatlan'],
  [['CAM', 'Campeche'], 'America/Merida'],
  [['CHP', 'Chiapas'], MEX],
  [
    ['CHH', 'Chihuahua', 'CHIH'],
    ['America/Chihuahua', 'America/Ciudad_Juarez', 'America/Ojinaga'],
  ], // Juárez and the border keep U.S. Mountain time
  [['CMX', 'Ciudad de México', 'Mexico City', 'CDMX', 'Distrito Federal', 'DF'], MEX],
  [['COA', 'Coahuila', 'Coahuila de Zaragoza'], 'America/Monterrey'], // Piedras Negras and Acuña keep U.S. daylight time: ahead
  [['COL', 'Colima'], MEX],
  [['DUR', 'Durango', 'DGO'], 'America/Monterrey'],
  [['GUA', 'Guanajuato', 'GTO'], MEX],
  [['GRO', 'Guerrero'], MEX],
  [['HID', 'Hidalgo'], MEX],
  [['JAL', 'Jalisco'], MEX],
  [['MEX', 'México', 'Estado de México', 'State of Mexico', 'Edomex'], MEX],
  [['MIC', 'Michoacán', 'Michoacan de Ocampo'], MEX],
  [['MOR', 'Morelos'], MEX],
  [['NAY', 'Nayarit'], 'America/Mazatlan'], // Bahía de Banderas keeps Central time: ahead
  [['NLE', 'Nuevo León', 'NL'], 'America/Monterrey'],
  [['OAX', 'Oaxaca'], MEX],
  [['PUE', 'Puebla'], MEX],
  [['QUE', 'Querétaro', 'QRO'], MEX],
  [['ROO', 'Quintana Roo', 'QROO'], 'America/Cancun'],
  [['SLP', 'San Luis Potosí'], MEX],
  [['SIN', 'Sinaloa'], 'America/Mazatlan'],
  [['SON', 'Sonora'], 'America/Hermosillo'],
  [['TAB', 'Tabasco'], MEX],
  [
    ['TAM', 'Tamaulipas', 'TAMPS'],
    ['America/Monterrey', 'America/Matamoros'],
  ], // the border keeps U.S. Central time
  [['TLA', 'Tlaxcala'], MEX],
  [['VER', 'Veracruz', 'Veracruz de Ignacio de la Llave'], MEX],
  [['YUC', 'Yucatán'], 'America/Merida'],
  [['ZAC', 'Zacatecas'], MEX],
]);

const MX_CITIES = cities([
  [
    'CHH',
    [
      [['Chihuahua', 'Delicias', 'Cuauhtémoc', 'Hidalgo del Parral', 'Parral'], 'America/Chihuahua'],
      [['Ciudad Juárez', 'Juárez'], 'America/Ciudad_Juarez'],
      [['Ojinaga'], 'America/Ojinaga'],
    ],
  ],
  [
    'TAM',
    [
      [['Tampico', 'Ciudad Victoria', 'Ciudad Madero', 'Altamira', 'Ciudad Mante'], 'America/Monterrey'],
      [['Reynosa', 'Matamoros', 'Nuevo Laredo', 'Río Bravo', 'Valle Hermoso'], 'America/Matamoros'],
    ],
  ],
]);

const SP = 'America/Sao_Paulo';
const FORTALEZA = 'America/Fortaleza';
const BR_STATES = entries([
  [['AC', 'Acre'], 'America/Rio_Branco'],
  [['AL', 'Alagoas'], 'America/Maceio'],
  [['AP', 'Amapá'], 'America/Belem'],
  [
    ['AM', 'Amazonas'],
    ['America/Manaus', 'America/Eirunepe'],
  ], // the south-west keeps Acre time
  [['BA', 'Bahia'], 'America/Bahia'],
  [['CE', 'Ceará'], FORTALEZA],
  [['DF', 'Distrito Federal'], SP],
  [['ES', 'Espírito Santo'], SP],
  [['GO', 'Goiás'], SP],
  [['MA', 'Maranhão'], FORTALEZA],
  [['MT', 'Mato Grosso'], 'America/Cuiaba'],
  [['MS', 'Mato Grosso do Sul'], 'America/Campo_Grande'],
  [['MG', 'Minas Gerais'], SP],
  [['PA', 'Pará'], 'America/Belem'],
  [['PB', 'Paraíba'], FORTALEZA],
  [['PR', 'Paraná'], SP],
  [['PE', 'Pernambuco'], 'America/Recife'], // Fernando de Noronha is ahead
  [['PI', 'Piauí'], FORTALEZA],
  [['RJ', 'Rio de Janeiro'], SP],
  [['RN', 'Rio Grande do Norte'], FORTALEZA],
  [['RS', 'Rio Grande do Sul'], SP],
  [['RO', 'Rondônia'], 'America/Porto_Velho'],
  [['RR', 'Roraima'], 'America/Boa_Vista'],
  [['SC', 'Santa Catarina'], SP],
  [['SP', 'São Paulo'], SP],
  [['SE', 'Sergipe'], 'America/Maceio'],
  [['TO', 'Tocantins'], 'America/Araguaina'],
]);

const BR_CITIES = cities([
  [
    'AM',
    [
      [['Manaus', 'Parintins', 'Itacoatiara', 'Manacapuru', 'Coari', 'Tefé'], 'America/Manaus'],
      [['Eirunepé', 'Envira', 'Guajará', 'Ipixuna', 'Itamarati'], 'America/Eirunepe'],
    ],
  ],
]);

const MSK = 'Europe/Moscow';
const YEKAT = 'Asia/Yekaterinburg';
const RU_REGIONS = entries([
  [['MOW', 'Moscow', 'Moskva', 'Москва'], MSK],
  [['MOS', 'Moscow Oblast', 'Moskovskaya Oblast', 'Московская область'], MSK],
  [['SPE', 'Saint Petersburg', 'St. Petersburg', 'Sankt-Peterburg', 'Санкт-Петербург'], MSK],
  [['LEN', 'Leningrad Oblast', 'Ленинградская область'], MSK],
  [['TA', 'Tatarstan', 'Republic of Tatarstan', 'Татарстан'], MSK],
  [['NIZ', 'Nizhny Novgorod Oblast', 'Нижегородская область'], MSK],
  [['KDA', 'Krasnodar Krai', 'Краснодарский край'], MSK],
  [['ROS', 'Rostov Oblast', 'Ростовская область'], MSK],
  [['VOR', 'Voronezh Oblast'], MSK],
  [['KGD', 'Kaliningrad Oblast', 'Калининградская область'], 'Europe/Kaliningrad'],
  [['SAM', 'Samara Oblast', 'Самарская область'], 'Europe/Samara'],
  [['UD', 'Udmurtia', 'Udmurt Republic'], 'Europe/Samara'],
  [['ULY', 'Ulyanovsk Oblast'], 'Europe/Ulyanovsk'],
  [['SAR', 'Saratov Oblast'], 'Europe/Saratov'],
  [['AST', 'Astrakhan Oblast'], 'Europe/Astrakhan'],
  [['VGG', 'Volgograd Oblast'], 'Europe/Volgograd'],
  [['SVE', 'Sverdlovsk Oblast', 'Свердловская область'], YEKAT],
  [['CHE', 'Chelyabinsk Oblast', 'Челябинская область'], YEKAT],
  [['BA', 'Bashkortostan', 'Republic of Bashkortostan'], YEKAT],
  [['PER', 'Perm Krai'], YEKAT],
  [['TYU', 'Tyumen Oblast'], YEKAT],
  [['ORE', 'Orenburg Oblast'], YEKAT],
  [['KHM', 'Khanty-Mansi Autonomous Okrug'], YEKAT],
  [['OMS', 'Omsk Oblast'], 'Asia/Omsk'],
  [['NVS', 'Novosibirsk Oblast', 'Новосибирская область'], 'Asia/Novosibirsk'],
  [['TOM', 'Tomsk Oblast'], 'Asia/Tomsk'],
  [['ALT', 'Altai Krai'], 'Asia/Barnaul'],
  [['KEM', 'Kemerovo Oblast', 'Kuzbass'], 'Asia/Novokuznetsk'],
  [['KYA', 'Krasnoyarsk Krai', 'Красноярский край'], 'Asia/Krasnoyarsk'],
  [['IRK', 'Irkutsk Oblast'], 'Asia/Irkutsk'],
  [['BU', 'Buryatia', 'Republic of Buryatia'], 'Asia/Irkutsk'],
  [['ZAB', 'Zabaykalsky Krai'], 'Asia/Chita'],
  [['AMU', 'Amur Oblast'], 'Asia/Yakutsk'],
  [['SA', 'Sakha', 'Yakutia', 'Sakha Republic'], 'Asia/Yakutsk'], // the east (under 2%) keeps later clocks: ahead
  [['PRI', 'Primorsky Krai', 'Primorye', 'Приморский край'], 'Asia/Vladivostok'],
  [['KHA', 'Khabarovsk Krai'], 'Asia/Vladivostok'],
  [['SAK', 'Sakhalin Oblast'], 'Asia/Sakhalin'],
  [['MAG', 'Magadan Oblast'], 'Asia/Magadan'],
  [['KAM', 'Kamchatka Krai'], 'Asia/Kamchatka'],
  [['CHU', 'Chukotka', 'Chukotka Autonomous Okrug'], 'Asia/Anadyr'],
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
  [
    ['新疆', 'Xinjiang'],
    [SH, 'Asia/Urumqi'],
  ],
]);

/** States and provinces by country; a country missing here is read by its phone numbers only. */
export const REGION_ZONES: Record<string, RegionTable> = {
  US: US_STATES,
  CA: CA_PROVINCES,
  AU: AU_STATES,
  MX: MX_STATES,
  BR: BR_STATES,
  RU: RU_REGIONS,
  CN: CN_PROVINCES,
};

/** Cities of split states, by country and then by the state's key (its first name above). */
export const CITY_ZONES: Record<string, CityTable> = {
  US: US_CITIES,
  CA: CA_CITIES,
  AU: AU_CITIES,
  MX: MX_CITIES,
  BR: BR_CITIES,
};

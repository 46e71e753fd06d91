import { cities, entries } from './table';

export const CA_PROVINCES = entries([
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

export const CA_CITIES = cities([
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

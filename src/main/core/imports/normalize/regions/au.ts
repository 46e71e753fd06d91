import { cities, entries } from './table';

export const AU_STATES = entries([
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

export const AU_CITIES = cities([
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

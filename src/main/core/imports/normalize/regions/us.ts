import { CHI, cities, DEN, entries, LA, NY } from './table';

export const US_STATES = entries([
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

export const US_CITIES = cities([
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

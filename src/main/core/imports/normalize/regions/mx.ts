import { cities, entries } from './table';

const MEX = 'America/Mexico_City';
export const MX_STATES = entries([
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

export const MX_CITIES = cities([
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

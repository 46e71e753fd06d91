import { cities, entries } from './table';

const SP = 'America/Sao_Paulo';
const FORTALEZA = 'America/Fortaleza';
export const BR_STATES = entries([
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

export const BR_CITIES = cities([
  [
    'AM',
    [
      [['Manaus', 'Parintins', 'Itacoatiara', 'Manacapuru', 'Coari', 'Tefé'], 'America/Manaus'],
      [['Eirunepé', 'Envira', 'Guajará', 'Ipixuna', 'Itamarati'], 'America/Eirunepe'],
    ],
  ],
]);

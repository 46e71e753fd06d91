import type { ImportField } from '@shared/api/imports';
import { describe, expect, it } from 'vitest';
import {
  labelColumns,
  phoneLabelForHeader,
  suggestMapping,
} from '../../../src/main/core/imports/map/headers';

/** The header → field pairs a mapping proposes, left-out columns dropped. */
const mapped = (headers: readonly string[]): [string, ImportField][] => {
  const mapping = suggestMapping(headers);
  return headers.flatMap((header, i) => {
    const field = mapping[i];
    return field ? [[header, field] as [string, ImportField]] : [];
  });
};

// Header rows as each product writes them in its CSV export.
const GOOGLE = [
  'Name',
  'Given Name',
  'Additional Name',
  'Family Name',
  'Yomi Name',
  'Name Prefix',
  'Name Suffix',
  'Nickname',
  'Birthday',
  'Gender',
  'Location',
  'Billing Information',
  'Occupation',
  'Notes',
  'Language',
  'Group Membership',
  'E-mail 1 - Type',
  'E-mail 1 - Value',
  'E-mail 2 - Type',
  'E-mail 2 - Value',
  'Phone 1 - Type',
  'Phone 1 - Value',
  'Phone 2 - Type',
  'Phone 2 - Value',
  'Address 1 - Type',
  'Address 1 - Formatted',
  'Address 1 - Street',
  'Address 1 - City',
  'Address 1 - PO Box',
  'Address 1 - Region',
  'Address 1 - Postal Code',
  'Address 1 - Country',
  'Organization 1 - Type',
  'Organization 1 - Name',
  'Organization 1 - Yomi Name',
  'Organization 1 - Title',
  'Organization 1 - Department',
  'Website 1 - Type',
  'Website 1 - Value',
];
const OUTLOOK = [
  'First Name',
  'Middle Name',
  'Last Name',
  'Title',
  'Suffix',
  'Nickname',
  'E-mail Address',
  'E-mail 2 Address',
  'E-mail Display Name',
  'Home Phone',
  'Business Phone',
  'Mobile Phone',
  'Pager',
  'Business Fax',
  'Company Main Phone',
  'Telex',
  'TTY/TDD Phone',
  "Assistant's Phone",
  'Job Title',
  'Department',
  'Company',
  'Office Location',
  "Manager's Name",
  'Business Street',
  'Business City',
  'Business State',
  'Business Postal Code',
  'Business Country/Region',
  'Home Street',
  'Home City',
  'Home State',
  'Home Postal Code',
  'Home Country/Region',
  'Other City',
  'Other State',
  'Other Country/Region',
  'Web Page',
  'Notes',
];
const SALESFORCE = [
  'Salutation',
  'First Name',
  'Last Name',
  'Title',
  'Account Name',
  'Mailing Street',
  'Mailing City',
  'Mailing State/Province',
  'Mailing Zip/Postal Code',
  'Mailing Country',
  'Other City',
  'Other State/Province',
  'Other Country',
  'Phone',
  'Mobile',
  'Fax',
  'Asst. Phone',
  'Email',
  'Email Opt Out',
  'Lead Source',
  'Description',
];
const SALESFORCE_API = [
  'Id',
  'FirstName',
  'LastName',
  'Title',
  'MailingCity',
  'MailingState',
  'MailingCountry',
  'OtherCity',
  'Phone',
  'MobilePhone',
  'AssistantPhone',
  'Email',
  'HasOptedOutOfEmail',
  'LeadSource',
];
const HUBSPOT = [
  'Record ID',
  'First Name',
  'Last Name',
  'Email',
  'Phone Number',
  'Mobile Phone Number',
  'Company Name',
  'Job Title',
  'City',
  'State/Region',
  'Country/Region',
  'Lead Status',
  'Original Source',
  'Contact owner',
  'Create Date',
  'Marketing emails opened',
];
const PIPEDRIVE = [
  'Person - Name',
  'Person - Organization',
  'Person - Email - Work',
  'Person - Email - Home',
  'Person - Phone - Work',
  'Person - Phone - Mobile',
  'Person - Label',
  'Person - Owner',
  'Organization - Name',
  'Organization - Address',
];
const ZOHO = [
  'Record Id',
  'First Name',
  'Last Name',
  'Company',
  'Designation',
  'Email',
  'Phone',
  'Mobile',
  'Lead Source',
  'Lead Status',
  'Street',
  'City',
  'State',
  'Zip Code',
  'Country',
  'Description',
];

describe('CRM and contact-manager export headers', () => {
  it('reads a Google Contacts export', () => {
    expect(mapped(GOOGLE)).toEqual([
      ['Name', 'name'],
      ['Given Name', 'firstName'],
      ['Family Name', 'lastName'],
      ['Notes', 'research'],
      ['E-mail 1 - Value', 'email'],
      ['E-mail 2 - Value', 'email'],
      ['Phone 1 - Value', 'phone'],
      ['Phone 2 - Value', 'phone'],
      ['Address 1 - City', 'city'],
      ['Address 1 - Region', 'region'],
      ['Address 1 - Country', 'country'],
      ['Organization 1 - Name', 'company'],
      ['Organization 1 - Title', 'title'],
    ]);
    const labels = labelColumns(GOOGLE);
    expect(labels[GOOGLE.indexOf('Phone 2 - Value')]).toBe(GOOGLE.indexOf('Phone 2 - Type'));
    expect(labels[GOOGLE.indexOf('E-mail 1 - Value')]).toBe(GOOGLE.indexOf('E-mail 1 - Type'));
    expect(labels[GOOGLE.indexOf('Name')]).toBeUndefined();
  });

  it('reads an Outlook export: Job Title over the salutation, no fax, pager, telex or assistant', () => {
    expect(mapped(OUTLOOK)).toEqual([
      ['First Name', 'firstName'],
      ['Last Name', 'lastName'],
      ['E-mail Address', 'email'],
      ['E-mail 2 Address', 'email'],
      ['Home Phone', 'phone'],
      ['Business Phone', 'phone'],
      ['Mobile Phone', 'phone'],
      ['Company Main Phone', 'phone'],
      ['Job Title', 'title'],
      ['Company', 'company'],
      ['Business City', 'city'],
      ['Business State', 'region'],
      ['Business Country/Region', 'country'],
      ['Home City', 'city'],
      ['Home State', 'region'],
      ['Home Country/Region', 'country'],
      ['Other City', 'city'],
      ['Other State', 'region'],
      ['Other Country/Region', 'country'],
      ['Notes', 'research'],
    ]);
    expect(phoneLabelForHeader('Company Main Phone')).toBe('work');
    expect(phoneLabelForHeader('Home Phone')).toBe('home');
  });

  it('reads a Salesforce report and a Salesforce data export', () => {
    expect(mapped(SALESFORCE)).toEqual([
      ['First Name', 'firstName'],
      ['Last Name', 'lastName'],
      ['Title', 'title'],
      ['Account Name', 'company'],
      ['Mailing City', 'city'],
      ['Mailing State/Province', 'region'],
      ['Mailing Country', 'country'],
      ['Other City', 'city'],
      ['Other State/Province', 'region'],
      ['Other Country', 'country'],
      ['Phone', 'phone'],
      ['Mobile', 'phone'],
      ['Email', 'email'],
      ['Lead Source', 'sourceChannel'],
      ['Description', 'research'],
    ]);
    expect(mapped(SALESFORCE_API)).toEqual([
      ['FirstName', 'firstName'],
      ['LastName', 'lastName'],
      ['Title', 'title'],
      ['MailingCity', 'city'],
      ['MailingState', 'region'],
      ['MailingCountry', 'country'],
      ['OtherCity', 'city'],
      ['Phone', 'phone'],
      ['MobilePhone', 'phone'],
      ['Email', 'email'],
      ['LeadSource', 'sourceChannel'],
    ]);
  });

  it('reads a HubSpot export', () => {
    expect(mapped(HUBSPOT)).toEqual([
      ['First Name', 'firstName'],
      ['Last Name', 'lastName'],
      ['Email', 'email'],
      ['Phone Number', 'phone'],
      ['Mobile Phone Number', 'phone'],
      ['Company Name', 'company'],
      ['Job Title', 'title'],
      ['City', 'city'],
      ['State/Region', 'region'],
      ['Country/Region', 'country'],
      ['Lead Status', 'status'],
      ['Original Source', 'sourceChannel'],
    ]);
  });

  it('reads a Pipedrive export, labels from the header', () => {
    expect(mapped(PIPEDRIVE)).toEqual([
      ['Person - Name', 'name'],
      ['Person - Organization', 'company'],
      ['Person - Email - Work', 'email'],
      ['Person - Email - Home', 'email'],
      ['Person - Phone - Work', 'phone'],
      ['Person - Phone - Mobile', 'phone'],
    ]);
    expect(phoneLabelForHeader('Person - Phone - Mobile')).toBe('mobile');
    expect(phoneLabelForHeader('Person - Phone - Work')).toBe('work');
  });

  it('reads a Zoho CRM export', () => {
    expect(mapped(ZOHO)).toEqual([
      ['First Name', 'firstName'],
      ['Last Name', 'lastName'],
      ['Company', 'company'],
      ['Designation', 'title'],
      ['Email', 'email'],
      ['Phone', 'phone'],
      ['Mobile', 'phone'],
      ['Lead Source', 'sourceChannel'],
      ['Lead Status', 'status'],
      ['City', 'city'],
      ['State', 'region'],
      ['Country', 'country'],
      ['Description', 'research'],
    ]);
  });
});

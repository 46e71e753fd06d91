import type { z } from 'zod';
import { cadencesMethods } from './cadences';
import { callbacksMethods } from './callbacks';
import { joinDomains } from './contract';
import { emailTemplatesMethods } from './emailTemplates';
import { historyMethods } from './history';
import { importsMethods } from './imports';
import { leadEditMethods } from './leadEdits';
import { leadsMethods } from './leads';
import { outcomesMethods } from './outcomes';
import { phoneLinkMethods } from './phoneLinks';
import { qualificationMethods } from './qualification';
import { queueMethods } from './queue';
import { scriptsMethods } from './scripts';
import { sessionMethods } from './session';
import { settingsMethods } from './settings';
import { syncMethods } from './sync';
import { telephonyAccountMethods } from './telephonyAccounts';

export const api = joinDomains(
  leadsMethods,
  leadEditMethods,
  importsMethods,
  settingsMethods,
  queueMethods,
  outcomesMethods,
  cadencesMethods,
  historyMethods,
  callbacksMethods,
  qualificationMethods,
  scriptsMethods,
  emailTemplatesMethods,
  sessionMethods,
  phoneLinkMethods,
  syncMethods,
  telephonyAccountMethods,
);
export type Api = typeof api;
export type MethodName = keyof Api;
export type MethodInput<M extends MethodName> = z.input<Api[M]['input']>;
export type MethodArgs<M extends MethodName> = z.output<Api[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Api[M]['output']>;

export const isMethodName = (name: string): name is MethodName => Object.hasOwn(api, name);

export * from './contract';
export * from './events';
export * from './limits';

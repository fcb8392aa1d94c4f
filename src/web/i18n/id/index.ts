import type { Tree } from '../dict';
import { admin } from './admin';
import { backoffice } from './backoffice';
import { booking } from './booking';
import {
  agencyType,
  agreement,
  common,
  counterStatus,
  kind,
  login,
  outcome,
  priority,
  role,
  ticketStatus,
  weekday,
} from './common';
import { complaints } from './complaints';
import { counter } from './counter';
import { device } from './device';
import { display, ticketPage } from './display';
import { errors } from './errors';
import { kiosk, slip } from './kiosk';
import { notify } from './notify';
import { home, portal, standard } from './portal';
import { push } from './push';
import { survey } from './survey';
import { hours, units } from './units';

/** Bahasa Indonesia: the default language of every screen. Each area lives in its own module. */
export const id = {
  common,
  home,
  portal,
  standard,
  priority,
  ticketStatus,
  counterStatus,
  outcome,
  kind,
  agencyType,
  agreement,
  role,
  weekday,
  login,
  kiosk,
  device,
  slip,
  display,
  ticketPage,
  notify,
  counter,
  admin,
  units,
  hours,
  errors,
  push,
  survey,
  complaints,
  backoffice,
  booking,
};

export type { Dict } from '../dict';
export const _check: Tree = id;

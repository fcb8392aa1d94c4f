import { z } from 'zod';
import { Id } from '../../../shared/contracts/catalog.js';
import {
  Device,
  DeviceInput,
  DevicePatch,
  DeviceSelf,
  DeviceWithCode,
  PairInput,
  PairResult,
} from '../../../shared/contracts/devices.js';
import { requireDevice } from '../../auth/authenticate.js';
import { guard } from '../../auth/guard.js';
import type { AppContext } from '../../context.js';
import { type App, MallParams, NoContent } from '../../http.js';
import * as service from './devices.service.js';

const DeviceParams = MallParams.extend({ id: Id });
const tags = ['devices'];

export async function devicesRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/v1/malls/:mall/devices',
    {
      config: { access: 'staff', action: 'device.manage' },
      schema: {
        tags,
        summary: 'Registered kiosks and display boards with status and last-seen time',
        params: MallParams,
        response: { 200: z.object({ items: z.array(Device) }) },
      },
    },
    async (req) => {
      const mall = req.mall;
      guard(req, 'device.manage', { mallId: mall.id });
      return { items: await service.listDevices(ctx, mall) };
    },
  );

  app.post(
    '/api/v1/malls/:mall/devices',
    {
      config: { access: 'staff', action: 'device.manage' },
      schema: {
        tags,
        summary: 'Register a kiosk or display; answers its one-time pairing code (valid 15 minutes)',
        params: MallParams,
        body: DeviceInput,
        response: { 201: DeviceWithCode },
      },
    },
    async (req, reply) => {
      const mall = req.mall;
      const actor = guard(req, 'device.manage', { mallId: mall.id });
      return reply.status(201).send(await service.createDevice(ctx, actor, mall, req.body));
    },
  );

  app.post(
    '/api/v1/malls/:mall/devices/:id/pairing-code',
    {
      config: { access: 'staff', action: 'device.manage' },
      schema: {
        tags,
        summary: 'A new pairing code for an existing device (its token is replaced once the code is used)',
        params: DeviceParams,
        response: { 201: DeviceWithCode },
      },
    },
    async (req, reply) => {
      const mall = req.mall;
      const actor = guard(req, 'device.manage', { mallId: mall.id });
      return reply.status(201).send(await service.newPairingCodeFor(ctx, actor, mall, req.params.id));
    },
  );

  app.patch(
    '/api/v1/malls/:mall/devices/:id',
    {
      config: { access: 'staff', action: 'device.manage' },
      schema: {
        tags,
        summary: 'Rename a device, move it to a zone, or set a kiosk’s network printer (host:port)',
        params: DeviceParams,
        body: DevicePatch,
        response: { 200: Device },
      },
    },
    async (req) => {
      const mall = req.mall;
      const actor = guard(req, 'device.manage', { mallId: mall.id });
      return service.updateDevice(ctx, actor, mall, req.params.id, req.body);
    },
  );

  app.delete(
    '/api/v1/malls/:mall/devices/:id',
    {
      config: { access: 'staff', action: 'device.manage' },
      schema: {
        tags,
        summary: 'Revoke a device: its token stops working at once',
        params: DeviceParams,
        response: { 204: NoContent },
      },
    },
    async (req, reply) => {
      const mall = req.mall;
      const actor = guard(req, 'device.manage', { mallId: mall.id });
      await service.revokeDevice(ctx, actor, mall, req.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/v1/devices/pair',
    {
      config: { access: 'public', action: 'session.start', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Pair a kiosk or display with its one-time code; answers the device’s bearer token',
        body: PairInput,
        response: { 200: PairResult },
      },
    },
    async (req) => service.pair(ctx, req.body.code),
  );

  app.get(
    '/api/v1/devices/me',
    {
      config: { access: 'device', action: 'device.self' },
      schema: {
        tags,
        summary: 'The paired device itself (mall, zone); screens call it to check in',
        response: { 200: DeviceSelf },
      },
    },
    async (req) => service.deviceSelf(ctx, requireDevice(req)),
  );
}

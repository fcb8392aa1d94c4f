import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { type ZodType, z } from 'zod';
import {
  ClipRecordingList,
  DisplayAudio,
  DisplayAudioStatus,
  VoiceManifest,
} from '../shared/contracts/announcements.js';
import {
  CalendarImportReport,
  CalendarWarning,
  MallCalendar,
  MallCalendarDay,
  NationalCalendar,
  NationalDay,
} from '../shared/contracts/calendar.js';
import {
  Agency,
  Counter,
  CounterStatus,
  Mall,
  OpeningDay,
  PublicAgency,
  ServiceDetail,
  ServiceSummary,
  StandardBody,
  StandardVersion,
  Zone,
} from '../shared/contracts/catalog.js';
import { Device, DeviceSelf, DeviceWithCode, PrintOutcome } from '../shared/contracts/devices.js';
import { DisplayState } from '../shared/contracts/displays.js';
import { ImportReport } from '../shared/contracts/imports.js';
import {
  ApiKey,
  ApiKeyCreated,
  Webhook,
  WebhookCreated,
  WebhookDelivery,
} from '../shared/contracts/integrations.js';
import {
  Agreement,
  Candidate,
  OpeningSummary,
  Plan,
  PlanAction,
  PlanStage,
  Readiness,
} from '../shared/contracts/opening.js';
import { MessageTemplate, OutboxMessage, RenderedMessage } from '../shared/contracts/outbox.js';
import { CounterQueue, Priority, PublicTicket, Ticket, TicketStatus } from '../shared/contracts/queue.js';
import { QueueStats } from '../shared/contracts/stats.js';
import { SkmReport, SurveyElement } from '../shared/contracts/surveys.js';
import { Me, PolicyAction, RoleEnum, User } from '../shared/contracts/users.js';

/**
 * The resources that appear in the OpenAPI document as named components (`#/components/schemas/…`),
 * so the web client's generated types (src/web/app/api-schema.d.ts) name them too:
 * `components['schemas']['Ticket']`. fastify-type-provider-zod turns every zod schema registered
 * with an id in zod's global registry into a component — once as answered (`Ticket`) and once as
 * sent (`TicketInput`) — and refers to it wherever a route uses that schema.
 * Request bodies stay inline: the web names them from the route (`paths[…]['requestBody']`).
 */
const COMPONENTS: Record<string, ZodType> = {
  Agency,
  Agreement,
  Candidate,
  OpeningSummary,
  Plan,
  PlanAction,
  PlanStage,
  Readiness,
  ApiKey,
  ApiKeyCreated,
  CalendarImportReport,
  CalendarWarning,
  ClipRecordingList,
  Counter,
  CounterQueue,
  CounterStatus,
  Device,
  DeviceSelf,
  DeviceWithCode,
  DisplayAudio,
  DisplayAudioStatus,
  DisplayState,
  ImportReport,
  Mall,
  MallCalendar,
  MallCalendarDay,
  Me,
  MessageTemplate,
  NationalCalendar,
  NationalDay,
  OpeningDay,
  OutboxMessage,
  PolicyAction,
  PrintOutcome,
  Priority,
  PublicAgency,
  PublicTicket,
  QueueStats,
  RenderedMessage,
  Role: RoleEnum,
  ServiceDetail,
  ServiceSummary,
  SkmReport,
  StandardBody,
  StandardVersion,
  SurveyElement,
  Ticket,
  TicketStatus,
  User,
  VoiceManifest,
  Webhook,
  WebhookCreated,
  WebhookDelivery,
  Zone,
};

let registered = false;
/** Names the components (idempotent; keeps any description a schema already carries). */
export function registerApiComponents(): void {
  if (registered) return;
  registered = true;
  for (const [id, schema] of Object.entries(COMPONENTS))
    z.globalRegistry.add(schema, { ...z.globalRegistry.get(schema), id });
}

/**
 * jsonSchemaTransform, plus: a route that takes a raw file (its schema lists `consumes` and has no
 * zod body, e.g. the catalog import or a voice clip upload) is documented with a binary body of
 * those content types, so the generated client types it as a `Blob`. Documentation only: the
 * route's own content-type parser still decides what it accepts.
 */
export const documentTransform: typeof jsonSchemaTransform = (doc) => {
  const out = jsonSchemaTransform(doc);
  const consumes = (doc.schema as { consumes?: unknown } | undefined)?.consumes;
  if (Array.isArray(consumes) && consumes.length > 0 && !doc.schema?.body && out.schema)
    (out.schema as Record<string, unknown>).body = { type: 'string', format: 'binary' };
  return out;
};

const REF = /"#\/components\/schemas\/([^"]+)"/g;
const refsIn = (value: unknown): string[] => [...JSON.stringify(value).matchAll(REF)].map((m) => m[1] ?? '');

/**
 * jsonSchemaTransformObject, keeping only the components some route reaches: every registered
 * schema is emitted twice (as answered and as sent, `XInput`), and most are used one way only.
 */
export const documentObjectTransform: typeof jsonSchemaTransformObject = (doc) => {
  const out = jsonSchemaTransformObject(doc);
  if (!('components' in out) || !out.components?.schemas) return out;
  const schemas: Record<string, unknown> = out.components.schemas;
  const reached = new Set<string>();
  const queue = refsIn({ ...out, components: { ...out.components, schemas: {} } });
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    if (reached.has(name)) continue;
    reached.add(name);
    queue.push(...refsIn(schemas[name]));
  }
  for (const name of Object.keys(schemas)) if (!reached.has(name)) delete schemas[name];
  return out;
};

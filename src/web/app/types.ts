import type { AnswerOf, BodyOf, components, GetAnswer, paths } from './api';

/**
 * Screen-side names for the API types, all taken from the generated OpenAPI types
 * (`api-schema.d.ts`, `npm run api:types`): the named components, or a route's own answer or body.
 * `TicketView` is the citizen's view (GET /tickets/{trackingCode}), `DisplayState` GET
 * /displays/{zone}/state, `CounterQueue` GET /counters/{id}/queue, and `ImportReport` POST
 * /catalog/import (also the `details` of its 422 answer).
 */
type Schemas = components['schemas'];
export type Mall = Schemas['Mall'];
/** An agency as its admins see it (with back-office contact and agreement). */
export type Agency = Schemas['Agency'];
/** GET /agencies answers each agency in full or, to the public and other malls' staff, without those. */
export type AgencyView = Agency | Schemas['PublicAgency'];
/** Whether GET /agencies answered this agency in full (its admins: agreement, back office). */
export const isFullAgency = (a: AgencyView): a is Agency => 'agreementStatus' in a;
export type ServiceSummary = Schemas['ServiceSummary'];
export type ServiceDetail = Schemas['ServiceDetail'];
/** The body of POST /services (as sent: defaults may be left out). */
export type ServiceInput = NonNullable<
  paths['/api/v1/malls/{mall}/services']['post']['requestBody']
>['content']['application/json'];
export type StandardBody = Schemas['StandardBody'];
export type StandardVersion = Schemas['StandardVersion'];
export type Counter = Schemas['Counter'];
export type OpeningDay = Schemas['OpeningDay'];
export type Zone = Schemas['Zone'];
export type User = Schemas['User'];
/** The signed-in user with its permission scope per policy action (login and GET /auth/me). */
export type Me = Schemas['Me'];
export type PolicyAction = keyof Me['permissions'];
export type Priority = Schemas['Priority'];
export type TicketStatus = Schemas['TicketStatus'];
export type Ticket = Schemas['Ticket'];
export type TicketView = Schemas['PublicTicket'];
export type DisplayState = Schemas['DisplayState'];
export type CounterQueue = Schemas['CounterQueue'];
/** What the counter console sends to finish or transfer a ticket. */
export type FinishBody = BodyOf<'post', '/api/v1/malls/{mall}/tickets/{id}/finish'>;
export type TransferBody = BodyOf<'post', '/api/v1/malls/{mall}/tickets/{id}/transfer'>;
export type CounterStatus = Schemas['CounterStatus'];
export type ImportReport = Schemas['ImportReport'];
export type Role = Schemas['Role'];
/** GET /malls/{mall}/devices (kiosks and displays); the code is answered only when it is made. */
export type Device = Schemas['Device'];
export type DeviceWithCode = Schemas['DeviceWithCode'];
/** What a paired kiosk or display knows about itself (GET /devices/me). */
export type DeviceSelf = Schemas['DeviceSelf'];
/** POST /devices/pair: the device token and what the device is. */
export type PairResult = AnswerOf<'post', '/api/v1/devices/pair'>;
/** Integrations (mall admin): API keys and webhook subscriptions; key and secret answered once. */
export type ApiKey = Schemas['ApiKey'];
export type ApiKeyCreated = Schemas['ApiKeyCreated'];
export type Webhook = Schemas['Webhook'];
export type WebhookCreated = Schemas['WebhookCreated'];
export type WebhookDelivery = Schemas['WebhookDelivery'];
/** Messages to citizens and admins: templates per event × locale, their preview, the outbox (masked). */
export type MessageTemplate = Schemas['MessageTemplate'];
export type RenderedMessage = Schemas['RenderedMessage'];
export type OutboxMessage = Schemas['OutboxMessage'];
/** How a kiosk's network printer did with the slip (absent: the browser prints). */
export type PrintOutcome = Schemas['PrintOutcome'];
/** GET /calendar/national and GET /malls/{mall}/calendar (inherited national days + own closures). */
export type NationalCalendar = Schemas['NationalCalendar'];
export type NationalDay = Schemas['NationalDay'];
export type MallCalendar = Schemas['MallCalendar'];
export type MallCalendarDay = Schemas['MallCalendarDay'];
export type CalendarWarning = Schemas['CalendarWarning'];
export type CalendarImportReport = Schemas['CalendarImportReport'];
/** GET /stats/queue: totals, per service, per counter and per hour of the mall's local day. */
export type QueueStats = Schemas['QueueStats'];
export type ServiceQueueStats = QueueStats['services'][number];
export type CounterQueueStats = QueueStats['counters'][number];
export type HourQueueStats = QueueStats['byHour'][number];
export type DurationStats = QueueStats['totals']['times']['wait'];
/** The announcement voice: GET /announcements/voice (boards) and /announcements/recordings (admin). */
export type VoiceManifest = Schemas['VoiceManifest'];
export type ClipRecordingList = Schemas['ClipRecordingList'];
export type DisplayAudio = Schemas['DisplayAudio'];
/** GET /opening-hours: the week, the SLA working days and whether the mall is open now. */
export type OpeningHours = GetAnswer<'/api/v1/malls/{mall}/opening-hours'>;
export type SurveyElement = Schemas['SurveyElement'];
export type SkmReport = Schemas['SkmReport'];

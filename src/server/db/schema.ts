import type { Generated } from 'kysely';

/**
 * Table types for Kysely. Conventions shared by both dialects: timestamps are ISO-8601 UTC strings
 * (they sort as text), local dates are 'YYYY-MM-DD', booleans are 0/1 integers, lists and objects are
 * JSON text. Every row but users/sessions/chain heads carries mall_id.
 */
export interface MallsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  timezone: string;
  address: string;
  /** JSON array of ISO weekdays (1 = Monday … 7 = Sunday) that are working days. */
  working_days: string;
  created_at: string;
  /** 1: the queue opens every day whatever the calendar says (the demo mall, so anyone can try it). */
  always_open: Generated<number>;
  /** Default "tell me when this many people are ahead" for notification requests (migration 014). */
  notify_when_ahead: Generated<number>;
  /** 'preparing' (catalog not public, no tickets) or 'open' (migration 030; older malls are open). */
  status: Generated<string>;
  commitment_date: string | null;
  trial_date: string | null;
  soft_opening_date: string | null;
  grand_opening_date: string | null;
  opened_at: string | null;
  /** The space the building offers candidate agencies (counters and desks). */
  space_counters: number | null;
  space_desks: number | null;
  /** Booking rules (migration 016): check-in window around a session, caps, the no-show block. */
  booking_checkin_before_minutes: Generated<number>;
  booking_checkin_after_minutes: Generated<number>;
  booking_max_per_nik_per_day: Generated<number>;
  booking_noshow_limit: Generated<number>;
  booking_noshow_window_days: Generated<number>;
  booking_noshow_block_days: Generated<number>;
  /** 1: citizens may join today's line from their phone with a NIK (source "online"). */
  online_queue_enabled: Generated<number>;
  /** Days after a record is finished before its personal data is anonymised (migration 041; modules/privacy). */
  retention_days: Generated<number>;
}

export interface AgenciesTable {
  id: Generated<number>;
  mall_id: number;
  key: string;
  name: string;
  type: string;
  agreement_status: string;
  agreement_date: string | null;
  hotline: string | null;
  back_office_contact: string | null;
  retired_at: string | null;
  created_at: string;
  updated_at: string;
  /** Why a mall admin let the agency go live without a signed PKS (migration 031); null: no override. */
  agreement_override: string | null;
}

export interface ServicesTable {
  id: Generated<number>;
  mall_id: number;
  agency_id: number;
  name: string;
  kind: string;
  keywords: string;
  served_at_mall: number;
  not_served_note: string | null;
  queue_prefix: string;
  online_bookable: number;
  daily_quota: number | null;
  issue_cutoff: string | null;
  priority_max_streak: number;
  priority_max_wait_minutes: number | null;
  search_text: string;
  /** How many days ahead citizens may book (migration 016); null: no online booking set up. */
  booking_days_ahead: number | null;
  retired_at: string | null;
  created_at: string;
  updated_at: string;
  /** 'full' | 'intake_only' | 'not_served' (migration 032); served_at_mall follows it. */
  coverage: Generated<string>;
  coverage_reason: string | null;
}

export interface ServiceStandardsTable {
  id: Generated<number>;
  mall_id: number;
  service_id: number;
  version: number;
  valid_from: string;
  valid_to: string | null;
  /** JSON object with the 14 components (see shared/contracts/standard.ts). */
  body: string;
  created_by: number | null;
  created_at: string;
}

export interface ZonesTable {
  id: Generated<number>;
  mall_id: number;
  slug: string;
  name: string;
}

export interface CountersTable {
  id: Generated<number>;
  mall_id: number;
  agency_id: number;
  number: number;
  name: string;
  zone_id: number | null;
  status: string;
  /** Why the counter is on break or closed (an approved request's reason); null when open. */
  status_reason: Generated<string | null>;
  retired_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface CounterServicesTable {
  mall_id: number;
  counter_id: number;
  service_id: number;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  password_hash: string;
  display_name: string;
  role: string;
  mall_id: number | null;
  agency_id: number | null;
  disabled: number;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface UserCountersTable {
  mall_id: number;
  user_id: number;
  counter_id: number;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: string;
  expires_at: string;
}

export interface OpeningHoursTable {
  id: Generated<number>;
  mall_id: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  opens: string;
  closes: string;
  /** JSON array of {start, end, label}. */
  breaks: string;
}

/** A mall's own closures (kind local_closure); national days live in national_calendar. */
export interface HolidaysTable {
  id: Generated<number>;
  mall_id: number;
  date: string;
  name: string;
  /** Legal source, e.g. the regent's decree; optional for a mall's own closure. */
  source: string | null;
}

/** Deployment-wide national holidays and cuti bersama, kept by the national admin. */
export interface NationalCalendarTable {
  id: Generated<number>;
  date: string;
  kind: 'national_holiday' | 'cuti_bersama';
  name: string;
  source: string;
  updated_at: string;
}

/** The cuti bersama days a mall declares it serves on. */
export interface MallCutiBersamaServedTable {
  mall_id: number;
  date: string;
  created_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  chain: number;
  seq: number;
  mall_id: number | null;
  actor_id: number | null;
  action: string;
  entity: string;
  entity_id: string;
  before: string | null;
  after: string | null;
  at: string;
  prev_hash: string;
  hash: string;
}

export interface ChainHeadsTable {
  chain: number;
  seq: number;
  hash: string;
}

export interface TicketsTable {
  id: Generated<number>;
  mall_id: number;
  service_id: number;
  visit_id: number | null;
  number: string;
  local_date: string;
  status: string;
  priority: string | null;
  priority_granted_by: number | null;
  source: string;
  tracking_code: string;
  counter_id: number | null;
  officer_id: number | null;
  target_counter_id: number | null;
  return_counter_id: number | null;
  issued_at: string;
  queued_at: string;
  called_at: string | null;
  started_at: string | null;
  finished_at: string | null;
  outcome: string | null;
}

export interface TicketEventsTable {
  id: Generated<number>;
  mall_id: number;
  ticket_id: number;
  service_id: number;
  type: string;
  at: string;
  counter_id: number | null;
  officer_id: number | null;
  data: string | null;
}

export interface DailySequencesTable {
  mall_id: number;
  prefix: string;
  local_date: string;
  last_value: number;
}

export interface VisitsTable {
  id: Generated<number>;
  mall_id: number;
  /** JSON array of service ids, in the order they are visited. */
  steps: string;
  current_step: number;
  created_at: string;
}

export interface LiveEventsTable {
  mall_id: number;
  seq: number;
  type: string;
  zone_id: number | null;
  payload: string;
  at: string;
}

export interface EventHeadsTable {
  mall_id: number;
  seq: number;
}

export interface DevicesTable {
  id: Generated<number>;
  mall_id: number;
  kind: string;
  name: string;
  zone_id: number | null;
  /** SHA-256 of the device's bearer token; null until paired. */
  token_hash: string | null;
  /** SHA-256 of the one-time pairing code; cleared when used. */
  pairing_code_hash: string | null;
  pairing_expires_at: string | null;
  paired_at: string | null;
  last_seen_at: string | null;
  revoked_at: string | null;
  /** host:port of a network ESC/POS printer (kiosks only). */
  printer: string | null;
  last_print_at: string | null;
  last_print_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface CounterSessionsTable {
  id: Generated<number>;
  mall_id: number;
  counter_id: number;
  user_id: number;
  local_date: string;
  started_at: string;
  ended_at: string | null;
  end_reason: string | null;
}

export interface CounterRequestsTable {
  id: Generated<number>;
  mall_id: number;
  counter_id: number;
  user_id: number;
  kind: string;
  reason: string;
  minutes: number | null;
  status: string;
  decided_by: number | null;
  decided_at: string | null;
  decision_note: string | null;
  created_at: string;
}

type BucketNo =
  | '00'
  | '01'
  | '02'
  | '03'
  | '04'
  | '05'
  | '06'
  | '07'
  | '08'
  | '09'
  | '10'
  | '11'
  | '12'
  | '13'
  | '14'
  | '15';
/** Histogram columns of a roll-up cell: wait (wh), walk (kh), service (sh) × 16 buckets. */
export type ReportHistColumn = `${'wh' | 'kh' | 'sh'}${BucketNo}`;
export type ReportMeasureColumn =
  | 'visitors'
  | 'issued'
  | 'issued_kiosk'
  | 'issued_online'
  | 'issued_counter'
  | 'issued_booking'
  | 'priority_issued'
  | 'called'
  | 'served'
  | 'no_shows'
  | 'cancelled'
  | 'expired'
  | 'transferred'
  | 'recalls'
  | 'wait_n'
  | 'walk_n'
  | 'service_n'
  | 'wait_sum'
  | 'walk_sum'
  | 'service_sum'
  | ReportHistColumn;

export type ReportCellsTable = {
  mall_id: number;
  local_date: string;
  service_id: number;
  agency_id: number;
  counter_id: number;
  officer_id: number;
  hour: number;
} & Record<ReportMeasureColumn, number>;

export type ReportDayCellsTable = Omit<ReportCellsTable, 'hour'>;

export interface ReportDaysTable {
  mall_id: number;
  local_date: string;
  rolled_at: string;
  cells: number;
}

export interface DB {
  report_cells: ReportCellsTable;
  report_days: ReportDaysTable;
  report_day_cells: ReportDayCellsTable;
  malls: MallsTable;
  agencies: AgenciesTable;
  services: ServicesTable;
  service_standards: ServiceStandardsTable;
  zones: ZonesTable;
  counters: CountersTable;
  counter_sessions: CounterSessionsTable;
  counter_requests: CounterRequestsTable;
  counter_services: CounterServicesTable;
  users: UsersTable;
  user_counters: UserCountersTable;
  sessions: SessionsTable;
  opening_hours: OpeningHoursTable;
  holidays: HolidaysTable;
  national_calendar: NationalCalendarTable;
  mall_cuti_bersama_served: MallCutiBersamaServedTable;
  audit_log: AuditLogTable;
  chain_heads: ChainHeadsTable;
  tickets: TicketsTable;
  ticket_events: TicketEventsTable;
  daily_sequences: DailySequencesTable;
  visits: VisitsTable;
  live_events: LiveEventsTable;
  event_heads: EventHeadsTable;
  announcement_clips: AnnouncementClipsTable;
  announcement_settings: AnnouncementSettingsTable;
  devices: DevicesTable;
  display_audio_status: DisplayAudioStatusTable;
  outbox_messages: OutboxMessagesTable;
  outbox_attempts: OutboxAttemptsTable;
  message_templates: MessageTemplatesTable;
  push_keys: PushKeysTable;
  push_gone: PushGoneTable;
  api_keys: ApiKeysTable;
  webhook_subscriptions: WebhookSubscriptionsTable;
  ticket_notifications: TicketNotificationsTable;
  applications: ApplicationsTable;
  application_events: ApplicationEventsTable;
  application_pauses: ApplicationPausesTable;
  installation_secrets: InstallationSecretsTable;
  receipt_sequences: ReceiptSequencesTable;
  payments: PaymentsTable;
  documents: DocumentsTable;
  complaints: ComplaintsTable;
  complaint_events: ComplaintEventsTable;
  complaint_attachments: ComplaintAttachmentsTable;
  complaint_settings: ComplaintSettingsTable;
  survey_elements: SurveyElementsTable;
  survey_responses: SurveyResponsesTable;
  survey_answers: SurveyAnswersTable;
  plan_stages: PlanStagesTable;
  plan_actions: PlanActionsTable;
  readiness_items: ReadinessItemsTable;
  opening_documents: OpeningDocumentsTable;
  agreements: AgreementsTable;
  dualism_entries: DualismEntriesTable;
  candidates: CandidatesTable;
  candidate_services: CandidateServicesTable;
  consultation_inputs: ConsultationInputsTable;
  booking_sessions: BookingSessionsTable;
  booking_counts: BookingCountsTable;
  bookings: BookingsTable;
  booking_closures: BookingClosuresTable;
  online_tickets: OnlineTicketsTable;
}

/** An uploaded scan (a signed agreement) of a mall's road to opening (migration 031). */
export interface OpeningDocumentsTable {
  id: Generated<number>;
  mall_id: number;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  uploaded_by: number | null;
  uploaded_at: string;
}

/** An agency's memorandum (`mou`) or cooperation agreement (`pks`); one per agency and kind. */
export interface AgreementsTable {
  id: Generated<number>;
  mall_id: number;
  agency_id: number;
  kind: string;
  status: string;
  date: string | null;
  /** JSON list of {name, role}. */
  signatories: Generated<string>;
  reason: string | null;
  deadline: string | null;
  document_id: number | null;
  updated_by: number | null;
  updated_at: string;
}

/** A service still also delivered at the agency's own office, with its plan and end date (migration 032). */
export interface DualismEntriesTable {
  id: Generated<number>;
  mall_id: number;
  service_id: number;
  plan: string;
  end_date: string;
  ended_at: string | null;
  created_at: string;
  updated_at: string;
}

/** A candidate agency (migration 033); `agency_id` once it joined. */
export interface CandidatesTable {
  id: Generated<number>;
  mall_id: number;
  name: string;
  type: string;
  counters_needed: number;
  desks_needed: number;
  note: string | null;
  decision: Generated<string>;
  decision_reason: string | null;
  agency_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface CandidateServicesTable {
  id: Generated<number>;
  mall_id: number;
  candidate_id: number;
  name: string;
  kind: string;
}

/** Input of a public consultation forum about a candidate: requests and votes, the forum's date and source. */
export interface ConsultationInputsTable {
  id: Generated<number>;
  mall_id: number;
  candidate_id: number;
  forum_date: string;
  source: string;
  votes: number;
  request: string | null;
  service_name: string | null;
  created_at: string;
}

/** A stage of a mall's action plan (migration 030); budgets in rupiah. */
export interface PlanStagesTable {
  id: Generated<number>;
  mall_id: number;
  position: number;
  name: string;
  /** The milestone this stage leads to ('trial', 'soft_opening', 'grand_opening'), if any. */
  milestone: string | null;
  budget_planned: number | null;
  budget_realised: number | null;
  created_at: string;
  updated_at: string;
}

/** One action of the plan: todo | doing | done | dropped (dropped ones do not count). */
export interface PlanActionsTable {
  id: Generated<number>;
  mall_id: number;
  stage_id: number;
  position: number;
  title: string;
  owner: string | null;
  due_date: string | null;
  status: string;
  evidence: string | null;
  budget_planned: number | null;
  budget_realised: number | null;
  done_at: string | null;
  created_at: string;
  updated_at: string;
}

/** One item of the readiness checklist; `rule` names a computed item, null a manual one. */
export interface ReadinessItemsTable {
  id: Generated<number>;
  mall_id: number;
  area: string;
  position: number;
  title: string;
  rule: string | null;
  done: Generated<number>;
  evidence: string | null;
  updated_by: number | null;
  updated_at: string;
}

/** A recorded clip a mall uploaded for one key of the announcement vocabulary (audio in the row). */
export interface AnnouncementClipsTable {
  mall_id: number;
  clip_key: string;
  content_type: string;
  audio: Buffer;
  size_bytes: number;
  sha256: string;
  uploaded_by: number | null;
  uploaded_at: string;
}

/** How a mall's displays speak: `server` clips (default) or the browser's own Indonesian voice. */
export interface AnnouncementSettingsTable {
  mall_id: number;
  voice: string;
  updated_at: string;
}

/** The last audio report of a paired display board (one row per device). */
export interface DisplayAudioStatusTable {
  device_id: number;
  mall_id: number;
  status: string;
  reported_at: string;
}

/** One message leaving the system (see migration 011 and modules/outbox). */
export interface OutboxMessagesTable {
  id: Generated<number>;
  mall_id: number;
  /** 'whatsapp' | 'sms' | 'email' | 'webpush' | 'webhook' */
  channel: string;
  /** What caused it, e.g. 'ticket.near', 'ticket.called' (a webhook: the event type). */
  event: string;
  /** Where it goes: +62… phone, e-mail, push subscription JSON, webhook subscription id; null once erased. */
  address: string | null;
  /** The address as lists, logs and exports show it (`+62812****7890`). */
  address_masked: string;
  subject_type: string | null;
  subject_id: number | null;
  locale: string;
  /** JSON: what is sent, rendered when queued (a retry sends exactly the same). */
  body: string;
  idempotency_key: string;
  /** 'pending' | 'sent' | 'failed' | 'cancelled' */
  status: string;
  attempts: Generated<number>;
  max_attempts: number;
  next_attempt_at: string;
  /** A node that claimed the message holds it until then (a node that died releases it by expiry). */
  locked_until: string | null;
  locked_by: string | null;
  last_error: string | null;
  provider_id: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  address_erased_at: string | null;
  /** When the retention job blanked this row's personal data (migration 041); null: not yet. */
  anonymised_at: Generated<string | null>;
}

/** A citizen's request to be told "your turn is near" / "called" on one channel (migration 014). */
export interface TicketNotificationsTable {
  id: Generated<number>;
  ticket_id: number;
  mall_id: number;
  /** 'whatsapp' | 'sms' | 'email' | 'webpush' */
  channel: string;
  /** +62… phone, e-mail address or push subscription JSON; null once erased. */
  address: string | null;
  address_masked: string;
  when_ahead: number;
  /** 'id' | 'en' */
  locale: string;
  near_queued_at: string | null;
  called_queued_at: string | null;
  /** Nothing more will be sent: the ticket was called, finished, cancelled or expired. */
  closed_at: string | null;
  created_at: string;
  updated_at: string;
  erased_at: string | null;
  /** When the retention job blanked this row's personal data (migration 041); null: not yet. */
  anonymised_at: Generated<string | null>;
}

/** The delivery log: one row per try of an outbox message. */
export interface OutboxAttemptsTable {
  id: Generated<number>;
  message_id: number;
  attempt: number;
  at: string;
  ok: number;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

/** The installation's VAPID key pair for Web Push (one row, id 1; see migration 015). */
export interface PushKeysTable {
  id: number;
  /** base64url, uncompressed P-256 point: what browsers subscribe with. */
  public_key: string;
  /** base64url; never leaves the server. */
  private_key: string;
  created_at: string;
}

/** A push subscription its push service called gone (404/410), by the SHA-256 of its endpoint. */
export interface PushGoneTable {
  endpoint_hash: string;
  status_code: number;
  gone_at: string;
}

/** An integrator's API key (migration 013): only its SHA-256 and first characters are kept. */
export interface ApiKeysTable {
  id: Generated<number>;
  mall_id: number;
  name: string;
  /** JSON list of scopes (see shared/contracts/integrations.ts ApiScope). */
  scopes: string;
  key_hash: string;
  /** The key's first characters ("sa_AbCd…"), so admins can tell keys apart. */
  key_prefix: string;
  created_by: number | null;
  created_at: string;
  /** Written at most once a minute per key. */
  last_used_at: string | null;
  revoked_at: string | null;
}

/** A webhook subscription of a mall (migration 013). */
export interface WebhookSubscriptionsTable {
  id: Generated<number>;
  mall_id: number;
  url: string;
  /** JSON list of event types. */
  events: string;
  /** JSON list of subscription scopes ('personal'). */
  scopes: string;
  /** "whsec_…": signs every delivery; shown once, never listed. */
  secret: string;
  active: number;
  /** Messages that failed for good since the last delivered one. */
  consecutive_failures: Generated<number>;
  disabled_at: string | null;
  disabled_reason: string | null;
  created_at: string;
  updated_at: string;
}

/** A mall's own wording of one outgoing message per event × locale (migration 012); else the default. */
export interface MessageTemplatesTable {
  id: Generated<number>;
  mall_id: number;
  event: string;
  locale: string;
  subject: string;
  text: string;
  updated_by: number | null;
  updated_at: string;
}

/** An application filed at a counter and processed by the agency's back office (migration 020). */
export interface ApplicationsTable {
  id: Generated<number>;
  mall_id: number;
  agency_id: number;
  service_id: number;
  standard_id: number;
  standard_version: number;
  ticket_id: number | null;
  counter_id: number | null;
  tracking_code: string;
  status: string;
  applicant_name: string;
  /** AES-256-GCM of the NIK (personal-data.ts); never sent anywhere. */
  nik_cipher: string;
  nik_hash: string;
  nik_masked: string;
  phone: string | null;
  phone_masked: string;
  locale: string;
  /** JSON [{requirement, present}] as filed. */
  checklist: string;
  fee_amount: number | null;
  fee_legal_basis: string;
  completion_value: number;
  completion_unit: string;
  received_at: string;
  received_date: string;
  due_date: string;
  due_at: string;
  paused_at: string | null;
  assigned_to: number | null;
  intake_by: number | null;
  reject_reason: string | null;
  created_at: string;
  updated_at: string;
  /** When the retention job blanked this row's personal data (migration 041); null: not yet. */
  anonymised_at: Generated<string | null>;
}

export interface ApplicationEventsTable {
  id: Generated<number>;
  mall_id: number;
  application_id: number;
  status: string;
  from_status: string | null;
  at: string;
  actor_id: number | null;
  note: string | null;
  reason: string | null;
}

export interface ApplicationPausesTable {
  id: Generated<number>;
  mall_id: number;
  application_id: number;
  started_at: string;
  ended_at: string | null;
  unit: string;
  paused: number | null;
  due_before: string;
  due_after: string | null;
}

export interface InstallationSecretsTable {
  name: string;
  value: string;
  created_at: string;
}

export interface ReceiptSequencesTable {
  mall_id: number;
  year: number;
  last_value: number;
}

/** A payment, refund or void: never edited (migration 021). */
export interface PaymentsTable {
  id: Generated<number>;
  mall_id: number;
  application_id: number;
  agency_id: number;
  counter_id: number | null;
  kind: string;
  amount: number;
  method: string;
  reference: string | null;
  receipt_year: number;
  receipt_seq: number;
  receipt_number: string;
  corrects_id: number | null;
  reason: string | null;
  legal_basis: string;
  at: string;
  local_date: string;
  actor_id: number | null;
}

/** A signed PDF as issued (migration 022). */
export interface DocumentsTable {
  id: Generated<number>;
  mall_id: number;
  application_id: number;
  agency_id: number;
  verify_code: string;
  number: string;
  sha256: string;
  pdf: Buffer;
  demo: number;
  signer: string;
  issued_at: string;
  issued_by: number | null;
  revoked_at: string | null;
  revoked_reason: string | null;
  revoked_by: number | null;
}

/** A complaint, aspiration or information request (migration 025, modules/complaints). */
export interface ComplaintsTable {
  id: Generated<number>;
  mall_id: number;
  tracking_code: string;
  type: string;
  channel: string;
  title: string;
  body: string;
  status: string;
  agency_id: number | null;
  service_id: number | null;
  ticket_id: number | null;
  counter_id: number | null;
  officer_id: number | null;
  anonymous: number;
  confidential: number;
  reporter_name: string | null;
  reporter_phone: string | null;
  reporter_phone_masked: string | null;
  reporter_email: string | null;
  reporter_email_masked: string | null;
  locale: string;
  media_url: string | null;
  due_at: string | null;
  due_kind: string | null;
  escalated_at: string | null;
  submitted_at: string;
  verified_at: string | null;
  dispatched_at: string | null;
  answered_at: string | null;
  closed_at: string | null;
  updated_at: string;
  /** When the retention job blanked this row's personal data (migration 041); null: not yet. */
  anonymised_at: Generated<string | null>;
}

/** One timestamped step of a complaint with its actor; `visibility` 'reporter' or 'staff'. */
export interface ComplaintEventsTable {
  id: Generated<number>;
  mall_id: number;
  complaint_id: number;
  kind: string;
  /** 'reporter' | 'staff' | 'integrator' | 'device' | 'system' */
  actor_type: string;
  actor_id: number | null;
  actor_name: string | null;
  status: string | null;
  agency_id: number | null;
  message: string | null;
  visibility: string;
  at: string;
}

export interface ComplaintAttachmentsTable {
  id: Generated<number>;
  mall_id: number;
  complaint_id: number;
  name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  data: Buffer;
  uploaded_at: string;
}

/** Where a mall's overdue complaints are escalated besides the admin screen. */
export interface ComplaintSettingsTable {
  mall_id: number;
  escalation_email: string | null;
  escalation_phone: string | null;
  updated_at: string;
}

/** A mall's own SKM element list (migration 028); none: the regulation's nine at 1/9. */
export interface SurveyElementsTable {
  id: Generated<number>;
  mall_id: number;
  position: number;
  code: string;
  name: string;
  question: string;
  /** JSON array of the four answer labels (1 … 4). */
  options: string;
  /** Exact fraction text, "1/9". */
  weight: string;
  updated_at: string;
}

/** One SKM questionnaire (migration 028): no NIK, no name; once per ticket. */
export interface SurveyResponsesTable {
  id: Generated<number>;
  mall_id: number;
  service_id: number;
  agency_id: number;
  ticket_id: number | null;
  counter_id: number | null;
  channel: string;
  local_date: string;
  submitted_at: string;
  /** JSON object code → score 1–4, as answered. */
  answers: string;
  age_band: string | null;
  sex: string | null;
  education: string | null;
  occupation: string | null;
  suggestion: string | null;
}

/** One answered element of a questionnaire: what SKM reports sum and count. */
export interface SurveyAnswersTable {
  response_id: number;
  mall_id: number;
  service_id: number;
  agency_id: number;
  local_date: string;
  code: string;
  score: number;
}

export interface BookingSessionsTable {
  id: Generated<number>;
  mall_id: number;
  service_id: number;
  /** Local 'HH:MM' in the mall's zone ('24:00' allowed as an end). */
  start_time: string;
  end_time: string;
  capacity: number;
  retired_at: string | null;
  created_at: string;
  updated_at: string;
}

/** Places taken per session and local date (migration 016): written only by conditional updates. */
export interface BookingCountsTable {
  session_id: number;
  date: string;
  booked: number;
}

export interface BookingsTable {
  id: Generated<number>;
  mall_id: number;
  service_id: number;
  session_id: number;
  date: string;
  code: string;
  /** booked | checked_in | cancelled | no_show | closed (the mall closed the day or session) */
  status: string;
  nik_hash: string;
  nik_cipher: string;
  nik_masked: string;
  name: string;
  phone: string;
  phone_masked: string;
  email: string | null;
  locale: string;
  /** service:date:nik_hash while active; unique (one active booking per NIK, service and day). */
  active_key: string | null;
  ticket_id: number | null;
  checked_in_at: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
  no_show_at: string | null;
  /** 'holiday': the day became a holiday after booking. */
  flag: string | null;
  reminded_day_before_at: string | null;
  reminded_two_hours_at: string | null;
  created_at: string;
  updated_at: string;
  /** When the retention job blanked this row's personal data (migration 041); null: not yet. */
  anonymised_at: Generated<string | null>;
}

export interface BookingClosuresTable {
  id: Generated<number>;
  mall_id: number;
  service_id: number;
  date: string;
  session_id: number | null;
  reason: string;
  created_by: number | null;
  created_at: string;
}

export interface OnlineTicketsTable {
  ticket_id: number;
  mall_id: number;
  nik_hash: string;
  local_date: string;
  /** When the retention job blanked this row's personal data (migration 041); null: not yet. */
  anonymised_at: Generated<string | null>;
}

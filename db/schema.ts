import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  check,
  customType,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { closedStatuses } from "@/lib/follow-ups/status";

import {
  digestFrequencies,
  followUpPriorities,
  followUpStatuses,
  implementationStatuses,
  meetingFormats,
  notificationKinds,
  notificationStatuses,
  organisationKinds,
  outcomeKinds,
  roles,
  savedViewPaths,
  userNotificationKinds,
  visibilities,
} from "./enums";

export {
  digestFrequencies,
  followUpPriorities,
  followUpStatuses,
  implementationStatuses,
  meetingFormats,
  notificationKinds,
  notificationStatuses,
  organisationKinds,
  outcomeKinds,
  roles,
  savedViewPaths,
  userNotificationKinds,
  visibilities,
};

export const organisationKind = pgEnum("organisation_kind", organisationKinds);
export const userRole = pgEnum("user_role", roles);
export const meetingFormat = pgEnum("meeting_format", meetingFormats);
export const meetingVisibility = pgEnum("meeting_visibility", visibilities);
export const followUpStatus = pgEnum("follow_up_status", followUpStatuses);
export const followUpPriority = pgEnum("follow_up_priority", followUpPriorities);
export const digestFrequency = pgEnum("digest_frequency", digestFrequencies);
export const notificationKind = pgEnum("notification_kind", notificationKinds);
export const notificationStatus = pgEnum("notification_status", notificationStatuses);
export const userNotificationKind = pgEnum("user_notification_kind", userNotificationKinds);

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

export const organisations = pgTable(
  "organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    /** The French name and acronym (ONUDC, SEAE); null: French users read the English ones. */
    nameFr: text("name_fr"),
    acronym: text("acronym"),
    acronymFr: text("acronym_fr"),
    kind: organisationKind("kind").notNull(),
    parentId: uuid("parent_id").references((): AnyPgColumn => organisations.id),
    domains: text("domains").array().notNull().default(sql`'{}'::text[]`),
    archived: boolean("archived").notNull().default(false),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [index("organisations_parent_idx").on(t.parentId)],
);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    role: userRole("role").notNull().default("staff"),
    active: boolean("active").notNull().default(true),
    passwordHash: text("password_hash"),
    /** E-mail reminders: the digest of follow-ups due soon and overdue, and how far ahead it looks (null: REMINDER_DAYS). */
    digestFrequency: digestFrequency("digest_frequency").notNull().default("weekly"),
    digestDays: integer("digest_days"),
    /** A notice when a follow-up is assigned to them (or to their organisation, for its managers). */
    assignmentNotices: boolean("assignment_notices").notNull().default(true),
    /** Set when an admin anonymised a departed user: name and e-mail replaced, sign-in impossible, for good. */
    /** E-mail per kind of in-app notification ({ mentioned: "immediately", … }); a kind not named takes its default (lib/validation/user-notifications.ts). */
    notificationMail: jsonb("notification_mail").$type<Record<string, string>>().notNull().default({}),
    /** The language the person chose ("en" | "fr"); null: their browser's (Accept-Language), and English for e-mails. */
    locale: text("locale"),
    anonymisedAt: timestamp("anonymised_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("users_email_lower_idx").on(sql`lower(${t.email})`),
    index("users_organisation_idx").on(t.organisationId),
  ],
);

export const priorityAreas = pgTable("priority_areas", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  /** The French name; null: French users read the English one. */
  nameFr: text("name_fr"),
  slug: text("slug").notNull().unique(),
  description: text("description").notNull().default(""),
  /** Other names the area goes by (admin-edited), used to recognise it in pasted meeting text. */
  keywords: text("keywords").array().notNull().default(sql`'{}'::text[]`),
  sortOrder: integer("sort_order").notNull().default(0),
  archived: boolean("archived").notNull().default(false),
  /** Marking one of its follow-ups done needs a document or link attached (checked on the server). */
  requiresEvidence: boolean("requires_evidence").notNull().default(false),
  version: integer("version").notNull().default(1),
  ...timestamps,
});

/** The UN Sustainable Development Goal targets ("16.4"), loaded from code (db/sdg-targets.ts) on every start. */
export const sdgTargets = pgTable("sdg_targets", {
  code: text("code").primaryKey(),
  goal: integer("goal").notNull(),
  title: text("title").notNull(),
  sortOrder: integer("sort_order").notNull(),
});

/** The SDG targets a priority area serves. */
export const priorityAreaSdgTargets = pgTable(
  "priority_area_sdg_targets",
  {
    priorityAreaId: uuid("priority_area_id")
      .notNull()
      .references(() => priorityAreas.id),
    targetCode: text("target_code")
      .notNull()
      .references(() => sdgTargets.code),
  },
  (t) => [primaryKey({ columns: [t.priorityAreaId, t.targetCode] }), index("priority_area_sdg_targets_target_idx").on(t.targetCode)],
);

export const meetingSeries = pgTable("meeting_series", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  /** The French name; null: French users read the English one. */
  nameFr: text("name_fr"),
  description: text("description").notNull().default(""),
  archived: boolean("archived").notNull().default(false),
  version: integer("version").notNull().default(1),
  ...timestamps,
});

export const meetings = pgTable(
  "meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    seriesId: uuid("series_id").references(() => meetingSeries.id),
    seriesNumber: integer("series_number"),
    heldOn: date("held_on", { mode: "string" }).notNull(),
    format: meetingFormat("format").notNull(),
    location: text("location").notNull().default(""),
    hostOrganisationId: uuid("host_organisation_id").references(() => organisations.id),
    coChairs: text("co_chairs").array().notNull().default(sql`'{}'::text[]`),
    summary: text("summary").notNull().default(""),
    visibility: meetingVisibility("visibility").notNull().default("internal"),
    createdById: uuid("created_by_id").references(() => users.id),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index("meetings_held_on_idx").on(t.heldOn.desc(), t.id.desc()),
    index("meetings_series_idx").on(t.seriesId),
  ],
);

/** A meeting that explicitly reviews another one (the 16th SOM took stock of the Africa Dialogue). */
export const meetingReviews = pgTable(
  "meeting_reviews",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id),
    reviewedMeetingId: uuid("reviewed_meeting_id")
      .notNull()
      .references(() => meetings.id),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.reviewedMeetingId] }),
    index("meeting_reviews_reviewed_idx").on(t.reviewedMeetingId),
  ],
);

export const meetingParticipants = pgTable(
  "meeting_participants",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.organisationId] }),
    index("meeting_participants_organisation_idx").on(t.organisationId),
  ],
);

export const meetingPriorityAreas = pgTable(
  "meeting_priority_areas",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id),
    priorityAreaId: uuid("priority_area_id")
      .notNull()
      .references(() => priorityAreas.id),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.priorityAreaId] }),
    index("meeting_priority_areas_area_idx").on(t.priorityAreaId),
  ],
);

export const followUps = pgTable(
  "follow_ups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    meetingId: uuid("meeting_id").references(() => meetings.id),
    priorityAreaId: uuid("priority_area_id")
      .notNull()
      .references(() => priorityAreas.id),
    ownerOrganisationId: uuid("owner_organisation_id")
      .notNull()
      .references(() => organisations.id),
    ownerUserId: uuid("owner_user_id").references(() => users.id),
    dueOn: date("due_on", { mode: "string" }),
    status: followUpStatus("status").notNull().default("open"),
    priority: followUpPriority("priority").notNull().default("normal"),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    createdById: uuid("created_by_id").references(() => users.id),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index("follow_ups_meeting_idx").on(t.meetingId),
    // Owner organisation first (its subtree is the organisation filter), then area and due date:
    // a filtered page (area + organisation + overdue) reads only its rows.
    index("follow_ups_owner_organisation_area_due_idx").on(t.ownerOrganisationId, t.priorityAreaId, t.dueOn),
    index("follow_ups_owner_user_idx").on(t.ownerUserId),
    index("follow_ups_priority_area_idx").on(t.priorityAreaId),
    // Open follow-ups of an area by due date: "overdue" (and "due soon") within an area reads only the
    // open ones in the date range, not every follow-up of the area (measured: bench/README.md, "History").
    // The predicate is overdueSql's status list (closedStatuses), inlined as literals so the planner can prove it.
    index("follow_ups_open_area_due_idx").on(t.priorityAreaId, t.dueOn).where(sql`${t.status} not in (${sql.raw(closedStatuses.map((s) => `'${s}'`).join(", "))})`),
    index("follow_ups_status_due_idx").on(t.status, t.dueOn),
    // The keyset order of the lists ("due" sort: undated last, then id), so a first page is read
    // in index order and stops after one page instead of sorting every visible row; per status
    // for the board's columns.
    index("follow_ups_due_key_idx").on(sql`coalesce(${t.dueOn}, '9999-12-31'::date)`, t.id),
    index("follow_ups_status_due_key_idx").on(t.status, sql`coalesce(${t.dueOn}, '9999-12-31'::date)`, t.id),
    // The text search (`q`: title or description contains the words, ILIKE '%…%'): trigram indexes
    // (pg_trgm, created by the migration) find the matching rows instead of reading every follow-up.
    index("follow_ups_title_trgm_idx").using("gin", t.title.op("gin_trgm_ops")),
    index("follow_ups_description_trgm_idx").using("gin", t.description.op("gin_trgm_ops")),
  ],
);

export const comments = pgTable(
  "comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    followUpId: uuid("follow_up_id")
      .notNull()
      .references(() => followUps.id),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("comments_follow_up_idx").on(t.followUpId, t.createdAt)],
);

/** Append-only: every change, who made it and when. Nothing updates or deletes a row here. */
export const activity = pgTable(
  "activity",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id").references(() => users.id),
    entityType: text("entity_type").notNull(),
    entityId: uuid("entity_id").notNull(),
    action: text("action").notNull(),
    field: text("field"),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (t) => [
    index("activity_entity_idx").on(t.entityType, t.entityId, t.at),
    index("activity_at_idx").on(t.at),
  ],
);

/** One-time set-password links: only the SHA-256 of the token is stored; a used or expired one is dead. */
export const passwordTokens = pgTable(
  "password_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("password_tokens_user_idx").on(t.userId)],
);

/**
 * A signed-in session (its id rides in the session cookie). Every request checks it: ended at
 * sign-out, and expired after the idle and absolute timeouts — in the database, so it holds across
 * app instances and a stolen cookie is dead after sign-out.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (t) => [index("user_sessions_user_idx").on(t.userId)],
);

/**
 * A user's account at the single sign-on provider: the issuer and its subject (the ID token's
 * `iss` and `sub`, which never change) point at our user, so a later change of e-mail address at
 * the provider still finds them.
 */
export const userIdentities = pgTable(
  "user_identities",
  {
    issuer: text("issuer").notNull(),
    subject: text("subject").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.issuer, t.subject] }), index("user_identities_user_idx").on(t.userId)],
);

/**
 * Failed sign-ins, counted per account ("account:<e-mail>") and per address ("address:<ip>") to
 * throttle guessing. Bookkeeping, not history (the audit trail has the attempts): old rows are pruned.
 */
export const signInFailures = pgTable(
  "sign_in_failures",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    key: text("key").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sign_in_failures_key_idx").on(t.key, t.at), index("sign_in_failures_at_idx").on(t.at)],
);

/** A named board or table query: the viewer's own, or shared with their organisation (organisation_id set). */
export const savedViews = pgTable(
  "saved_views",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    path: text("path").notNull(),
    query: text("query").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("saved_views_user_idx").on(t.userId), index("saved_views_organisation_idx").on(t.organisationId)],
);

/**
 * A user's private calendar feed (a secret URL a calendar app subscribes to). Only the SHA-256 of
 * its token is stored, like the set-password links; regenerating or turning it off revokes the
 * row, and a user has at most one feed that is not revoked.
 */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("calendar_feeds_token_hash_idx").on(t.tokenHash),
    uniqueIndex("calendar_feeds_active_user_idx").on(t.userId).where(sql`${t.revokedAt} is null`),
  ],
);

/**
 * The e-mail outbox: one row per reminder, written before anything is sent (an assignment notice in
 * the same transaction as the follow-up change; a digest once per user and period). The unique
 * dedupe key makes a second run, a restart or a concurrent run find the row instead of sending
 * again. A row is due when next_attempt_at has passed: pending, failed with a retry due, or
 * sending with its lease run out (a run that died mid-send).
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: notificationKind("kind").notNull(),
    /** assignment:<follow-up>:<version>:<recipient>, or digest:<recipient>:<day or ISO week>. */
    dedupeKey: text("dedupe_key").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    followUpId: uuid("follow_up_id").references(() => followUps.id),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    /** How many follow-ups a digest lists (0 for an assignment notice). */
    items: integer("items").notNull().default(0),
    status: notificationStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).defaultNow(),
    lastError: text("last_error"),
    messageId: text("message_id").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("notifications_dedupe_key_idx").on(t.dedupeKey),
    index("notifications_due_idx").on(t.nextAttemptAt).where(sql`${t.status} in ('pending', 'sending', 'failed')`),
    index("notifications_follow_up_idx").on(t.followUpId),
    index("notifications_user_idx").on(t.userId),
  ],
);

/** Instance-wide settings an admin changes in the app, one row per key (e.g. the retention period). */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  updatedById: uuid("updated_by_id").references(() => users.id),
});

/**
 * A personal access token for the API (`Authorization: Bearer ct_…`). Only the SHA-256 of the token
 * is stored (a database copy hands out no access); its first characters are kept to tell tokens
 * apart in lists. It acts as its owner, capped by its scope ("read": no writes).
 */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    name: text("name").notNull(),
    scope: text("scope", { enum: ["read", "read-write"] }).notNull(),
    tokenHash: text("token_hash").notNull(),
    /** "ct_" and the next few characters, to recognise a token in a list (not enough to use it). */
    prefix: text("prefix").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    /** The addresses it was used from (the latest few), so a use from a new one is audited once. */
    usedFrom: text("used_from").array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("api_tokens_token_hash_idx").on(t.tokenHash), index("api_tokens_user_idx").on(t.userId)],
);

/**
 * A webhook an admin registered: the events it wants are POSTed, signed with its secret
 * (HMAC-SHA256), to its URL. The secret is kept as is: signing needs it.
 */
export const webhooks = pgTable("webhooks", {
  id: uuid("id").primaryKey().defaultRandom(),
  url: text("url").notNull(),
  events: text("events").array().notNull(),
  includeRestricted: boolean("include_restricted").notNull().default(false),
  secret: text("secret").notNull(),
  active: boolean("active").notNull().default(true),
  createdById: uuid("created_by_id").references(() => users.id),
  /** When deliveries began to fail without a success since; 24 hours of it disables the webhook. */
  failingSince: timestamp("failing_since", { withTimezone: true }),
  disabledReason: text("disabled_reason"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The webhook outbox: one row per event and webhook, written in the transaction of the change, sent
 * after commit. `seq` orders the deliveries of one record (record_key): a later one waits while an
 * earlier one of the same record and webhook is not delivered.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    seq: bigserial("seq", { mode: "number" }).notNull(),
    webhookId: uuid("webhook_id")
      .notNull()
      .references(() => webhooks.id, { onDelete: "cascade" }),
    event: text("event").notNull(),
    recordKey: text("record_key").notNull(),
    /** Set where an event must be sent once only (a follow-up falling overdue, per due date). */
    dedupeKey: text("dedupe_key"),
    body: text("body").notNull(),
    status: text("status", { enum: ["pending", "sending", "sent", "failed", "dead"] }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).defaultNow(),
    responseCode: integer("response_code"),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    index("webhook_deliveries_due_idx").on(t.nextAttemptAt).where(sql`${t.status} in ('pending', 'sending', 'failed')`),
    index("webhook_deliveries_record_idx").on(t.webhookId, t.recordKey, t.seq),
    index("webhook_deliveries_webhook_idx").on(t.webhookId, t.createdAt),
    uniqueIndex("webhook_deliveries_dedupe_key_idx").on(t.dedupeKey),
  ],
);

/**
 * What an import created, by a key made from the row (its reference column, or a hash of its
 * values) and the meeting it went into: importing the same file again finds the key and creates nothing.
 */
export const followUpImportKeys = pgTable("follow_up_import_keys", {
  key: text("key").primaryKey(),
  followUpId: uuid("follow_up_id")
    .notNull()
    .references(() => followUps.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const outcomeKind = pgEnum("outcome_kind", outcomeKinds);
export const implementationStatus = pgEnum("implementation_status", implementationStatuses);

/**
 * One item of a meeting's agenda, in its order. Written with the meeting (its version guards both);
 * removed with it. `restricted` items are left out of minutes circulated beyond the participants;
 * `carriedFromMeetingId` marks the "Review of follow-ups from …" item offered from the previous meeting.
 */
export const agendaItems = pgTable(
  "agenda_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    priorityAreaId: uuid("priority_area_id").references(() => priorityAreas.id),
    leadOrganisationId: uuid("lead_organisation_id").references(() => organisations.id),
    notes: text("notes").notNull().default(""),
    restricted: boolean("restricted").notNull().default(false),
    carriedFromMeetingId: uuid("carried_from_meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [index("agenda_items_meeting_idx").on(t.meetingId, t.position)],
);

/** What came of an agenda item: a decision, a piece of information, or an action (a follow-up). */
export const agendaOutcomes = pgTable(
  "agenda_outcomes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agendaItemId: uuid("agenda_item_id")
      .notNull()
      .references(() => agendaItems.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    kind: outcomeKind("kind").notNull(),
    text: text("text").notNull().default(""),
    followUpId: uuid("follow_up_id").references(() => followUps.id, { onDelete: "set null" }),
    implementationStatus: implementationStatus("implementation_status"),
    ...timestamps,
  },
  (t) => [index("agenda_outcomes_item_idx").on(t.agendaItemId, t.position), index("agenda_outcomes_follow_up_idx").on(t.followUpId)],
);

/**
 * The in-app notifications ("Amina Okafor mentioned you on …"), one row per recipient, written in
 * the same transaction as the change that causes them. Read through the policy: one whose record
 * the reader can no longer see is hidden. The bigserial id orders them and is the list's cursor.
 */
export const userNotifications = pgTable(
  "user_notifications",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    actorId: uuid("actor_id").references(() => users.id),
    kind: userNotificationKind("kind").notNull(),
    followUpId: uuid("follow_up_id").references(() => followUps.id),
    meetingId: uuid("meeting_id").references(() => meetings.id),
    commentId: uuid("comment_id").references(() => comments.id),
    /** What changed, for the sentence: { from, to } of a status or date. */
    detail: jsonb("detail").$type<Record<string, string | null>>(),
    /** Only for the scheduled kinds (due tomorrow, overdue): one per follow-up, person and due date. */
    dedupeKey: text("dedupe_key"),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("user_notifications_user_idx").on(t.userId, t.id.desc()),
    index("user_notifications_unread_idx").on(t.userId).where(sql`${t.readAt} is null`),
    uniqueIndex("user_notifications_dedupe_key_idx").on(t.dedupeKey),
  ],
);

/**
 * Who watches a follow-up or a meeting. Watching is written when a person creates, owns, is
 * assigned or comments (never overwriting a choice), and by "Watch"; "Stop watching" keeps the row
 * with watching = false, so the automatic watch does not come back. Exactly one of the two ids is set.
 */
export const watchers = pgTable(
  "watchers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    followUpId: uuid("follow_up_id").references(() => followUps.id),
    meetingId: uuid("meeting_id").references(() => meetings.id),
    watching: boolean("watching").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("watchers_follow_up_user_idx").on(t.followUpId, t.userId).where(sql`${t.followUpId} is not null`),
    uniqueIndex("watchers_meeting_user_idx").on(t.meetingId, t.userId).where(sql`${t.meetingId} is not null`),
    index("watchers_user_idx").on(t.userId),
  ],
);

/** The people a comment mentions (checked, when written, to be able to see its follow-up). */
export const commentMentions = pgTable(
  "comment_mentions",
  {
    commentId: uuid("comment_id")
      .notNull()
      .references(() => comments.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.commentId, t.userId] }), index("comment_mentions_user_idx").on(t.userId)],
);

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

/**
 * A document or link on a meeting or a follow-up (and, through comment_id, shown with a comment).
 * Files with the same name on the same record are versions of one document (version 1, 2, …).
 * Removal is soft: deleted_at is set, the bytes stay for 30 days so an admin can restore them.
 */
export const attachments = pgTable(
  "attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id").references(() => meetings.id),
    followUpId: uuid("follow_up_id").references(() => followUps.id),
    commentId: uuid("comment_id").references(() => comments.id),
    kind: text("kind", { enum: ["file", "link"] }).notNull(),
    /** The file's name as uploaded (cleaned), or the link's title. */
    fileName: text("file_name").notNull(),
    title: text("title").notNull().default(""),
    url: text("url"),
    contentType: text("content_type"),
    size: bigint("size", { mode: "number" }),
    sha256: text("sha256"),
    /** Where the bytes are: "db:<uuid>" (attachment_chunks) or "s3:<key>". */
    storageKey: text("storage_key"),
    version: integer("version").notNull().default(1),
    createdById: uuid("created_by_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    deletedById: uuid("deleted_by_id").references(() => users.id),
  },
  (t) => [
    index("attachments_meeting_idx").on(t.meetingId, t.createdAt),
    index("attachments_follow_up_idx").on(t.followUpId, t.createdAt),
    index("attachments_comment_idx").on(t.commentId),
    index("attachments_deleted_idx").on(t.deletedAt).where(sql`${t.deletedAt} is not null`),
    check("attachments_one_parent", sql`(${t.meetingId} is null) <> (${t.followUpId} is null)`),
  ],
);

/**
 * The bytes of files kept in the database (the default store): 48 KiB a row, so a file is written
 * and read a chunk at a time and never held whole in memory; every app instance on the same
 * PostgreSQL sees them, and a backup of the database includes them.
 */
export const attachmentChunks = pgTable(
  "attachment_chunks",
  {
    blobId: uuid("blob_id").notNull(),
    seq: integer("seq").notNull(),
    data: bytea("data").notNull(),
    /** When the piece was written: the orphan sweep leaves a blob alone while an upload may still be writing it. */
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.blobId, t.seq] })],
);

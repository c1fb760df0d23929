import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigserial,
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

import {
  digestFrequencies,
  followUpPriorities,
  followUpStatuses,
  meetingFormats,
  notificationKinds,
  notificationStatuses,
  organisationKinds,
  roles,
  savedViewPaths,
  visibilities,
} from "./enums";

export {
  digestFrequencies,
  followUpPriorities,
  followUpStatuses,
  meetingFormats,
  notificationKinds,
  notificationStatuses,
  organisationKinds,
  roles,
  savedViewPaths,
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

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

export const organisations = pgTable(
  "organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    acronym: text("acronym"),
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
  slug: text("slug").notNull().unique(),
  description: text("description").notNull().default(""),
  /** Other names the area goes by (admin-edited), used to recognise it in pasted meeting text. */
  keywords: text("keywords").array().notNull().default(sql`'{}'::text[]`),
  sortOrder: integer("sort_order").notNull().default(0),
  archived: boolean("archived").notNull().default(false),
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
    // open ones in the date range, not every follow-up of the area (EXPLAIN ANALYZE on the scale data:
    // 2,249 rows and 787 heap blocks → 358 rows and 299 blocks, 7.9 → 1.5 ms). The predicate is
    // overdueSql's status list, inlined as literals so the planner can prove it.
    index("follow_ups_open_area_due_idx").on(t.priorityAreaId, t.dueOn).where(sql`${t.status} not in ('done', 'cancelled')`),
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

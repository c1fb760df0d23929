import "server-only";
import crypto from "node:crypto";
import { and, eq, inArray, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { followUps, notifications, organisations, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/policy";
import { recipientLocale } from "@/lib/i18n/locale";
import { localAcronym, localName } from "@/lib/i18n/names";
import { assignmentMessage, type MailItem } from "@/lib/reminders/messages";
import { env, mailOn } from "@/server/env";
import { unsubscribeToken, type UnsubscribeKind } from "@/server/reminders/tokens";
import { type FollowUp, getFollowUp } from "./follow-up-rows";
import { loadViewer } from "./users";

export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export const messageId = (id: string) => `<notification-${id}@${new URL(env().APP_URL).hostname || "localhost"}>`;
export const unsubscribeUrl = (userId: string, kind: UnsubscribeKind) => `${env().APP_URL}/unsubscribe?token=${unsubscribeToken(userId, kind)}`;
export const oneClickUrl = (userId: string, kind: UnsubscribeKind) => `${env().APP_URL}/api/v1/unsubscribe?token=${unsubscribeToken(userId, kind)}`;

export const mailItem = (f: FollowUp): MailItem => ({
  id: f.id,
  title: f.title,
  dueOn: f.dueOn,
  overdue: f.overdue,
  status: f.status,
  meetingTitle: f.meetingTitle,
  ownerLabel: [f.ownerUserName, f.ownerOrganisationAcronym ?? f.ownerOrganisationName].filter(Boolean).join(", "),
});

type Owner = { ownerUserId: string | null; ownerOrganisationId: string };

/**
 * The notices of an assignment or reassignment, written in the caller's transaction (the follow-up
 * write), so a rolled-back write leaves none and a committed one always has them. To the new owner,
 * or, when no person owns it, to the managers of the owner organisation; never to the person who
 * made the change, nor to anyone who turned the notices off or may not see the follow-up. A notice
 * still waiting for an earlier owner is skipped: it no longer says who owns it.
 */
export async function queueAssignmentNotices(tx: Db, actor: Viewer, followUpId: string, before: Owner | null) {
  if (!mailOn()) return;
  const [f] = await tx.select({ ownerUserId: followUps.ownerUserId, ownerOrganisationId: followUps.ownerOrganisationId, version: followUps.version }).from(followUps).where(eq(followUps.id, followUpId));
  if (!f) return;
  if (before && before.ownerUserId === f.ownerUserId && (f.ownerUserId || before.ownerOrganisationId === f.ownerOrganisationId)) return;
  if (before) {
    await tx
      .update(notifications)
      .set({ status: "skipped", lastError: "Reassigned again before this notice was sent.", nextAttemptAt: null })
      .where(and(eq(notifications.followUpId, followUpId), eq(notifications.kind, "assignment"), inArray(notifications.status, ["pending", "failed"])));
  }
  const recipients = await tx
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .where(
      and(
        f.ownerUserId ? eq(users.id, f.ownerUserId) : and(eq(users.organisationId, f.ownerOrganisationId), eq(users.role, "manager")),
        eq(users.active, true),
        eq(users.assignmentNotices, true),
        ne(users.id, actor.id),
      ),
    );
  const [org] = f.ownerUserId ? [] : await tx.select({ name: organisations.name, nameFr: organisations.nameFr, acronym: organisations.acronym, acronymFr: organisations.acronymFr }).from(organisations).where(eq(organisations.id, f.ownerOrganisationId));
  for (const r of recipients) {
    const viewer = await loadViewer(tx, r.id);
    const followUp = viewer && (await getFollowUp(tx, viewer, followUpId).catch((e: unknown) => (e instanceof AppError && e.type === "not_found" ? null : Promise.reject(e))));
    if (!followUp) continue;
    const id = crypto.randomUUID();
    const locale = recipientLocale(r.locale);
    const message = assignmentMessage({
      locale,
      base: env().APP_URL,
      recipientName: r.name,
      toOrganisation: org ? (localAcronym(org, locale) ?? localName(org, locale)) : null,
      assignedBy: actor.name,
      item: mailItem(followUp),
      today: isoDay(new Date()),
      unsubscribeUrl: unsubscribeUrl(r.id, "assignment"),
    });
    await tx
      .insert(notifications)
      .values({ id, kind: "assignment", dedupeKey: `assignment:${followUpId}:${f.version}:${r.id}`, userId: r.id, followUpId, toAddress: r.email, ...message, messageId: messageId(id) })
      .onConflictDoNothing();
  }
}


import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { cache } from "react";
import { AttachmentsPanel } from "@/components/attachments/attachments-panel";
import { CommentForm } from "@/components/follow-ups/comment-form";
import { CommentList } from "@/components/follow-ups/comment-list";
import { DueDate } from "@/components/follow-ups/due-date";
import { FollowUpEditor } from "@/components/follow-ups/follow-up-editor";
import { History, type HistoryNames } from "@/components/follow-ups/history";
import { StatusBadge } from "@/components/follow-ups/status-badge";
import { StatusControl } from "@/components/follow-ups/status-control";
import { WatchPanel } from "@/components/notifications/watch-panel";
import { PageBody, PageHeader } from "@/components/shell/page";
import { Chip, OrgName } from "@/components/ui/chip";
import { followUpAgendaLinks } from "@/db/queries/agenda-items";
import { attachmentItemsForPage, requiresEvidence } from "@/db/queries/attachments";
import { followUpActivity, getFollowUp, listComments } from "@/db/queries/follow-ups";
import { isClosed } from "@/lib/follow-ups/status";
import { maxAttachmentBytes } from "@/server/attachments/storage";
import { listOrganisations } from "@/db/queries/organisations";
import { listPriorityAreas } from "@/db/queries/reference";
import { listUsers } from "@/db/queries/users";
import { followUpStatuses } from "@/db/schema";
import { formatterFor } from "@/lib/i18n/format-server";
import { isLocale } from "@/lib/i18n/locale";
import { localAcronym, localName } from "@/lib/i18n/names";
import { can, canAttachToFollowUp, canChangeFollowUp, canComment } from "@/lib/policy";
import { loadForPage } from "@/server/session";
import { LocalTime } from "@/components/ui/local-time";

type Params = { params: Promise<{ followUpId: string }> };

const load = cache(async (id: string) => {
  const { record: followUp, ...rest } = await loadForPage(id, getFollowUp);
  return { ...rest, followUp };
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { followUp } = await load((await params).followUpId);
  return { title: followUp.title };
}

export default async function FollowUpPage({ params }: Params) {
  const { viewer, db, followUp: f } = await load((await params).followUpId);
  const [comments, history, organisations, priorityAreas, people, agreedUnder, documents, needsEvidence] = await Promise.all([
    listComments(db, viewer, f.id),
    followUpActivity(db, viewer, f.id),
    listOrganisations(db),
    listPriorityAreas(db),
    listUsers(db),
    followUpAgendaLinks(db, viewer, f.id),
    attachmentItemsForPage(db, viewer, { type: "follow_up", id: f.id }),
    requiresEvidence(db, f.priorityAreaId),
  ]);
  const t = await getTranslations("followUps");
  const requested = await getLocale();
  const locale = isLocale(requested) ? requested : "en";
  const fmt = formatterFor(locale);
  const mayAttach = canAttachToFollowUp(viewer, f);
  const maxMb = Math.floor(maxAttachmentBytes() / 1024 / 1024);

  // What this viewer may do, asked of the policy here; the server asks again on every change.
  const allowedStatuses = followUpStatuses.filter((s) => s === f.status || canChangeFollowUp(viewer, f, { status: s }));
  const canEdit = canChangeFollowUp(viewer, f, { other: true });
  const canManage = can(viewer, "follow_up:manage", { followUp: f });
  const mayComment = canComment(viewer, f);

  // Reference data in the reader's language (a name without a French version shows its English one).
  const orgName = (o: (typeof organisations)[number]) => localName(o, locale);
  const orgAcronym = (o: (typeof organisations)[number]) => localAcronym(o, locale);
  const orgLabel = (o: (typeof organisations)[number]) => (orgAcronym(o) ? `${orgAcronym(o)} — ${orgName(o)}` : orgName(o));
  const areaById = new Map(priorityAreas.map((a) => [a.id, a]));
  const ownerOrg = organisations.find((o) => o.id === f.ownerOrganisationId);
  const area = areaById.get(f.priorityAreaId);
  const priorityAreaName = area ? localName(area, locale) : f.priorityAreaName;
  const ownerOrganisationName = ownerOrg ? orgName(ownerOrg) : f.ownerOrganisationName;
  const ownerOrganisationAcronym = ownerOrg ? orgAcronym(ownerOrg) : f.ownerOrganisationAcronym;
  const orgById = new Map(organisations.map((o) => [o.id, o]));
  const userById = new Map(people.map((u) => [u.id, u]));
  const names: HistoryNames = {
    organisations: new Map(organisations.map((o) => [o.id, { acronym: orgAcronym(o), name: orgName(o) }])),
    priorityAreas: new Map(priorityAreas.map((a) => [a.id, localName(a, locale)])),
    users: new Map(people.map((u) => [u.id, u.name])),
  };
  // Only what the form offers crosses to the client: current choices plus what may be chosen now.
  const options = {
    priorityAreas: priorityAreas.filter((a) => !a.archived || a.id === f.priorityAreaId).map((a) => ({ id: a.id, label: localName(a, locale) })),
    organisations: organisations
      .filter((o) => o.id === f.ownerOrganisationId || (canManage && !o.archived && (viewer.role === "admin" || viewer.subtreeOrganisationIds.has(o.id))))
      .map((o) => ({ id: o.id, label: orgLabel(o) })),
    users: people
      .filter((u) => u.id === f.ownerUserId || (canManage && u.active))
      .map((u) => {
        const org = orgById.get(u.organisationId);
        return { id: u.id, label: org ? `${u.name} (${orgAcronym(org) ?? orgName(org)})` : u.name };
      }),
  };
  const creator = f.createdById ? userById.get(f.createdById)?.name : undefined;
  const closed = isClosed(f.status);

  const description = f.description.trim() ? (
    <p className="whitespace-pre-wrap break-words text-[15px] leading-relaxed text-zinc-800">{f.description}</p>
  ) : (
    <p className="text-sm text-zinc-600">{t("noDescription")}</p>
  );

  return (
    <>
      <PageHeader
        title={f.title}
        description={
          <span className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1">
            <StatusBadge status={f.status} />
            <span className="[&_.whitespace-nowrap]:whitespace-normal">
              <span className="sr-only">{t("srDue")} </span>
              <DueDate dueOn={f.dueOn} overdue={f.overdue} closed={closed} />
            </span>
            {f.meetingId && f.meetingTitle ? (
              <span>
                {t.rich("fromMeeting", {
                  link: () => (
                    <Link href={`/meetings/${f.meetingId}`} className="underline">
                      {f.meetingTitle}
                    </Link>
                  ),
                })}
              </span>
            ) : (
              <span>{t("outsideMeeting")}</span>
            )}
            {agreedUnder.map((a) => (
              <span key={a.agendaItemId}>
                <Link href={`/meetings/${a.meetingId}#agenda-item-${a.agendaItemId}`} className="underline">
                  {t("agendaLink", { agreed: a.meetingId === f.meetingId ? "agreed" : "reviewed", position: a.position, title: a.title, meeting: a.meetingTitle })}
                </Link>
              </span>
            ))}
          </span>
        }
      />
      <PageBody>
        <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_18rem] lg:grid-rows-[auto_1fr] lg:gap-x-8">
          <div className="min-w-0 rounded-md border border-zinc-200 bg-white p-3 lg:col-start-1 lg:row-start-1">
            {allowedStatuses.length > 1 ? (
              <StatusControl
                followUpId={f.id}
                status={f.status}
                version={f.version}
                allowed={allowedStatuses}
                evidence={mayAttach ? { documents, required: needsEvidence, maxMb } : undefined}
              />
            ) : (
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <span className="font-semibold text-zinc-900">{t("statusLabel")}</span>
                <StatusBadge status={f.status} />
                <span className="text-zinc-600">
                  {f.status === "cancelled" ? t("statusReopenHint") : t("statusWhoHint")}
                </span>
              </div>
            )}
          </div>

          <section aria-labelledby="details-heading" className="lg:col-start-2 lg:row-span-2 lg:row-start-1">
            <h2 id="details-heading" className="sr-only">
              {t("details")}
            </h2>
            <dl className="divide-y divide-zinc-200 rounded-md border border-zinc-200 bg-white text-sm">
              <Detail term={t("detailDue")}>
                <DueDate dueOn={f.dueOn} overdue={f.overdue} closed={closed} />
              </Detail>
              <Detail term={t("fieldPriority")}>
                <span className={f.priority === "high" ? "font-semibold text-zinc-900" : undefined}>{fmt.priority(f.priority)}</span>
              </Detail>
              <Detail term={t("fieldPriorityArea")}>
                <Chip>{priorityAreaName}</Chip>
              </Detail>
              <Detail term={t("fieldOwnerOrganisation")}>
                <OrgName acronym={ownerOrganisationAcronym} name={ownerOrganisationName} />
                {ownerOrganisationAcronym && <span className="block text-xs text-zinc-600">{ownerOrganisationName}</span>}
              </Detail>
              <Detail term={t("fieldOwner")}>{f.ownerUserName ?? <span className="text-zinc-600">{t("noOneNamed")}</span>}</Detail>
              <Detail term={t("fieldMeeting")}>
                {f.meetingId && f.meetingTitle ? (
                  <>
                    <Link href={`/meetings/${f.meetingId}`}>{f.meetingTitle}</Link>
                    {f.meetingHeldOn && (
                      <span className="block text-xs text-zinc-600">
                        <time dateTime={f.meetingHeldOn}>{fmt.date(f.meetingHeldOn)}</time>
                      </span>
                    )}
                  </>
                ) : (
                  <span className="text-zinc-600">{t("outsideMeeting")}</span>
                )}
              </Detail>
              <Detail term={t("detailCreated")}>
                <LocalTime at={f.createdAt} />
                {creator && <span className="block text-xs text-zinc-600">{t("byPerson", { name: creator })}</span>}
              </Detail>
              <Detail term={t("detailCompleted")}>
                {f.completedAt ? (
                  <LocalTime at={f.completedAt} />
                ) : (
                  <span className="text-zinc-600">{t("notYet")}</span>
                )}
              </Detail>
            </dl>
            <div className="mt-4">
              <WatchPanel kind="follow-ups" id={f.id} />
            </div>
          </section>
          <div className="min-w-0 space-y-8 lg:col-start-1 lg:row-start-2">
            {canEdit ? (
              <FollowUpEditor
                followUp={{
                  id: f.id,
                  title: f.title,
                  description: f.description,
                  priorityAreaId: f.priorityAreaId,
                  ownerOrganisationId: f.ownerOrganisationId,
                  ownerUserId: f.ownerUserId,
                  dueOn: f.dueOn,
                  priority: f.priority,
                  version: f.version,
                }}
                options={options}
                canManage={canManage}
              >
                {description}
              </FollowUpEditor>
            ) : (
              <section aria-labelledby="description-heading" className="space-y-3">
                <h2 id="description-heading" className="text-base font-semibold">
                  {t("descriptionHeading")}
                </h2>
                {description}
              </section>
            )}

            <AttachmentsPanel target={{ type: "follow_up", id: f.id }} initial={documents} canAdd={mayAttach} maxMb={maxMb} />

            <section aria-labelledby="comments-heading" className="space-y-3">
              <h2 id="comments-heading" className="text-base font-semibold">
                {t("commentsHeading")} <span className="font-normal text-zinc-600">({comments.length})</span>
              </h2>
              <CommentList
                comments={comments.map((c) => ({ ...c, mentionedNames: c.mentionedUserIds.map((id) => userById.get(id)?.name ?? t("someoneLower")) }))}
                documents={documents.map((d) => ({ id: d.id, name: d.kind === "file" ? d.fileName! : d.title, url: d.url }))}
              />
              {mayComment ? (
                <CommentForm followUpId={f.id} />
              ) : (
                <p className="text-sm text-zinc-600">{t("commentWho")}</p>
              )}
            </section>

            <section aria-labelledby="history-heading" className="space-y-3">
              <h2 id="history-heading" className="text-base font-semibold">
                {t("historyHeading")}
              </h2>
              <History rows={history} names={names} />
            </section>
          </div>

        </div>
      </PageBody>
    </>
  );
}

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[8rem_minmax(0,1fr)] gap-2 px-3 py-2 lg:grid-cols-1 lg:gap-0.5">
      <dt className="text-zinc-600">{term}</dt>
      {/* Shared date and chip components never wrap; in this narrow column they must. */}
      <dd className="min-w-0 break-words text-zinc-900 [&_.truncate]:whitespace-normal [&_.whitespace-nowrap]:whitespace-normal">{children}</dd>
    </div>
  );
}

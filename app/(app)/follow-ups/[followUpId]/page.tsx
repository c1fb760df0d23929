import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { cache } from "react";
import { CommentForm } from "@/components/follow-ups/comment-form";
import { CommentList } from "@/components/follow-ups/comment-list";
import { DueDate } from "@/components/follow-ups/due-date";
import { FollowUpEditor } from "@/components/follow-ups/follow-up-editor";
import { History, type HistoryNames } from "@/components/follow-ups/history";
import { StatusBadge } from "@/components/follow-ups/status-badge";
import { StatusControl } from "@/components/follow-ups/status-control";
import { PageBody, PageHeader } from "@/components/shell/page";
import { Chip, OrgName } from "@/components/ui/chip";
import { followUpActivity, getFollowUp, isClosed, listComments } from "@/db/queries/follow-ups";
import { listOrganisations } from "@/db/queries/organisations";
import { listPriorityAreas } from "@/db/queries/reference";
import { listUsers } from "@/db/queries/users";
import { followUpStatuses } from "@/db/schema";
import { formatDate, formatDateTime, priorityLabels } from "@/lib/format";
import { can, canChangeFollowUp, canComment } from "@/lib/policy";
import { loadForPage } from "@/lib/session";

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
  const [comments, history, organisations, priorityAreas, people] = await Promise.all([
    listComments(db, viewer, f.id),
    followUpActivity(db, viewer, f.id),
    listOrganisations(db),
    listPriorityAreas(db),
    listUsers(db),
  ]);

  // What this viewer may do, asked of the policy here; the server asks again on every change.
  const allowedStatuses = followUpStatuses.filter((s) => s === f.status || canChangeFollowUp(viewer, f, { status: s }));
  const canEdit = canChangeFollowUp(viewer, f, { other: true });
  const canManage = can(viewer, "follow_up:manage", { followUp: f });
  const mayComment = canComment(viewer, f);

  const orgLabel = (o: { acronym: string | null; name: string }) => (o.acronym ? `${o.acronym} — ${o.name}` : o.name);
  const orgById = new Map(organisations.map((o) => [o.id, o]));
  const userById = new Map(people.map((u) => [u.id, u]));
  const names: HistoryNames = {
    organisations: orgById,
    priorityAreas: new Map(priorityAreas.map((a) => [a.id, a.name])),
    users: new Map(people.map((u) => [u.id, u.name])),
  };
  // Only what the form offers crosses to the client: current choices plus what may be chosen now.
  const options = {
    priorityAreas: priorityAreas.filter((a) => !a.archived || a.id === f.priorityAreaId).map((a) => ({ id: a.id, label: a.name })),
    organisations: organisations
      .filter((o) => o.id === f.ownerOrganisationId || (canManage && !o.archived && (viewer.role === "admin" || viewer.subtreeOrganisationIds.has(o.id))))
      .map((o) => ({ id: o.id, label: orgLabel(o) })),
    users: people
      .filter((u) => u.id === f.ownerUserId || (canManage && u.active))
      .map((u) => {
        const org = orgById.get(u.organisationId);
        return { id: u.id, label: org ? `${u.name} (${org.acronym ?? org.name})` : u.name };
      }),
  };
  const creator = f.createdById ? userById.get(f.createdById)?.name : undefined;
  const closed = isClosed(f.status);

  const description = f.description.trim() ? (
    <p className="whitespace-pre-wrap break-words text-[15px] leading-relaxed text-zinc-800">{f.description}</p>
  ) : (
    <p className="text-sm text-zinc-600">No description.</p>
  );

  return (
    <>
      <PageHeader
        title={f.title}
        description={
          <span className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1">
            <StatusBadge status={f.status} />
            <span className="[&_.whitespace-nowrap]:whitespace-normal">
              <span className="sr-only">Due: </span>
              <DueDate dueOn={f.dueOn} overdue={f.overdue} closed={closed} />
            </span>
            {f.meetingId && f.meetingTitle ? (
              <span>
                From{" "}
                <Link href={`/meetings/${f.meetingId}`} className="underline">
                  {f.meetingTitle}
                </Link>
              </span>
            ) : (
              <span>Recorded outside a meeting</span>
            )}
          </span>
        }
      />
      <PageBody>
        <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_18rem] lg:grid-rows-[auto_1fr] lg:gap-x-8">
          <div className="min-w-0 rounded-md border border-zinc-200 bg-white p-3 lg:col-start-1 lg:row-start-1">
            {allowedStatuses.length > 1 ? (
              <StatusControl followUpId={f.id} status={f.status} version={f.version} allowed={allowedStatuses} />
            ) : (
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <span className="font-semibold text-zinc-900">Status</span>
                <StatusBadge status={f.status} />
                <span className="text-zinc-600">
                  {f.status === "cancelled"
                    ? "A manager of the owning organisation can reopen it."
                    : "Only the owner, people in the owning organisation, managers and admins can change it."}
                </span>
              </div>
            )}
          </div>

          <section aria-labelledby="details-heading" className="lg:col-start-2 lg:row-span-2 lg:row-start-1">
            <h2 id="details-heading" className="sr-only">
              Details
            </h2>
            <dl className="divide-y divide-zinc-200 rounded-md border border-zinc-200 bg-white text-sm">
              <Detail term="Due">
                <DueDate dueOn={f.dueOn} overdue={f.overdue} closed={closed} />
              </Detail>
              <Detail term="Priority">
                <span className={f.priority === "high" ? "font-semibold text-zinc-900" : undefined}>{priorityLabels[f.priority]}</span>
              </Detail>
              <Detail term="Priority area">
                <Chip>{f.priorityAreaName}</Chip>
              </Detail>
              <Detail term="Owner organisation">
                <OrgName acronym={f.ownerOrganisationAcronym} name={f.ownerOrganisationName} />
                {f.ownerOrganisationAcronym && <span className="block text-xs text-zinc-600">{f.ownerOrganisationName}</span>}
              </Detail>
              <Detail term="Owner">{f.ownerUserName ?? <span className="text-zinc-600">No one named</span>}</Detail>
              <Detail term="Meeting">
                {f.meetingId && f.meetingTitle ? (
                  <>
                    <Link href={`/meetings/${f.meetingId}`}>{f.meetingTitle}</Link>
                    {f.meetingHeldOn && (
                      <span className="block text-xs text-zinc-600">
                        <time dateTime={f.meetingHeldOn}>{formatDate(f.meetingHeldOn)}</time>
                      </span>
                    )}
                  </>
                ) : (
                  <span className="text-zinc-600">Recorded outside a meeting</span>
                )}
              </Detail>
              <Detail term="Created">
                <time dateTime={f.createdAt.toISOString()}>{formatDateTime(f.createdAt)}</time>
                {creator && <span className="block text-xs text-zinc-600">by {creator}</span>}
              </Detail>
              <Detail term="Completed">
                {f.completedAt ? (
                  <time dateTime={f.completedAt.toISOString()}>{formatDateTime(f.completedAt)}</time>
                ) : (
                  <span className="text-zinc-600">Not yet</span>
                )}
              </Detail>
            </dl>
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
                  Description
                </h2>
                {description}
              </section>
            )}

            <section aria-labelledby="comments-heading" className="space-y-3">
              <h2 id="comments-heading" className="text-base font-semibold">
                Comments <span className="font-normal text-zinc-600">({comments.length})</span>
              </h2>
              <CommentList comments={comments} />
              {mayComment ? (
                <CommentForm followUpId={f.id} />
              ) : (
                <p className="text-sm text-zinc-600">You can comment on follow-ups that you or your organisation own.</p>
              )}
            </section>

            <section aria-labelledby="history-heading" className="space-y-3">
              <h2 id="history-heading" className="text-base font-semibold">
                History
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

import { ChevronRight, Inbox, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { FollowUpListItem } from "@/components/follow-ups/follow-up-list-item";
import { PageBody, PageHeader } from "@/components/shell/page";
import { ButtonLink } from "@/components/ui/button";
import { OrgName } from "@/components/ui/chip";
import { getDb } from "@/db/connection";
import { type FollowUp, listFollowUps } from "@/db/queries/follow-ups";
import { listOrganisations } from "@/db/queries/organisations";
import type { Db } from "@/db/client";
import { AppError } from "@/lib/errors";
import { plural } from "@/lib/format";
import type { Viewer } from "@/lib/policy";
import { requireViewer } from "@/lib/session";
import type { FollowUpFilters } from "@/lib/validation/follow-ups";

export const metadata: Metadata = { title: "My follow-ups" };

const LIMIT = 50;
const views = ["all", "me", "org"] as const;
type View = (typeof views)[number];
type SearchParams = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (typeof v === "string" && v ? v : undefined);
const isView = (v: string | undefined): v is View => (views as readonly string[]).includes(v ?? "");

function scope(view: View, viewer: Viewer): FollowUpFilters {
  if (view === "me") return { ownerUserId: viewer.id };
  if (view === "org") return { organisationId: viewer.organisationId };
  return { mine: true };
}

/** A list page, or the first page with a note if the page link (cursor) was tampered with or stale. */
async function page(db: Db, viewer: Viewer, filters: FollowUpFilters): Promise<{ items: FollowUp[]; nextCursor: string | null; badCursor: boolean }> {
  try {
    return { ...(await listFollowUps(db, viewer, filters)), badCursor: false };
  } catch (e) {
    if (!(e instanceof AppError) || e.type !== "bad_request" || !filters.cursor) throw e;
    return { ...(await listFollowUps(db, viewer, { ...filters, cursor: undefined })), badCursor: true };
  }
}

function href(params: { view: View; after?: string; closedAfter?: string }) {
  const q = new URLSearchParams();
  if (params.view !== "all") q.set("view", params.view);
  if (params.after) q.set("after", params.after);
  if (params.closedAfter) q.set("closedAfter", params.closedAfter);
  const s = q.toString();
  return s ? `/my-follow-ups?${s}` : "/my-follow-ups";
}

export default async function MyFollowUpsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await requireViewer();
  const db = await getDb();
  const sp = await searchParams;
  const rawView = one(sp.view);
  const view: View = isView(rawView) ? rawView : "all";
  const after = one(sp.after);
  const closedAfter = one(sp.closedAfter);

  const [active, closed, organisations] = await Promise.all([
    page(db, viewer, { ...scope(view, viewer), status: ["open", "in_progress", "blocked"], limit: LIMIT, cursor: after }),
    page(db, viewer, { ...scope(view, viewer), status: ["done", "cancelled"], limit: LIMIT, cursor: closedAfter }),
    listOrganisations(db),
  ]);
  const org = organisations.find((o) => o.id === viewer.organisationId);
  const orgLabel = org?.acronym ?? org?.name ?? "your organisation";

  const overdue = active.items.filter((f) => f.overdue);
  const later = active.items.filter((f) => !f.overdue && f.dueOn);
  const undated = active.items.filter((f) => !f.dueOn);
  const nothingAtAll = !active.items.length && !closed.items.length && !after && !closedAfter;

  const tabs: { view: View; label: string }[] = [
    { view: "all", label: "All" },
    { view: "me", label: "Assigned to me" },
    { view: "org", label: `Owned by ${orgLabel}` },
  ];

  return (
    <>
      <PageHeader
        title="My follow-ups"
        description={
          <>
            Follow-ups owned by you or by {org ? <OrgName acronym={org.acronym} name={org.name} /> : "your organisation"}.
          </>
        }
      >
        <ButtonLink href="/follow-ups/new">
          <Plus aria-hidden className="size-4" />
          New follow-up
        </ButtonLink>
      </PageHeader>
      <PageBody>
        <nav aria-label="Whose follow-ups" className="mb-5 overflow-x-auto border-b border-zinc-200">
          <ul className="-mb-px flex gap-4 text-sm">
            {tabs.map((t) => {
              const current = t.view === view;
              return (
                <li key={t.view}>
                  <Link
                    href={href({ view: t.view })}
                    aria-current={current ? "page" : undefined}
                    className={`block whitespace-nowrap border-b-2 px-0.5 pb-2 font-medium no-underline hover:no-underline ${
                      current ? "border-accent-700 text-zinc-900" : "border-transparent text-zinc-600 hover:border-zinc-300 hover:text-zinc-900"
                    }`}
                  >
                    {t.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>

        {(active.badCursor || closed.badCursor) && (
          <p role="status" className="mb-4 rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-700">
            That page link is no longer valid, so this is the first page.
          </p>
        )}

        {nothingAtAll ? (
          <EmptyState view={view} orgLabel={orgLabel} />
        ) : (
          <div className="space-y-6">
            {active.items.length ? (
              <p className="text-sm text-zinc-600">
                {plural(active.items.length, "active follow-up")}
                {active.nextCursor ? " on this page" : ""}
                {overdue.length > 0 && (
                  <>
                    {" · "}
                    <span className="font-semibold text-red-700">{overdue.length} overdue</span>
                  </>
                )}
              </p>
            ) : (
              !after && (
                <p className="rounded-md border border-zinc-200 bg-white px-4 py-3 text-sm text-zinc-700">
                  Nothing open here. Everything {view === "me" ? "assigned to you" : "owned here"} is done or cancelled.
                </p>
              )
            )}

            <Group id="overdue" title="Overdue" items={overdue} loud />
            <Group id="due-later" title="Due later" items={later} />
            <Group id="no-due-date" title="No due date" items={undated} />

            {(active.nextCursor || after) && (
              <div className="flex flex-wrap gap-3 text-sm">
                {active.nextCursor && (
                  <Link href={href({ view, after: active.nextCursor })} className="font-medium">
                    Show more active follow-ups
                  </Link>
                )}
                {after && (
                  <Link href={href({ view })} className="font-medium">
                    Back to the first page
                  </Link>
                )}
              </div>
            )}

            {(closed.items.length > 0 || closedAfter) && (
              <details open={!!closedAfter} className="group rounded-md border border-zinc-200 bg-white">
                <summary className="flex cursor-pointer list-none items-center gap-2 px-4 py-3 text-sm font-semibold text-zinc-800 [&::-webkit-details-marker]:hidden">
                  <ChevronRight aria-hidden className="size-4 text-zinc-500 transition-transform group-open:rotate-90" />
                  Done and cancelled
                  <span className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs font-medium text-zinc-700">
                    {closed.items.length}
                    {closed.nextCursor ? "+" : ""}
                  </span>
                </summary>
                <ul className="divide-y divide-zinc-200 border-t border-zinc-200">
                  {closed.items.map((f) => (
                    <FollowUpListItem key={f.id} followUp={f} />
                  ))}
                </ul>
                {(closed.nextCursor || closedAfter) && (
                  <div className="flex flex-wrap gap-3 border-t border-zinc-200 px-4 py-3 text-sm">
                    {closed.nextCursor && (
                      <Link href={href({ view, after, closedAfter: closed.nextCursor })} className="font-medium">
                        Show more done and cancelled
                      </Link>
                    )}
                    {closedAfter && (
                      <Link href={href({ view, after })} className="font-medium">
                        Back to the first of these
                      </Link>
                    )}
                  </div>
                )}
              </details>
            )}
          </div>
        )}
      </PageBody>
    </>
  );
}

function Group({ id, title, items, loud }: { id: string; title: string; items: FollowUp[]; loud?: boolean }) {
  if (!items.length) return null;
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className={`mb-2 flex items-center gap-2 text-sm font-semibold ${loud ? "text-red-700" : "text-zinc-800"}`}>
        {title}
        <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${loud ? "bg-red-50 text-red-800" : "bg-zinc-100 text-zinc-700"}`}>{items.length}</span>
      </h2>
      <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 bg-white">
        {items.map((f) => (
          <FollowUpListItem key={f.id} followUp={f} />
        ))}
      </ul>
    </section>
  );
}

function EmptyState({ view, orgLabel }: { view: View; orgLabel: string }) {
  return (
    <div className="rounded-md border border-dashed border-zinc-300 bg-white px-6 py-10 text-center">
      <Inbox aria-hidden className="mx-auto size-8 text-zinc-400" />
      <h2 className="mt-3 text-base font-semibold">No follow-ups {view === "me" ? "assigned to you" : view === "org" ? `owned by ${orgLabel}` : "for you yet"}</h2>
      <p className="mx-auto mt-1 max-w-md text-sm text-zinc-600">
        {view === "me"
          ? `Follow-ups appear here when you are named as their owner; those owned by ${orgLabel} as a whole are under “Owned by ${orgLabel}”.`
          : view === "org"
            ? `Follow-ups appear here when ${orgLabel} owns one.`
            : "Follow-ups appear here when you or your organisation own one."}{" "}
        They are usually recorded on a meeting&apos;s page, from what was agreed there.
      </p>
      <ButtonLink href="/meetings" variant="secondary" className="mt-4">
        Go to meetings
      </ButtonLink>
    </div>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { NotificationPage } from "@/components/notifications/notification-page";
import { PageBody, PageHeader } from "@/components/shell/page";
import { getDb } from "@/db/connection";
import { listUserNotifications } from "@/db/queries/user-notifications";
import { requireViewer } from "@/server/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inbox"))("title") };
}

const filters = [
  { key: "all", label: "filterAll", query: {} },
  { key: "unread", label: "filterUnread", query: { unread: true } },
  { key: "mentions", label: "filterMentions", query: { kind: "mentions" as const } },
  { key: "assigned", label: "filterAssigned", query: { kind: "assigned" as const } },
] as const;

type SearchParams = Record<string, string | string[] | undefined>;

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [viewer, t] = await Promise.all([requireViewer(), getTranslations("inbox")]);
  const sp = await searchParams;
  const show = filters.find((f) => f.key === sp.show) ?? filters[0];
  const cursor = typeof sp.cursor === "string" && /^\d{1,18}$/.test(sp.cursor) ? sp.cursor : undefined;
  const page = await listUserNotifications(await getDb(), viewer, { ...show.query, cursor, limit: 50 });
  return (
    <>
      <PageHeader title={t("title")} description={page.unread ? t("unreadCount", { count: page.unread }) : t("allRead")} />
      <PageBody>
        <nav aria-label={t("show")} className="mb-4 flex flex-wrap gap-2">
          {filters.map((f) => (
            <Link
              key={f.key}
              href={f.key === "all" ? "/notifications" : `/notifications?show=${f.key}`}
              aria-current={f.key === show.key ? "page" : undefined}
              className={`rounded-full border px-3 py-1 text-sm no-underline ${f.key === show.key ? "border-accent-700 bg-accent-50 font-semibold text-accent-800" : "border-zinc-300 text-zinc-700 hover:bg-zinc-100"}`}
            >
              {t(f.label)}
            </Link>
          ))}
        </nav>
        <NotificationPage items={page.items} unread={page.unread} />
        {page.nextCursor && (
          <p className="mt-4">
            <Link href={`/notifications?${new URLSearchParams({ ...(show.key === "all" ? {} : { show: show.key }), cursor: page.nextCursor })}`}>{t("older")}</Link>
          </p>
        )}
      </PageBody>
    </>
  );
}

"use client";

import { Bookmark, CalendarDays, ChartColumn, Columns3, ListChecks, LogOut, Menu, Settings, Table2, X } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { type ReactNode, useState } from "react";
import { LanguageSwitcher } from "@/components/i18n/language-switcher";
import { DeleteViewButton } from "@/components/saved-views/delete-view-button";
import { LiveUpdates } from "@/components/live/live-updates";
import { GlobalSearch } from "./global-search";
import { NotificationBell } from "./notification-bell";
import { Shortcuts } from "./shortcuts";

const nav = [
  { href: "/my-follow-ups", label: "myFollowUps", icon: ListChecks },
  { href: "/meetings", label: "meetings", icon: CalendarDays },
  { href: "/board", label: "board", icon: Columns3 },
  { href: "/follow-ups", label: "followUps", icon: Table2 },
  { href: "/overview", label: "overview", icon: ChartColumn },
] as const;
const adminNav = { href: "/admin", label: "admin", icon: Settings } as const;

type User = { name: string; role: string; organisation: string; organisationName: string };
/** A saved board or table view in the sidebar; `own` ones get a delete button. */
export type SidebarView = { id: string; name: string; href: string; own?: boolean };

export function Shell({ user, signOut, views = [], children }: { user: User; signOut: () => Promise<void>; views?: SidebarView[]; children: ReactNode }) {
  const t = useTranslations("shell");
  const tApp = useTranslations("app");
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  return (
    <div className="min-h-screen md:flex print:block print:min-h-0">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
        {t("skipToContent")}
      </a>
      <header className="flex items-center justify-between border-b border-zinc-200 bg-white px-4 py-2 md:hidden print:hidden">
        <Link href="/my-follow-ups" className="font-semibold text-zinc-900 no-underline">
          {tApp("name")}
        </Link>
        <span className="ml-auto">
          <NotificationBell placement="header" />
        </span>
        <button type="button" className="rounded p-2 hover:bg-zinc-100" aria-expanded={open} aria-controls="sidebar" onClick={() => setOpen((o) => !o)}>
          {open ? <X aria-hidden className="size-5" /> : <Menu aria-hidden className="size-5" />}
          <span className="sr-only">{open ? t("closeMenu") : t("menu")}</span>
        </button>
      </header>
      <nav
        id="sidebar"
        aria-label={t("mainNav")}
        className={`${open ? "flex" : "hidden"} w-full flex-col print:!hidden border-b border-zinc-200 bg-white md:sticky md:top-0 md:flex md:h-screen md:w-60 md:shrink-0 md:border-b-0 md:border-r`}
      >
        <div className="hidden items-center justify-between gap-1 pr-2 md:flex">
          <Link href="/my-follow-ups" className="flex items-center gap-2 py-4 pl-4 font-semibold text-zinc-900 no-underline">
            <svg aria-hidden viewBox="0 0 32 32" className="size-7"><rect width="32" height="32" rx="7" fill="#1e40af" /><path d="M9 16.5l4.5 4.5L23 11.5" stroke="#fff" strokeWidth="3.2" fill="none" strokeLinecap="round" strokeLinejoin="round" /></svg>
            {tApp("name")}
          </Link>
          <NotificationBell placement="sidebar" />
        </div>
        <div className="px-2 pt-2">
          <GlobalSearch />
        </div>
        <div className="flex-1 overflow-y-auto">
        <ul className="space-y-0.5 px-2 py-2">
          {(user.role === "admin" ? [...nav, adminNav] : nav).map(({ href, label, icon: Icon }) => {
            // /follow-ups/<id> belongs to no list; the table is current only on /follow-ups itself.
            const current = pathname === href || (href !== "/follow-ups" && pathname.startsWith(`${href}/`));
            return (
              <li key={href}>
                <Link
                  href={href}
                  aria-current={current ? "page" : undefined}
                  onClick={() => setOpen(false)}
                  className={`flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium no-underline hover:no-underline ${current ? "bg-accent-50 text-accent-800" : "text-zinc-700 hover:bg-zinc-100"}`}
                >
                  <Icon aria-hidden className="size-4" />
                  {t(label)}
                </Link>
              </li>
            );
          })}
        </ul>
        {views.length > 0 && (
          <section aria-labelledby="saved-views-heading" className="px-2 pb-2">
            <h2 id="saved-views-heading" className="px-3 pb-1 pt-2 text-xs font-semibold uppercase tracking-wide text-zinc-600">
              {t("savedViews")}
            </h2>
            <ul className="space-y-0.5">
              {views.map((v) => (
                <li key={v.id} className="flex items-center gap-1">
                  <Link
                    href={v.href}
                    onClick={() => setOpen(false)}
                    className="flex min-w-0 flex-1 items-center gap-2 rounded-md px-3 py-1.5 text-sm text-zinc-700 no-underline hover:bg-zinc-100 hover:no-underline"
                  >
                    <Bookmark aria-hidden className="size-4 shrink-0" />
                    <span className="truncate" title={v.name}>{v.name}</span>
                  </Link>
                  {v.own && <DeleteViewButton id={v.id} name={v.name} />}
                </li>
              ))}
            </ul>
          </section>
        )}
        </div>
        <div className="border-t border-zinc-200 p-3">
          <p className="truncate text-sm font-semibold">
            <Link href="/profile" className="text-zinc-900 hover:underline">{user.name}</Link>
          </p>
          <p className="truncate text-xs text-zinc-600">
            <abbr title={user.organisationName} className="no-underline">{user.organisation}</abbr> · {t("role", { role: user.role })}
          </p>
          <LanguageSwitcher className="mt-2" />
          <form action={signOut} className="mt-2">
            <button type="submit" className="flex items-center gap-1.5 rounded px-1 py-1 text-sm text-zinc-700 hover:bg-zinc-100">
              <LogOut aria-hidden className="size-4" />
              {t("signOut")}
            </button>
          </form>
        </div>
      </nav>
      {/* One <main> for every page: its header (PageHeader) is then not a second banner. */}
      <main id="main" className="min-w-0 flex-1">
        {children}
      </main>
      <Shortcuts />
      <LiveUpdates />
    </div>
  );
}


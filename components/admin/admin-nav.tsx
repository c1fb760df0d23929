import { useTranslations } from "next-intl";
import Link from "next/link";

const sections = [
  { href: "/admin/organisations", label: "organisations" },
  { href: "/admin/priority-areas", label: "priorityAreas" },
  { href: "/admin/series", label: "series" },
  { href: "/admin/users", label: "users" },
  { href: "/admin/activity", label: "activity" },
  { href: "/admin/documents", label: "documents" },
  { href: "/admin/mail", label: "mail" },
  { href: "/admin/integrations", label: "integrations" },
] as const;

/** The admin sections as tabs under the page title. */
export function AdminNav({ current }: { current: (typeof sections)[number]["href"] }) {
  const t = useTranslations("admin.nav");
  return (
    <nav aria-label={t("label")} className="-mt-2 mb-5 overflow-x-auto border-b border-zinc-200">
      <ul className="flex gap-1 whitespace-nowrap text-sm">
        {sections.map((s) => (
          <li key={s.href}>
            <Link
              href={s.href}
              aria-current={s.href === current ? "page" : undefined}
              className={`inline-block border-b-2 px-3 py-2 no-underline ${s.href === current ? "border-accent-700 font-semibold text-zinc-900" : "border-transparent text-zinc-700 hover:border-zinc-400 hover:text-zinc-900"}`}
            >
              {t(s.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

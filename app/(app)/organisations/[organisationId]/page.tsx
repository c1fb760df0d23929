import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { UnTable } from "@/components/continuity/un-table";
import { Stat } from "@/components/continuity/stat";
import { PageBody, PageHeader } from "@/components/shell/page";
import { getDb } from "@/db/connection";
import { accountability } from "@/db/queries/continuity";
import { listOrganisations } from "@/db/queries/organisations";
import { latestComments } from "@/db/queries/follow-ups";
import { activeStatuses, followUpsHref } from "@/lib/figure-links";
import { loadForPage } from "@/server/session";
import { isClosed } from "@/lib/follow-ups/status";
import { localAcronym, localName } from "@/lib/i18n/names";

type Props = { params: Promise<{ organisationId: string }> };

const load = cache(async (organisationId: string) => loadForPage(organisationId, accountability));

/**
 * Organisations by id with their names in the reader's language (French name and acronym when there
 * is one): reference data, shown bilingual; the figures themselves come from `accountability`.
 */
const localOrganisations = cache(async () => {
  const [rows, locale] = await Promise.all([listOrganisations(await getDb()), getLocale()]);
  return new Map(rows.map((o) => [o.id, { name: localName(o, locale), acronym: localAcronym(o, locale) }]));
});
type Named = { organisationId?: string; id?: string; name: string; acronym: string | null };
const named = (names: Map<string, { name: string; acronym: string | null }>, o: Named) => names.get(o.organisationId ?? o.id ?? "") ?? { name: o.name, acronym: o.acronym };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ record }, names] = await Promise.all([load((await params).organisationId), localOrganisations()]);
  const o = named(names, record.organisation);
  return { title: o.acronym ?? o.name };
}

const percent = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 100)}%`);

export default async function OrganisationPage({ params }: Props) {
  const { record: a, db } = await load((await params).organisationId);
  const { organisation: org, totals } = a;
  const [progress, names, t] = await Promise.all([latestComments(db, a.items.map((f) => f.id)), localOrganisations(), getTranslations("organisations")]);
  const o = { ...org, ...named(names, org) };
  const open = a.items.filter((f) => !isClosed(f.status) && !f.overdue);
  const closed = a.items.filter((f) => isClosed(f.status));
  return (
    <>
      <PageHeader title={o.acronym ? `${o.acronym} — ${o.name}` : o.name} description={t("description")} />
      <PageBody>
        <p className="mb-4 text-sm">
          <Link href={`/follow-ups?organisationId=${o.id}`}>{t("openInTable")}</Link>
        </p>
        <dl className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-4">
          <Stat term={t("owned")} href={followUpsHref({ organisationId: o.id })}>{totals.total}</Stat>
          <Stat term={t("open")} href={followUpsHref({ organisationId: o.id, status: activeStatuses })}>{totals.open}</Stat>
          <Stat term={t("overdue")} loud={totals.overdue > 0} href={followUpsHref({ organisationId: o.id, overdue: "true" })}>{totals.overdue}</Stat>
          <Stat term={t("onTimeRate")} note={totals.rated ? t("onTimeNote", { onTime: totals.onTime, rated: totals.rated }) : undefined}>{percent(totals.onTimeRate)}</Stat>
        </dl>
        <p className="mb-6 max-w-3xl text-sm text-zinc-600">
          {t.rich("onTimeExplain", { strong: (chunks) => <strong>{chunks}</strong> })}
        </p>

        {a.units.length > 1 && (
          <section aria-labelledby="units" className="mb-6 overflow-hidden rounded-lg border border-zinc-200 bg-white">
            <h2 id="units" className="border-b border-zinc-200 px-4 py-3 text-base font-semibold">
              {t("byUnit")}
            </h2>
            <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("byUnitRegion")}>
              <table className="w-full min-w-[30rem] text-left text-sm">
                <caption className="sr-only">{t("byUnitCaption")}</caption>
                <thead className="bg-zinc-50 text-xs font-semibold text-zinc-700">
                  <tr>
                    <th scope="col" className="px-4 py-2">{t("unit")}</th>
                    {[t("colOwned"), t("colOpen"), t("colOverdue"), t("colOnTime")].map((h) => (
                      <th key={h} scope="col" className="px-4 py-2 text-right">{h}</th>
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y divide-zinc-200">
                  {a.units.map((unit) => {
                    const u = { ...unit, ...named(names, unit) };
                    return (
                    <tr key={u.organisationId}>
                      <td className="px-4 py-2">
                        {u.organisationId === o.id ? (
                          <abbr title={u.name} className="no-underline">{u.acronym ?? u.name}</abbr>
                        ) : (
                          <Link href={`/organisations/${u.organisationId}`} title={u.name}>{u.acronym ?? u.name}</Link>
                        )}
                      </td>
                      {/* A unit's row counts what it owns itself: its links leave its own sub-units out. */}
                      <td className="px-4 py-2 text-right tabular-nums">
                        <FigureLink n={u.total} href={followUpsHref({ organisationId: u.organisationId, subUnits: "false" })} label={t("ownedBy", { count: u.total, unit: u.acronym ?? u.name })} />
                      </td>
                      <td className="px-4 py-2 text-right tabular-nums">
                        <FigureLink n={u.open} href={followUpsHref({ organisationId: u.organisationId, subUnits: "false", status: activeStatuses })} label={t("openOwnedBy", { count: u.open, unit: u.acronym ?? u.name })} />
                      </td>
                      <td className={`px-4 py-2 text-right tabular-nums ${u.overdue ? "font-semibold text-red-700" : ""}`}>
                        <FigureLink n={u.overdue} href={followUpsHref({ organisationId: u.organisationId, subUnits: "false", overdue: "true" })} label={t("overdueOwnedBy", { count: u.overdue, unit: u.acronym ?? u.name })} />
                      </td>
                      <td className="px-4 py-2 text-right tabular-nums">{percent(u.onTimeRate)}</td>
                    </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>
        )}

        <div className="space-y-6">
          <List id="overdue" title={t("overdueTitle")} items={a.overdue} progress={progress} empty={t("overdueEmpty")} />
          <List id="open" title={t("openTitle")} items={open} progress={progress} empty={t("openEmpty")} />
          <List id="closed" title={t("closedTitle")} items={closed} progress={progress} empty={t("closedEmpty")} />
        </div>
        {totals.total > a.items.length && <p className="mt-4 text-sm text-zinc-600">{t("showingFirst", { count: a.items.length, total: totals.total })}</p>}
      </PageBody>
    </>
  );
}

/** A count that opens its rows in the table; a zero stays plain text (nothing to open). */
function FigureLink({ n, href, label }: { n: number; href: string; label: string }) {
  return n ? (
    <Link href={href} aria-label={label}>
      {n}
    </Link>
  ) : (
    <>0</>
  );
}

function List({ id, title, items, progress, empty }: { id: string; title: string; items: Parameters<typeof UnTable>[0]["items"]; progress: Map<string, string>; empty: string }) {
  return (
    <section aria-labelledby={id} className="overflow-hidden rounded-lg border border-zinc-200 bg-white">
      <h2 id={id} className="border-b border-zinc-200 px-4 py-3 text-base font-semibold">
        {title} <span className="font-normal text-zinc-600">({items.length})</span>
      </h2>
      {items.length ? <UnTable items={items} progress={progress} caption={title} /> : <p className="px-4 py-3 text-sm text-zinc-600">{empty}</p>}
    </section>
  );
}

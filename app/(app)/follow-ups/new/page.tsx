import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { NewFollowUpForm } from "@/components/follow-ups/new-follow-up-form";
import { organisationLabel, organisationTree } from "@/lib/organisations/tree";
import { PageBody, PageHeader } from "@/components/shell/page";
import { listMeetings } from "@/db/queries/meetings";
import { listOrganisations } from "@/db/queries/organisations";
import { listPriorityAreas } from "@/db/queries/reference";
import { listUsers } from "@/db/queries/users";
import { formatterFor } from "@/lib/i18n/format-server";
import { isLocale } from "@/lib/i18n/locale";
import { localAcronym, localName } from "@/lib/i18n/names";
import { pageContext } from "@/server/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("followUps"))("newFollowUp") };
}

export default async function NewFollowUpPage({ searchParams }: { searchParams: Promise<{ meetingId?: string }> }) {
  const { viewer, db } = await pageContext();
  const [meetings, organisations, areas, users] = await Promise.all([
    listMeetings(db, viewer, { limit: 200 }),
    listOrganisations(db),
    listPriorityAreas(db),
    listUsers(db),
  ]);
  const { meetingId } = await searchParams;
  const t = await getTranslations("followUps");
  const requested = await getLocale();
  const locale = isLocale(requested) ? requested : "en";
  const fmt = formatterFor(locale);
  const meetingOptions = meetings.items.map((m) => ({ id: m.id, label: `${fmt.date(m.heldOn)} · ${m.title}` }));
  const orgAcronym = new Map(organisations.map((o) => [o.id, localAcronym(o, locale) ?? localName(o, locale)]));
  return (
    <>
      <PageHeader title={t("newFollowUp")} description={t("newDescription")} />
      <PageBody>
        <NewFollowUpForm
          meetings={meetingOptions}
          areas={areas.filter((a) => !a.archived).map((a) => ({ id: a.id, label: localName(a, locale) }))}
          organisations={organisationTree(organisations).map(({ organisation: o, depth }) => ({ id: o.id, label: `${"\u00a0\u00a0\u00a0".repeat(depth)}${organisationLabel({ name: localName(o, locale), acronym: localAcronym(o, locale) })}` }))}
          people={users.filter((u) => u.active).map((u) => ({ id: u.id, label: `${u.name} (${orgAcronym.get(u.organisationId) ?? ""})` }))}
          defaults={{ meetingId: meetingOptions.some((m) => m.id === meetingId) ? (meetingId ?? null) : null, ownerOrganisationId: viewer.organisationId }}
        />
      </PageBody>
    </>
  );
}

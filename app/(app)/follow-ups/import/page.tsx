import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { ImportWizard } from "@/components/follow-ups/import-wizard";
import { organisationLabel, organisationTree } from "@/lib/organisations/tree";
import { PageBody, PageHeader } from "@/components/shell/page";
import { getMeeting } from "@/db/queries/meetings";
import { listOrganisations } from "@/db/queries/organisations";
import { listPriorityAreas } from "@/db/queries/reference";
import { formatterFor } from "@/lib/i18n/format-server";
import { isLocale } from "@/lib/i18n/locale";
import { localAcronym, localName } from "@/lib/i18n/names";
import { pageContext } from "@/server/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("followUps"))("importTitle") };
}

/** Import follow-ups from a spreadsheet, into the tracker or (with ?meetingId=) into one meeting. */
export default async function ImportFollowUpsPage({ searchParams }: { searchParams: Promise<{ meetingId?: string }> }) {
  const { viewer, db } = await pageContext();
  const { meetingId } = await searchParams;
  const t = await getTranslations("followUps");
  const requested = await getLocale();
  const locale = isLocale(requested) ? requested : "en";
  const meeting = meetingId && z.uuid().safeParse(meetingId).success ? await getMeeting(db, viewer, meetingId).catch(() => null) : null;
  const [organisations, areas] = await Promise.all([listOrganisations(db), listPriorityAreas(db)]);
  return (
    <>
      <PageHeader
        title={t("importTitle")}
        description={meeting ? t("importInto", { title: meeting.title, date: formatterFor(locale).date(meeting.heldOn) }) : t("importFrom")}
      />
      <PageBody>
        <ImportWizard
          meeting={meeting ? { id: meeting.id, title: meeting.title } : null}
          areas={areas.filter((a) => !a.archived).map((a) => ({ id: a.id, label: localName(a, locale) }))}
          organisations={organisationTree(organisations.filter((o) => !o.archived)).map(({ organisation: o, depth }) => ({ id: o.id, label: `${"\u00a0\u00a0\u00a0".repeat(depth)}${organisationLabel({ name: localName(o, locale), acronym: localAcronym(o, locale) })}` }))}
        />
      </PageBody>
    </>
  );
}

import "server-only";
import type { Db } from "@/db/client";
import { listMeetingOptions } from "@/db/queries/meetings";
import { listOrganisations } from "@/db/queries/organisations";
import { listMeetingSeries, listPriorityAreas } from "@/db/queries/reference";
import { listActivePeople } from "@/db/queries/users";
import { organisationTree } from "@/lib/organisations/tree";
import { formatterFor } from "@/lib/i18n/format-server";
import { type Locale, readerLocale } from "@/lib/i18n/locale";
import { localAcronym, localName } from "@/lib/i18n/names";
import type { Viewer } from "@/lib/policy";
import type { Option } from "@/components/board/types";

/**
 * The choices of the filter bar, limited to what the viewer may see. The meeting and owner lists
 * (hundreds of names, under "More filters") come with the page only as the chosen one, if any:
 * the bar loads them when "More filters" opens. Sent whole they weighed more than the board's cards.
 */
export async function filterOptions(db: Db, viewer: Viewer, chosen: { meetingId?: string; ownerUserId?: string }) {
  const [areas, organisations, meetings, series, owners] = await Promise.all([
    listPriorityAreas(db),
    listOrganisations(db),
    chosen.meetingId ? listMeetingOptions(db, viewer, { id: chosen.meetingId }) : [],
    listMeetingSeries(db),
    chosen.ownerUserId ? listActivePeople(db, { id: chosen.ownerUserId }) : [],
  ]);
  // Reference names in the reader's language (a French name when there is one); meeting titles are user content.
  const locale = readerLocale(viewer);
  return {
    priorityAreas: areas.filter((a) => !a.archived).map((a) => ({ id: a.id, name: localName(a, locale) })),
    organisations: organisationTree(
      organisations.map((o) => ({ id: o.id, name: localName(o, locale), acronym: localAcronym(o, locale), parentId: o.parentId, archived: o.archived })),
    ).map(({ organisation, depth }) => ({ ...organisation, depth })),
    meetings: meetings.map((m) => toMeetingOption(m, locale)),
    series: series.filter((s) => !s.archived).map((s) => ({ id: s.id, name: localName(s, locale) })),
    owners: owners.map((u) => ({ id: u.id, name: u.name })),
  };
}

/** "16th SOM (15 Feb 2022)" / "16th SOM (15 févr. 2022)": the title as written, the date in the reader's language. */
export const toMeetingOption = (m: { id: string; title: string; heldOn: string }, locale: Locale = "en"): Option => ({ id: m.id, name: `${m.title} (${formatterFor(locale).date(m.heldOn)})` });

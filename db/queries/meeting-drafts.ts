import "server-only";
import type { Db } from "@/db/client";
import { extractMeetingDraft, type MeetingDraft } from "@/lib/drafts/extract";
import { AppError, forbidden, invalid } from "@/lib/errors";
import { vm } from "@/lib/i18n/validation";
import { can, type Viewer } from "@/lib/policy";
import type { MeetingWithFollowUpsValues } from "@/lib/validation/meeting-drafts";
import { writeAgendaItems } from "./agenda-items";
import { createFollowUp } from "./follow-ups";
import { createMeeting } from "./meetings";
import { listOrganisations } from "./organisations";
import { listMeetingSeries, listPriorityAreas } from "./reference";

/**
 * A draft of a meeting from pasted text, matched against the current organisations, priority
 * areas (with their keywords) and series. Reads only; nothing is saved until the person accepts.
 */
export async function draftMeeting(db: Db, viewer: Viewer, text: string): Promise<MeetingDraft> {
  if (!can(viewer, "meeting:create")) throw forbidden("meeting");
  const [organisations, priorityAreas, series] = await Promise.all([listOrganisations(db), listPriorityAreas(db), listMeetingSeries(db)]);
  return extractMeetingDraft(text, { organisations, priorityAreas, series });
}

/**
 * The meeting from an accepted draft, the follow-ups ticked in it and the agenda items read from
 * its numbered topics, in one transaction: each follow-up that names an item is an action under
 * it. If one follow-up is refused, nothing is created and the error names it.
 */
export async function createMeetingWithFollowUps(db: Db, viewer: Viewer, input: MeetingWithFollowUpsValues) {
  const { followUps: items, agendaItems: topics, ...meeting } = input;
  return db.transaction(async (tx) => {
    const created = await createMeeting(tx, viewer, meeting);
    const actions = topics.map((): string[] => []);
    for (const [i, item] of items.entries()) {
      const { agendaItem, ...fields } = item;
      try {
        const followUp = await createFollowUp(tx, viewer, { ...fields, meetingId: created.id, ownerUserId: null, description: "", status: "open", priority: "normal" });
        if (agendaItem !== undefined) actions[agendaItem]?.push(followUp.id);
      } catch (e) {
        if (e instanceof AppError && e.fields) throw invalid("follow_up", { followUps: vm("draftFollowUpProblem", { number: String(i + 1), title: item.title, problem: Object.values(e.fields)[0] ?? "" }) });
        throw e;
      }
    }
    if (topics.length)
      await writeAgendaItems(
        tx,
        viewer,
        created.id,
        topics.map((topic, i) => ({
          title: topic.title,
          priorityAreaId: topic.priorityAreaId ?? null,
          leadOrganisationId: null,
          notes: "",
          restricted: false,
          carriedFromMeetingId: null,
          outcomes: (actions[i] ?? []).map((followUpId) => ({ kind: "action" as const, text: "", followUpId })),
        })),
      );
    return created;
  });
}

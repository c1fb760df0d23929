"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { restoreAttachment } from "@/db/queries/attachments";
import { createMeetingSeries, updateMeetingSeries } from "@/db/queries/meeting-series";
import { applyOrganisationImport, previewOrganisationImport } from "@/db/queries/organisation-import";
import { createOrganisation, mergeOrganisation, updateOrganisation } from "@/db/queries/organisations";
import { createPriorityArea, reorderPriorityAreas, updatePriorityArea } from "@/db/queries/priority-areas";
import { anonymiseUser, setRetentionDays } from "@/db/queries/personal-data";
import { createUser, endSessionsFor, issuePasswordLink, updateUser } from "@/db/queries/users";
import { authedAction } from "@/server/actions";
import { meetingSeriesInput, meetingSeriesPatch } from "@/lib/validation/meeting-series";
import { organisationImport, organisationInput, organisationMerge, organisationPatch } from "@/lib/validation/organisations";
import { priorityAreaInput, priorityAreaOrder, priorityAreaPatch } from "@/lib/validation/priority-areas";
import { retentionInput } from "@/lib/validation/settings";
import { userInput, userPatch } from "@/lib/validation/users";

// Thin: each parses with the form's own schema (authedAction) and the query asks the policy.
const done = (path: string) => revalidatePath(`/admin/${path}`);
const withId = <S extends z.ZodType>(patch: S) => z.object({ id: z.uuid(), patch });

export const createOrganisationAction = authedAction(organisationInput, async (input, { db, viewer }) => {
  const row = await createOrganisation(db, viewer, input);
  done("organisations");
  return { id: row.id };
});

export const updateOrganisationAction = authedAction(withId(organisationPatch), async ({ id, patch }, { db, viewer }) => {
  const row = await updateOrganisation(db, viewer, id, patch);
  done("organisations");
  return { id: row.id, version: row.version };
});

export const mergeOrganisationAction = authedAction(z.object({ id: z.uuid(), merge: organisationMerge }), async ({ id, merge }, { db, viewer }) => {
  const result = await mergeOrganisation(db, viewer, id, merge);
  done("organisations");
  return result.moved;
});

export const createPriorityAreaAction = authedAction(priorityAreaInput, async (input, { db, viewer }) => {
  const row = await createPriorityArea(db, viewer, input);
  done("priority-areas");
  return { id: row.id };
});

export const updatePriorityAreaAction = authedAction(withId(priorityAreaPatch), async ({ id, patch }, { db, viewer }) => {
  const row = await updatePriorityArea(db, viewer, id, patch);
  done("priority-areas");
  return { id: row.id, version: row.version };
});

export const reorderPriorityAreasAction = authedAction(priorityAreaOrder, async ({ ids }, { db, viewer }) => {
  await reorderPriorityAreas(db, viewer, ids);
  done("priority-areas");
  return { ok: true };
});

export const createMeetingSeriesAction = authedAction(meetingSeriesInput, async (input, { db, viewer }) => {
  const row = await createMeetingSeries(db, viewer, input);
  done("series");
  return { id: row.id };
});

export const updateMeetingSeriesAction = authedAction(withId(meetingSeriesPatch), async ({ id, patch }, { db, viewer }) => {
  const row = await updateMeetingSeries(db, viewer, id, patch);
  done("series");
  return { id: row.id, version: row.version };
});

export const createUserAction = authedAction(userInput, async (input, { db, viewer }) => {
  const { user, setPasswordPath } = await createUser(db, viewer, input);
  done("users");
  return { id: user.id, name: user.name, setPasswordPath };
});

export const updateUserAction = authedAction(withId(userPatch), async ({ id, patch }, { db, viewer }) => {
  const row = await updateUser(db, viewer, id, patch);
  done("users");
  return { id: row.id, version: row.version };
});

export const issuePasswordLinkAction = authedAction(z.object({ id: z.uuid() }), async ({ id }, { db, viewer }) => issuePasswordLink(db, viewer, id));

export const endUserSessionsAction = authedAction(z.object({ id: z.uuid() }), async ({ id }, { db, viewer }) => endSessionsFor(db, viewer, id));

export const anonymiseUserAction = authedAction(z.object({ id: z.uuid() }), async ({ id }, { db, viewer }) => {
  const result = await anonymiseUser(db, viewer, id);
  done("users");
  return result;
});

export const setRetentionAction = authedAction(retentionInput, async ({ days }, { db, viewer }) => {
  const result = await setRetentionDays(db, viewer, days);
  done("activity");
  return result;
});

export const previewOrganisationImportAction = authedAction(organisationImport, async ({ csv }, { db, viewer }) => previewOrganisationImport(db, viewer, csv));

export const importOrganisationsAction = authedAction(organisationImport, async ({ csv }, { db, viewer }) => {
  const plan = await applyOrganisationImport(db, viewer, csv);
  done("organisations");
  return plan;
});

export const restoreAttachmentAction = authedAction(z.object({ id: z.uuid() }), async ({ id }, { db, viewer }) => {
  const row = await restoreAttachment(db, viewer, id);
  done("documents");
  revalidatePath(row.followUpId ? `/follow-ups/${row.followUpId}` : `/meetings/${row.meetingId}`);
  return { id: row.id };
});

"use client";

import { useTranslations } from "next-intl";
import { type Control, Controller, type UseFormReturn } from "react-hook-form";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import { CheckboxList, Group } from "@/components/ui/form-layout";
import { SearchableChecklist } from "@/components/ui/searchable-checklist";
import { organisationLabel, type organisationTree, type OrganisationOption } from "@/lib/organisations/tree";
import type { MeetingInput, MeetingValues } from "@/lib/validation/meetings";
import { CoChairs } from "./co-chairs";

type Form = UseFormReturn<MeetingInput, unknown, MeetingValues>;
type MeetingControl = Control<MeetingInput, unknown, MeetingValues>;
const emptyToNull = (v: unknown) => (v === "" || v === undefined ? null : v);

/** "Meetings it reviews": earlier meetings whose follow-ups this one takes stock of. */
export function ReviewsGroup({ control, meetings, error }: { control: MeetingControl; meetings: { id: string; label: string }[]; error?: string }) {
  const t = useTranslations("meetingForm");
  return (
    <Controller
      control={control}
      name="reviewedMeetingIds"
      render={({ field }) => (
        <SearchableChecklist
          id="reviewedMeetingIds"
          legend={t("reviews")}
          hint={t("reviewsHint")}
          error={error}
          searchLabel={t("reviewsSearch")}
          noun={t("reviewsNoun")}
          options={meetings}
          value={field.value ?? []}
          onChange={field.onChange}
        />
      )}
    />
  );
}

/** Who took part: the host, the co-chairs and the participating organisations (as a tree). */
export function PeopleGroups({ form, orgTree, chosen, errorOf }: { form: Form; orgTree: ReturnType<typeof organisationTree<OrganisationOption>>; chosen: Partial<MeetingInput>; errorOf: (name: "hostOrganisationId" | "coChairs" | "participantOrganisationIds") => string | undefined }) {
  const t = useTranslations("meetingForm");
  const { register, control } = form;
  const chosenParticipants = chosen.participantOrganisationIds ?? [];
  return (
    <>
      <Field id="hostOrganisationId" label={t("host")} error={errorOf("hostOrganisationId")}>
        <select id="hostOrganisationId" className={inputClass} {...describedBy("hostOrganisationId", undefined, errorOf("hostOrganisationId"))} {...register("hostOrganisationId", { setValueAs: emptyToNull })}>
          <option value="">{t("noHost")}</option>
          {orgTree
            .filter(({ organisation: o }) => !o.archived || o.id === chosen.hostOrganisationId)
            .map(({ organisation: o, depth }) => (
              <option key={o.id} value={o.id}>
                {"\u00a0\u00a0\u00a0".repeat(depth)}
                {organisationLabel(o)}
              </option>
            ))}
        </select>
      </Field>
      <Controller
        control={control}
        name="coChairs"
        render={({ field }) => (
          <Field id="coChairs" label={t("coChairs")} hint={t("coChairsHint")} error={errorOf("coChairs")}>
            <CoChairs id="coChairs" value={field.value ?? []} onChange={field.onChange} onBlur={field.onBlur} describedBy={describedBy("coChairs", "hint", errorOf("coChairs"))} />
          </Field>
        )}
      />
      <Controller
        control={control}
        name="participantOrganisationIds"
        render={({ field }) => (
          <Group id="participantOrganisationIds" legend={t("participants")} hint={t("participantsHint")} error={errorOf("participantOrganisationIds")}>
            <CheckboxList
              name="participantOrganisationIds"
              value={field.value ?? []}
              onChange={field.onChange}
              options={orgTree
                .filter(({ organisation: o }) => !o.archived || chosenParticipants.includes(o.id))
                .map(({ organisation: o, depth, hasChildren }) => ({ id: o.id, label: o.name, detail: o.acronym, depth, strong: depth === 0 && hasChildren }))}
              scroll
            />
          </Group>
        )}
      />
    </>
  );
}

/** The priority areas discussed; archived ones only when already chosen. */
export function AreasGroup({ control, priorityAreas, chosen, error }: { control: MeetingControl; priorityAreas: { id: string; name: string; archived: boolean }[]; chosen: readonly string[]; error?: string }) {
  const t = useTranslations("meetingForm");
  return (
    <Controller
      control={control}
      name="priorityAreaIds"
      render={({ field }) => (
        <Group id="priorityAreaIds" legend={t("priorityAreas")} error={error}>
          <CheckboxList
            name="priorityAreaIds"
            value={field.value ?? []}
            onChange={field.onChange}
            options={priorityAreas.filter((a) => !a.archived || chosen.includes(a.id)).map((a) => ({ id: a.id, label: a.name, depth: 0 }))}
            columns
          />
        </Group>
      )}
    />
  );
}

"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { type Control, Controller, type UseFormRegister, useFieldArray, useWatch } from "react-hook-form";
import { DateInput } from "@/components/ui/date-input";
import { inputClass } from "@/components/ui/field";
import { ListGroup, SmallField } from "@/components/ui/form-layout";
import { followUpsByItem, isApproximate, type Option, type Review } from "@/lib/drafts/review";
import { organisationLabel, type OrganisationOption } from "@/lib/organisations/tree";

type Props = {
  control: Control<Review>;
  register: UseFormRegister<Review>;
  priorityAreas: Option[];
  areaById: ReadonlyMap<string, Option>;
  orgOptions: OrganisationOption[];
  evidence: (key: string) => ReactNode;
};

/**
 * The draft's agenda items (numbered topics of minutes), each with the candidate follow-ups agreed
 * under it, then the candidates under no item. Ticked candidates are created with the meeting; under
 * a kept item, as its actions.
 */
export function DraftFollowUps(props: Props) {
  const { control, register, areaById, evidence } = props;
  const t = useTranslations("meetingDraft");
  const items = useFieldArray({ control, name: "agendaItems" });
  const followUps = useFieldArray({ control, name: "followUps" });
  // Which candidate sits under which item is fixed by the draft; only the values change.
  const groups = followUpsByItem({ agendaItems: items.fields, followUps: followUps.fields });
  const row = (i: number) => <FollowUpRow key={followUps.fields[i]?.id ?? i} index={i} {...props} />;

  return (
    <>
      {items.fields.length > 0 && (
        <fieldset className="min-w-0 space-y-2">
          <legend className="mb-1 text-sm font-semibold text-zinc-900">{t("agendaItems")}</legend>
          <p className="text-sm text-zinc-700">{t("agendaItemsHint")}</p>
          <ol className="space-y-3">
            {items.fields.map((item, i) => (
              <li key={item.id} className="space-y-2 rounded-md border border-zinc-300 bg-zinc-50 p-2.5">
                <label className="flex cursor-pointer items-start gap-2 text-sm font-medium">
                  <input type="checkbox" {...register(`agendaItems.${i}.on`)} className="mt-0.5 size-4 shrink-0 accent-accent-700" />
                  {t("keepItem", { n: i + 1 })}
                </label>
                <div className="space-y-1">
                  <label htmlFor={`d-item-title-${i}`} className="block text-xs font-semibold text-zinc-700">
                    {t("itemTitle", { n: i + 1 })}
                  </label>
                  <input id={`d-item-title-${i}`} type="text" maxLength={300} {...register(`agendaItems.${i}.title`)} className={`${inputClass} text-sm`} />
                  {item.priorityAreaId && <p className="text-xs text-zinc-600">{t("itemArea", { area: areaById.get(item.priorityAreaId)?.name ?? "" })}</p>}
                </div>
                {evidence(`agendaItems.${i}`)}
                <ListGroup legend={t("itemFollowUps", { n: i + 1 })} empty={t("noItemFollowUps")} count={groups.items[i]?.length ?? 0}>
                  {(groups.items[i] ?? []).map(row)}
                </ListGroup>
              </li>
            ))}
          </ol>
        </fieldset>
      )}
      {(items.fields.length === 0 || groups.loose.length > 0) && (
        <ListGroup legend={items.fields.length ? t("otherFollowUps") : t("followUps")} empty={t("noFollowUps")} count={groups.loose.length}>
          {groups.loose.map(row)}
        </ListGroup>
      )}
    </>
  );
}

/** One candidate follow-up: ticked to be created, its title, area, owner and due date (marked when the date is approximate). */
function FollowUpRow({ index: i, control, register, priorityAreas, orgOptions, evidence }: Props & { index: number }) {
  const t = useTranslations("meetingDraft");
  const [dueOn, approximateDueOn] = useWatch({ control, name: [`followUps.${i}.dueOn`, `followUps.${i}.approximateDueOn`] });
  const approximate = isApproximate({ dueOn, approximateDueOn });
  return (
    <li className="space-y-2 rounded-md border border-zinc-200 bg-white p-2.5">
      <label className="flex cursor-pointer items-start gap-2 text-sm font-medium">
        <input type="checkbox" {...register(`followUps.${i}.on`)} className="mt-0.5 size-4 shrink-0 accent-accent-700" />
        {t("createFollowUp")}
      </label>
      <div className="space-y-1">
        <label htmlFor={`d-fu-title-${i}`} className="block text-xs font-semibold text-zinc-700">
          {t("followUpTitle")}
        </label>
        <textarea id={`d-fu-title-${i}`} rows={2} maxLength={300} {...register(`followUps.${i}.title`)} className={`${inputClass} text-sm`} />
      </div>
      <div className="grid gap-2 sm:grid-cols-3">
        <SmallField id={`d-fu-area-${i}`} label={t("followUpArea")}>
          <select id={`d-fu-area-${i}`} {...register(`followUps.${i}.priorityAreaId`)} className={`${inputClass} text-sm`}>
            {priorityAreas.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </SmallField>
        <SmallField id={`d-fu-owner-${i}`} label={t("followUpOwner")}>
          <select id={`d-fu-owner-${i}`} {...register(`followUps.${i}.ownerOrganisationId`)} className={`${inputClass} text-sm`}>
            {orgOptions.map((o) => (
              <option key={o.id} value={o.id}>
                {organisationLabel(o)}
              </option>
            ))}
          </select>
        </SmallField>
        <SmallField id={`d-fu-due-${i}`} label={t("followUpDue")}>
          <Controller
            control={control}
            name={`followUps.${i}.dueOn`}
            render={({ field }) => (
              <DateInput
                id={`d-fu-due-${i}`}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                className={`${inputClass} text-sm`}
                aria-describedby={approximate ? `d-fu-due-${i}-approx` : undefined}
              />
            )}
          />
          {approximate && (
            <p id={`d-fu-due-${i}-approx`} className="text-xs">
              <span className="rounded border border-amber-700 px-1 py-px font-semibold text-amber-900">{t("approximate")}</span> <span className="text-zinc-700">{t("approximateHint")}</span>
            </p>
          )}
        </SmallField>
      </div>
      {evidence(`followUps.${i}`)}
    </li>
  );
}

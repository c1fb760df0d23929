"use client";

import { X } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState } from "react";
import { Controller, useFieldArray, useForm } from "react-hook-form";
import { useFormat } from "@/components/i18n/use-format";
import { Button } from "@/components/ui/button";
import { DateInput } from "@/components/ui/date-input";
import { inputClass } from "@/components/ui/field";
import { CheckRow, ListGroup, Row } from "@/components/ui/form-layout";
import { meetingFormats } from "@/db/enums";
import type { MeetingDraft } from "@/lib/drafts/extract";
import { type Accepted, acceptedOf, eventDate, type Mark, marksOf, type Option, type Review, reviewOf } from "@/lib/drafts/review";
import { organisationLabel, type OrganisationOption } from "@/lib/organisations/tree";
import { DraftFollowUps } from "./draft-follow-ups";
import { EvidenceButton, HighlightedText } from "./draft-evidence";

/**
 * The review of a draft: a react-hook-form form whose values are the review model (lib/drafts/review),
 * its lists in useFieldArray. Each field shows the words it came from; accepting maps the values to
 * the meeting form's (acceptedOf). Nothing is saved here.
 */
export function DraftReview({
  text,
  draft,
  series,
  organisations,
  priorityAreas,
  fallbackOrganisationId,
  onAccept,
  onDiscard,
}: {
  text: string;
  draft: MeetingDraft;
  series: Option[];
  organisations: OrganisationOption[];
  priorityAreas: Option[];
  fallbackOrganisationId: string;
  onAccept: (accepted: Accepted) => void;
  onDiscard: () => void;
}) {
  const t = useTranslations("meetingDraft");
  const locale = useLocale();
  const fmt = useFormat();
  const { register, control, getValues } = useForm<Review>({ defaultValues: reviewOf(draft, organisations, priorityAreas, fallbackOrganisationId) });
  const coChairs = useFieldArray({ control, name: "coChairs" });
  const participants = useFieldArray({ control, name: "participants" });
  const areas = useFieldArray({ control, name: "areas" });
  const events = useFieldArray({ control, name: "relatedEvents" });
  const [active, setActive] = useState<string>();
  const textPane = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const orgById = useMemo(() => new Map(organisations.map((o) => [o.id, o])), [organisations]);
  const areaById = useMemo(() => new Map(priorityAreas.map((a) => [a.id, a])), [priorityAreas]);
  const marks = useMemo<Mark[]>(() => marksOf(draft.evidence, orgById, areaById), [draft, orgById, areaById]);
  const orgOptions = useMemo(() => organisations.filter((o) => !o.archived).sort((a, b) => organisationLabel(a).localeCompare(organisationLabel(b))), [organisations]);

  useEffect(() => heading.current?.focus(), []);
  // The words of the field just picked come into view in the text.
  useEffect(() => {
    if (active) textPane.current?.querySelector(`[data-first="${CSS.escape(active)}"]`)?.scrollIntoView({ block: "nearest" });
  }, [active]);

  const evidence = (key: string) => <EvidenceButton evidence={marks.find((m) => m.key === key)} active={active === key} onShow={() => setActive(key)} />;
  const accept = () => onAccept(acceptedOf(getValues(), text, { participants: t("summaryParticipants"), relatedEvents: t("summaryEvents"), locale }));

  return (
    <section aria-labelledby="review-heading" className="space-y-4 rounded-lg border border-accent-100 bg-white p-4 sm:p-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="review-heading" ref={heading} tabIndex={-1} className="font-semibold text-zinc-900 focus:outline-none">
            {t("reviewHeading")}
          </h2>
          <p className="text-sm text-zinc-700">{t("reviewIntro")}</p>
        </div>
        <Button variant="ghost" onClick={onDiscard}>
          <X aria-hidden className="size-4" />
          {t("discard")}
        </Button>
      </div>

      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.1fr)]">
        <div>
          <h3 className="mb-1 text-sm font-semibold text-zinc-900">{t("textHeading")}</h3>
          <div
            ref={textPane}
            tabIndex={0}
            role="region"
            aria-label={t("textRegion")}
            className="max-h-[28rem] overflow-y-auto whitespace-pre-wrap break-words rounded-md border border-zinc-300 bg-zinc-50 p-3 text-sm leading-relaxed text-zinc-900 lg:sticky lg:top-4 lg:max-h-[40rem]"
          >
            <HighlightedText text={text} marks={marks} active={active} onPick={setActive} />
          </div>
        </div>

        <div className="space-y-4">
          <Row id="d-title" label={t("title")} evidence={evidence("title")}>
            <input id="d-title" type="text" {...register("title")} className={inputClass} />
          </Row>
          <div className="grid gap-4 sm:grid-cols-2">
            <Row id="d-heldOn" label={t("date")} evidence={evidence("heldOn")}>
              <Controller control={control} name="heldOn" render={({ field }) => <DateInput id="d-heldOn" value={field.value} onChange={field.onChange} onBlur={field.onBlur} className={inputClass} />} />
            </Row>
            <Row id="d-format" label={t("format")} evidence={evidence("format")}>
              <select id="d-format" {...register("format")} className={inputClass}>
                <option value="">{t("notStated")}</option>
                {meetingFormats.map((value) => (
                  <option key={value} value={value}>
                    {fmt.meetingFormat(value)}
                  </option>
                ))}
              </select>
            </Row>
          </div>
          <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_8rem]">
            <Row id="d-series" label={t("series")} evidence={evidence("seriesId")}>
              <select id="d-series" {...register("seriesId")} className={inputClass}>
                <option value="">{t("noSeries")}</option>
                {series.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </Row>
            <Row id="d-seriesNumber" label={t("number")}>
              <input id="d-seriesNumber" type="text" inputMode="numeric" {...register("seriesNumber")} className={inputClass} />
            </Row>
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <Row id="d-location" label={t("location")} evidence={evidence("location")}>
              <input id="d-location" type="text" {...register("location")} className={inputClass} />
            </Row>
            <Row id="d-participantCount" label={t("participantCount")} evidence={evidence("participantCount")}>
              <input id="d-participantCount" type="text" inputMode="numeric" {...register("participantCount")} className={inputClass} />
            </Row>
          </div>
          <Row id="d-host" label={t("host")} evidence={evidence("hostOrganisationId")}>
            <select id="d-host" {...register("hostOrganisationId")} className={inputClass}>
              <option value="">{t("hostNotStated")}</option>
              {orgOptions.map((o) => (
                <option key={o.id} value={o.id}>
                  {organisationLabel(o)}
                </option>
              ))}
            </select>
          </Row>

          <ListGroup legend={t("coChairs")} empty={t("noCoChairs")} count={coChairs.fields.length}>
            {coChairs.fields.map((c, i) => (
              <li key={c.id} className="space-y-1">
                <div className="flex items-center gap-2">
                  <input id={`d-cochair-on-${i}`} type="checkbox" {...register(`coChairs.${i}.on`)} className="size-4 shrink-0 accent-accent-700" aria-label={t("keepCoChair", { n: i + 1 })} />
                  <label htmlFor={`d-cochair-${i}`} className="sr-only">
                    {t("coChair", { n: i + 1 })}
                  </label>
                  <input id={`d-cochair-${i}`} type="text" {...register(`coChairs.${i}.text`)} className={`${inputClass} text-sm`} />
                </div>
                <div className="pl-6">{evidence(`coChairs.${i}`)}</div>
              </li>
            ))}
          </ListGroup>

          <ListGroup legend={t("participants")} empty={t("noParticipants")} count={participants.fields.length}>
            {participants.fields.map((p, i) => (
              <Controller
                key={p.id}
                control={control}
                name={`participants.${i}.on`}
                render={({ field }) => (
                  <CheckRow
                    id={`d-org-${p.organisationId}`}
                    checked={field.value}
                    onChange={field.onChange}
                    label={orgById.get(p.organisationId)?.name ?? p.organisationId}
                    detail={orgById.get(p.organisationId)?.acronym}
                    evidence={evidence(`participants.${p.organisationId}`)}
                  />
                )}
              />
            ))}
          </ListGroup>

          <ListGroup legend={t("areas")} empty={t("noAreas")} count={areas.fields.length}>
            {areas.fields.map((a, i) => (
              <Controller
                key={a.id}
                control={control}
                name={`areas.${i}.on`}
                render={({ field }) => (
                  <CheckRow id={`d-area-${a.areaId}`} checked={field.value} onChange={field.onChange} label={areaById.get(a.areaId)?.name ?? a.areaId} evidence={evidence(`areas.${a.areaId}`)} />
                )}
              />
            ))}
          </ListGroup>

          <ListGroup legend={t("events")} empty={t("noEvents")} count={events.fields.length}>
            {events.fields.map((e, i) => (
              <Controller
                key={e.id}
                control={control}
                name={`relatedEvents.${i}.on`}
                render={({ field }) => (
                  <CheckRow
                    id={`d-event-${i}`}
                    checked={field.value}
                    onChange={field.onChange}
                    label={e.title}
                    detail={e.date ? eventDate(e.date, locale) : t("noDate")}
                    evidence={evidence(`relatedEvents.${i}`)}
                  />
                )}
              />
            ))}
          </ListGroup>

          <DraftFollowUps control={control} register={register} priorityAreas={priorityAreas} areaById={areaById} orgOptions={orgOptions} evidence={evidence} />
        </div>
      </div>

      <div className="flex flex-wrap items-center gap-3 border-t border-zinc-200 pt-4">
        <Button onClick={accept} className="px-4 py-2">
          {t("accept")}
        </Button>
        <p className="text-sm text-zinc-600">{t("nothingSaved")}</p>
      </div>
    </section>
  );
}

"use client";

import { Check, Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { type ReactNode, useEffect, useState } from "react";
import { type Path, useForm, useWatch } from "react-hook-form";
import { createFollowUpAction } from "@/app/(app)/follow-ups/actions";
import { listPeopleAction } from "@/app/(app)/people-actions";
import { Button } from "@/components/ui/button";
import { describedBy, FieldError } from "@/components/ui/field";
import type { FollowUpInput, FollowUpValues } from "@/lib/validation/follow-ups";
import { lazyZodResolver } from "@/lib/lazy-resolver";
import { organisationLabel, organisationTree, type OrganisationOption } from "./organisation-tree";

/** zod and the schema load after the page (lib/lazy-resolver.ts). */
const resolver = lazyZodResolver(() => import("@/lib/validation/follow-ups").then((m) => m.followUpInput));

type Area = { id: string; name: string };
type Person = { id: string; name: string; organisationId: string; organisationAcronym: string | null };

const controlClass =
  "block w-full rounded-md border border-zinc-400 bg-white px-2 py-1.5 text-sm text-zinc-900 placeholder:text-zinc-500 aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700";
const fields = ["title", "priorityAreaId", "ownerOrganisationId", "ownerUserId", "dueOn"] as const;
const emptyToNull = (v: unknown) => (v === "" || v === undefined ? null : v);

/**
 * The quick-add row under a meeting's follow-ups: after each add the title clears and takes
 * focus again while the other choices stay, so several can be recorded in a row.
 */
export function QuickAddFollowUp({
  meetingId,
  meetingAreas,
  otherAreas,
  organisations,
  people: firstPeople,
  defaultOrganisationId,
}: {
  meetingId: string;
  meetingAreas: Area[];
  otherAreas: Area[];
  organisations: OrganisationOption[];
  people: Person[];
  defaultOrganisationId: string;
}) {
  const router = useRouter();
  // The page sends the viewer's organisation's people; everyone else arrives right after it.
  const [people, setPeople] = useState(firstPeople);
  useEffect(() => {
    let live = true;
    void listPeopleAction({}).then((r) => {
      if (live && r.ok) setPeople(r.data);
    });
    return () => {
      live = false;
    };
  }, []);
  const [added, setAdded] = useState("");
  const [formError, setFormError] = useState("");
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    setFocus,
    control,
    formState: { errors, isSubmitting },
  } = useForm<FollowUpInput, unknown, FollowUpValues>({
    resolver,
    defaultValues: {
      title: "",
      meetingId,
      priorityAreaId: meetingAreas[0]?.id ?? otherAreas[0]?.id ?? "",
      ownerOrganisationId: defaultOrganisationId,
      ownerUserId: null,
      dueOn: null,
    },
  });

  const onSubmit = async (values: FollowUpValues) => {
    setFormError("");
    setAdded("");
    const result = await createFollowUpAction(values);
    if (result.ok) {
      setValue("title", "");
      setAdded(result.data.title);
      router.refresh();
      setFocus("title");
      return;
    }
    let unplaced = result.error;
    for (const [key, message] of Object.entries(result.fieldErrors ?? {})) {
      if ((fields as readonly string[]).includes(key)) {
        setError(key as Path<FollowUpInput>, { type: "server", message });
        unplaced = "";
      } else unplaced = message;
    }
    if (unplaced) setFormError(unplaced);
    const first = fields.find((f) => result.fieldErrors?.[f]);
    if (first) setFocus(first);
  };

  const ownerOrganisationId = useWatch({ control, name: "ownerOrganisationId" });
  const inOrg = people.filter((p) => p.organisationId === ownerOrganisationId);
  const others = people.filter((p) => p.organisationId !== ownerOrganisationId);
  const personLabel = (p: Person) => (p.organisationAcronym ? `${p.name} (${p.organisationAcronym})` : p.name);
  const err = (f: (typeof fields)[number]) => errors[f]?.message;

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate aria-labelledby="quick-add-title" className="@container space-y-3 bg-zinc-50 px-4 py-4">
      <h3 id="quick-add-title" className="text-sm font-semibold text-zinc-900">
        Add a follow-up
      </h3>
      {formError && (
        <p role="alert" className="rounded-md border border-red-700 bg-white px-3 py-2 text-sm font-medium text-red-800">
          {formError}
        </p>
      )}
      <QuickField id="qa-title" label="Title" error={err("title")}>
        <input
          id="qa-title"
          type="text"
          autoComplete="off"
          placeholder="What was agreed, e.g. “Share the route assessment with DG HOME”"
          className={controlClass}
          {...describedBy("qa-title", undefined, err("title"))}
          {...register("title")}
        />
      </QuickField>
      <div className="grid gap-3 @md:grid-cols-2 @4xl:grid-cols-[minmax(0,1.2fr)_minmax(0,1.2fr)_minmax(0,1fr)_10rem_auto] @4xl:items-start">
        <QuickField id="qa-area" label="Priority area" error={err("priorityAreaId")}>
          <select id="qa-area" className={controlClass} {...describedBy("qa-area", undefined, err("priorityAreaId"))} {...register("priorityAreaId")}>
            {meetingAreas.length > 0 && otherAreas.length > 0 ? (
              <>
                <optgroup label="Discussed at this meeting">
                  {meetingAreas.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name}
                    </option>
                  ))}
                </optgroup>
                <optgroup label="Other areas">
                  {otherAreas.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name}
                    </option>
                  ))}
                </optgroup>
              </>
            ) : (
              [...meetingAreas, ...otherAreas].map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))
            )}
          </select>
        </QuickField>
        <QuickField id="qa-org" label="Owner organisation" error={err("ownerOrganisationId")}>
          <select id="qa-org" className={controlClass} {...describedBy("qa-org", undefined, err("ownerOrganisationId"))} {...register("ownerOrganisationId")}>
            {organisationTree(organisations, [defaultOrganisationId]).map(({ organisation: o, depth }) => (
              <option key={o.id} value={o.id}>
                {"\u00a0\u00a0\u00a0".repeat(depth)}
                {organisationLabel(o)}
              </option>
            ))}
          </select>
        </QuickField>
        <QuickField id="qa-owner" label="Owner (optional)" error={err("ownerUserId")}>
          <select id="qa-owner" className={controlClass} {...describedBy("qa-owner", undefined, err("ownerUserId"))} {...register("ownerUserId", { setValueAs: emptyToNull })}>
            <option value="">Nobody in particular</option>
            {inOrg.length > 0 && (
              <optgroup label="In the owner organisation">
                {inOrg.map((p) => (
                  <option key={p.id} value={p.id}>
                    {personLabel(p)}
                  </option>
                ))}
              </optgroup>
            )}
            <optgroup label={inOrg.length ? "Everyone else" : "Everyone"}>
              {others.map((p) => (
                <option key={p.id} value={p.id}>
                  {personLabel(p)}
                </option>
              ))}
            </optgroup>
          </select>
        </QuickField>
        <QuickField id="qa-due" label="Due date (optional)" error={err("dueOn")}>
          <input id="qa-due" type="date" className={controlClass} {...describedBy("qa-due", undefined, err("dueOn"))} {...register("dueOn", { setValueAs: emptyToNull })} />
        </QuickField>
        <div className="flex items-end @md:col-span-2 @4xl:col-span-1 @4xl:pt-[1.375rem]">
          <Button type="submit" disabled={isSubmitting} className="w-full whitespace-nowrap py-1.5 @md:w-auto">
            <Plus aria-hidden className="size-4" />
            {isSubmitting ? "Adding…" : "Add follow-up"}
          </Button>
        </div>
      </div>
      <p role="status" className="min-h-5 text-sm text-emerald-800">
        {added && (
          <span className="inline-flex items-center gap-1">
            <Check aria-hidden className="size-4" />
            Added “{added}”
          </span>
        )}
      </p>
    </form>
  );
}

function QuickField({ id, label, error, children }: { id: string; label: string; error?: string; children: ReactNode }) {
  return (
    <div className="min-w-0 space-y-1">
      <label htmlFor={id} className="block text-xs font-semibold text-zinc-700">
        {label}
      </label>
      {children}
      <FieldError id={id} error={error} />
    </div>
  );
}

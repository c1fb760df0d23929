"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { UserAccountActions } from "@/components/admin/user-account-actions";
import { createUserAction, issuePasswordLinkAction, updateUserAction } from "@/app/(app)/admin/actions";
import { Button } from "@/components/ui/button";
import { Chip } from "@/components/ui/chip";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import { roles } from "@/db/enums";
import { FormActions, FormSummary } from "./form-bits";
import { useZodForm } from "@/components/ui/use-zod-form";

export type AdminUser = { id: string; name: string; email: string; organisationId: string; organisationLabel: string; role: (typeof roles)[number]; active: boolean; anonymised: boolean; version: number; sso: boolean };
export type OrgOption = { id: string; label: string; archived: boolean };

const fields = ["name", "email", "organisationId", "role"] as const;

/** The user form's labels, in the reader's language. */
function useLabels() {
  const t = useTranslations("admin.users");
  return { name: t("name"), email: t("email"), organisationId: t("organisation"), role: t("roleLabel") };
}

/** Users: create (with the one-time set-password link), change role and organisation, deactivate, reactivate. */
export function UserAdmin({ users, organisations, viewerId }: { users: AdminUser[]; organisations: OrgOption[]; viewerId: string }) {
  const t = useTranslations("admin.users");
  const tc = useTranslations("admin.common");
  const router = useRouter();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [link, setLink] = useState<{ name: string; path: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // Deactivating asks first, saying what follows; reactivating is harmless and stays one click.
  const [confirming, setConfirming] = useState<string | null>(null);

  async function toggleActive(u: AdminUser) {
    setBusy(true);
    const result = await updateUserAction({ id: u.id, patch: { active: !u.active, version: u.version } }).catch(() => null);
    setBusy(false);
    if (result?.ok) {
      setConfirming(null);
      router.refresh();
    } else toast.error(result?.fieldErrors?.active ?? result?.error ?? tc("unreachable"));
  }
  async function newLink(u: AdminUser) {
    setBusy(true);
    const result = await issuePasswordLinkAction({ id: u.id }).catch(() => null);
    setBusy(false);
    if (result?.ok) setLink({ name: u.name, path: result.data.setPasswordPath });
    else toast.error(result?.error ?? tc("unreachable"));
  }

  return (
    <div className="space-y-5">
      {link && <OneTimeLink name={link.name} path={link.path} onClose={() => setLink(null)} />}
      {adding ? (
        <section aria-labelledby="add-user-title" className="rounded-md border border-zinc-300 bg-white p-4">
          <h2 id="add-user-title" className="mb-3 font-semibold">
            {t("add")}
          </h2>
          <NewUserForm
            organisations={organisations.filter((o) => !o.archived)}
            onDone={(name, path) => {
              setAdding(false);
              setLink({ name, path });
            }}
            onCancel={() => setAdding(false)}
          />
        </section>
      ) : (
        <Button onClick={() => setAdding(true)}>{t("add")}</Button>
      )}
      <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 bg-white" aria-label={t("listLabel")}>
        {users.map((u) => (
          <li key={u.id}>
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2">
              <div className="min-w-0 flex-[1_1_16rem]">
                <span className={`font-medium ${u.active ? "text-zinc-900" : "text-zinc-600"}`}>{u.name}</span>
                <span className="ml-2 inline-flex gap-1 align-middle">
                  <Chip>{t("role", { role: u.role })}</Chip>
                  {u.sso && <Chip title={t("ssoTitle")}>{t("sso")}</Chip>}
                  {u.anonymised ? (
                    <Chip>{t("anonymised")}</Chip>
                  ) : (
                    !u.active && <Chip className="border-amber-700 bg-amber-50 text-amber-900">{t("deactivated")}</Chip>
                  )}
                </span>
                <div className="text-sm text-zinc-700">
                  {u.email} · {u.organisationLabel}
                </div>
              </div>
              <div className="-mx-2 flex min-w-0 flex-wrap gap-0.5">
                <Button variant="ghost" aria-expanded={editing === u.id} onClick={() => setEditing(editing === u.id ? null : u.id)} aria-label={t("changeName", { name: u.name })}>
                  {t("change")}
                </Button>
                {!u.anonymised && (
                  <Button variant="ghost" disabled={busy} onClick={() => (u.active ? setConfirming(confirming === u.id ? null : u.id) : toggleActive(u))} aria-expanded={u.active ? confirming === u.id : undefined} aria-label={t(u.active ? "deactivateName" : "reactivateName", { name: u.name })}>
                    {u.active ? t("deactivate") : t("reactivate")}
                  </Button>
                )}
                {u.active && (
                  <Button variant="ghost" disabled={busy} onClick={() => newLink(u)} aria-label={t("passwordLinkName", { name: u.name })}>
                    {t("passwordLink")}
                  </Button>
                )}
                <UserAccountActions user={u} self={u.id === viewerId} />
              </div>
            </div>
            {confirming === u.id && u.active && (
              <div role="group" aria-labelledby={`deactivate-${u.id}`} className="border-t border-amber-700 bg-amber-50 px-3 py-3 text-sm text-amber-950">
                <p id={`deactivate-${u.id}`} className="font-semibold">
                  {t("deactivateQuestion", { name: u.name })}
                </p>
                <p className="mt-1">
                  {t("deactivateExplain", { organisation: u.organisationLabel })}
                </p>
                <div className="mt-2 flex flex-wrap gap-2">
                  <Button variant="danger" disabled={busy} onClick={() => toggleActive(u)}>
                    {t("yesDeactivate")}
                  </Button>
                  <Button variant="ghost" onClick={() => setConfirming(null)}>
                    {tc("cancel")}
                  </Button>
                </div>
              </div>
            )}
            {editing === u.id && (
              <div className="border-t border-zinc-200 bg-zinc-50 px-3 py-4">
                <ChangeUserForm user={u} organisations={organisations.filter((o) => !o.archived || o.id === u.organisationId)} onDone={() => setEditing(null)} />
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function OneTimeLink({ name, path, onClose }: { name: string; path: string; onClose: () => void }) {
  const t = useTranslations("admin.users");
  const url = typeof window === "undefined" ? path : `${window.location.origin}${path}`;
  return (
    <section aria-labelledby="one-time-link-title" role="status" className="rounded-md border-2 border-accent-700 bg-white p-4">
      <h2 id="one-time-link-title" className="font-semibold">
        {t("linkTitle", { name })}
      </h2>
      <p className="mt-1 text-sm text-zinc-700">{t("linkExplain", { name })}</p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <label htmlFor="one-time-link" className="sr-only">
          {t("linkLabel")}
        </label>
        <input id="one-time-link" readOnly value={url} className={`${inputClass} min-w-0 flex-1 font-mono text-sm`} onFocus={(e) => e.currentTarget.select()} />
        <Button variant="secondary" onClick={() => navigator.clipboard?.writeText(url).then(() => toast.success(t("copied")), () => toast.error(t("copyFailed")))}>
          {t("copy")}
        </Button>
        <Button variant="ghost" onClick={onClose}>
          {t("done")}
        </Button>
      </div>
    </section>
  );
}

function NewUserForm({ organisations, onDone, onCancel }: { organisations: OrgOption[]; onDone: (name: string, path: string) => void; onCancel: () => void }) {
  const t = useTranslations("admin.users");
  const labels = useLabels();
  const prefix = "new-user";
  const { form, onSubmit, summaryRef, formError, errorOf } = useZodForm({
    schema: () => import("@/lib/validation/users").then((m) => m.userInput),
    fields,
    defaultValues: { name: "", email: "", organisationId: organisations[0]?.id ?? "", role: "staff" },
    submit: (values) => createUserAction(values),
    onDone: (data) => onDone(data.name, data.setPasswordPath),
  });
  const id = (f: string) => `${prefix}-${f}`;
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-3xl space-y-4">
      <FormSummary prefix={prefix} labels={labels} errorOf={errorOf} formError={formError} summaryRef={summaryRef} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={id("name")} label={labels.name} error={errorOf("name")}>
          <input id={id("name")} type="text" autoComplete="off" className={inputClass} {...describedBy(id("name"), undefined, errorOf("name"))} {...form.register("name")} />
        </Field>
        <Field id={id("email")} label={labels.email} error={errorOf("email")}>
          <input id={id("email")} type="email" autoComplete="off" className={inputClass} {...describedBy(id("email"), undefined, errorOf("email"))} {...form.register("email")} />
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
        <OrgSelect id={id("organisationId")} organisations={organisations} error={errorOf("organisationId")} register={form.register("organisationId")} />
        <RoleSelect id={id("role")} error={errorOf("role")} register={form.register("role")} />
      </div>
      <FormActions submitting={form.formState.isSubmitting} label={t("submitAdd")} busyLabel={t("adding")} onCancel={onCancel} />
    </form>
  );
}

const changeFields = ["organisationId", "role"] as const;

function ChangeUserForm({ user, organisations, onDone }: { user: AdminUser; organisations: OrgOption[]; onDone: () => void }) {
  const tc = useTranslations("admin.common");
  const { organisationId, role } = useLabels();
  const changeLabels = { organisationId, role };
  const prefix = `edit-${user.id.slice(0, 8)}`;
  const { form, onSubmit, summaryRef, formError, errorOf } = useZodForm({
    schema: () => import("@/lib/validation/users").then((m) => m.userPatch),
    fields: changeFields,
    defaultValues: { organisationId: user.organisationId, role: user.role, version: user.version },
    submit: (patch) => updateUserAction({ id: user.id, patch }),
    onDone: () => {
      onDone();
    },
  });
  const id = (f: string) => `${prefix}-${f}`;
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-3xl space-y-4">
      <FormSummary prefix={prefix} labels={changeLabels} errorOf={errorOf} formError={formError} summaryRef={summaryRef} />
      <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
        <OrgSelect id={id("organisationId")} organisations={organisations} error={errorOf("organisationId")} register={form.register("organisationId")} />
        <RoleSelect id={id("role")} error={errorOf("role")} register={form.register("role")} />
      </div>
      <div className="flex gap-2">
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? tc("saving") : tc("saveChanges")}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          {tc("cancel")}
        </Button>
      </div>
    </form>
  );
}

type Registered = ReturnType<ReturnType<typeof useZodForm>["form"]["register"]>;

function OrgSelect({ id, organisations, error, register }: { id: string; organisations: OrgOption[]; error?: string; register: Registered }) {
  const t = useTranslations("admin.users");
  const tc = useTranslations("admin.common");
  return (
    <Field id={id} label={t("organisation")} error={error}>
      <select id={id} className={inputClass} {...describedBy(id, undefined, error)} {...register}>
        {organisations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
            {o.archived ? tc("archivedSuffix") : ""}
          </option>
        ))}
      </select>
    </Field>
  );
}

function RoleSelect({ id, error, register }: { id: string; error?: string; register: Registered }) {
  const t = useTranslations("admin.users");
  return (
    <Field id={id} label={t("roleLabel")} error={error}>
      <select id={id} className={inputClass} {...describedBy(id, undefined, error)} {...register}>
        {roles.map((r) => (
          <option key={r} value={r}>
            {t("role", { role: r })}
          </option>
        ))}
      </select>
    </Field>
  );
}

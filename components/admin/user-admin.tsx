"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { createUserAction, issuePasswordLinkAction, updateUserAction } from "@/app/(app)/admin/actions";
import { Button } from "@/components/ui/button";
import { Chip } from "@/components/ui/chip";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import { roles } from "@/db/enums";
import { FormActions, FormSummary } from "./form-bits";
import { useAdminForm } from "./use-admin-form";

export type AdminUser = { id: string; name: string; email: string; organisationId: string; organisationLabel: string; role: (typeof roles)[number]; active: boolean; version: number; sso: boolean };
export type OrgOption = { id: string; label: string; archived: boolean };

const roleLabels = { staff: "Staff", manager: "Manager", admin: "Admin" } as const;
const labels = { name: "Name", email: "E-mail address", organisationId: "Organisation", role: "Role" } as const;

/** Users: create (with the one-time set-password link), change role and organisation, deactivate, reactivate. */
export function UserAdmin({ users, organisations }: { users: AdminUser[]; organisations: OrgOption[] }) {
  const router = useRouter();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [link, setLink] = useState<{ name: string; path: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function toggleActive(u: AdminUser) {
    setBusy(true);
    const result = await updateUserAction({ id: u.id, patch: { active: !u.active, version: u.version } }).catch(() => null);
    setBusy(false);
    if (result?.ok) {
      router.refresh();
    } else toast.error(result?.fieldErrors?.active ?? result?.error ?? "Could not reach the server. Try again.");
  }
  async function newLink(u: AdminUser) {
    setBusy(true);
    const result = await issuePasswordLinkAction({ id: u.id }).catch(() => null);
    setBusy(false);
    if (result?.ok) setLink({ name: u.name, path: result.data.setPasswordPath });
    else toast.error(result?.error ?? "Could not reach the server. Try again.");
  }

  return (
    <div className="space-y-5">
      {link && <OneTimeLink name={link.name} path={link.path} onClose={() => setLink(null)} />}
      {adding ? (
        <section aria-labelledby="add-user-title" className="rounded-md border border-zinc-300 bg-white p-4">
          <h2 id="add-user-title" className="mb-3 font-semibold">
            Add a user
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
        <Button onClick={() => setAdding(true)}>Add a user</Button>
      )}
      <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 bg-white" aria-label="Users">
        {users.map((u) => (
          <li key={u.id}>
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2">
              <div className="min-w-0 flex-[1_1_16rem]">
                <span className={`font-medium ${u.active ? "text-zinc-900" : "text-zinc-600"}`}>{u.name}</span>
                <span className="ml-2 inline-flex gap-1 align-middle">
                  <Chip>{roleLabels[u.role]}</Chip>
                  {u.sso && <Chip title="Signs in with single sign-on">SSO</Chip>}
                  {!u.active && <Chip className="border-amber-700 bg-amber-50 text-amber-900">Deactivated</Chip>}
                </span>
                <div className="text-sm text-zinc-700">
                  {u.email} · {u.organisationLabel}
                </div>
              </div>
              <div className="-mx-2 flex shrink-0 flex-wrap gap-0.5">
                <Button variant="ghost" aria-expanded={editing === u.id} onClick={() => setEditing(editing === u.id ? null : u.id)} aria-label={`Change role or organisation of ${u.name}`}>
                  Change…
                </Button>
                <Button variant="ghost" disabled={busy} onClick={() => toggleActive(u)} aria-label={`${u.active ? "Deactivate" : "Reactivate"} ${u.name}`}>
                  {u.active ? "Deactivate" : "Reactivate"}
                </Button>
                {u.active && (
                  <Button variant="ghost" disabled={busy} onClick={() => newLink(u)} aria-label={`New set-password link for ${u.name}`}>
                    Password link
                  </Button>
                )}
              </div>
            </div>
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
  const url = typeof window === "undefined" ? path : `${window.location.origin}${path}`;
  return (
    <section aria-labelledby="one-time-link-title" role="status" className="rounded-md border-2 border-accent-700 bg-white p-4">
      <h2 id="one-time-link-title" className="font-semibold">
        Set-password link for {name}
      </h2>
      <p className="mt-1 text-sm text-zinc-700">Send this link to {name}. It works once, for 7 days, and is not shown again.</p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <label htmlFor="one-time-link" className="sr-only">
          Set-password link
        </label>
        <input id="one-time-link" readOnly value={url} className={`${inputClass} min-w-0 flex-1 font-mono text-sm`} onFocus={(e) => e.currentTarget.select()} />
        <Button variant="secondary" onClick={() => navigator.clipboard?.writeText(url).then(() => toast.success("Link copied."), () => toast.error("Could not copy; select the link and copy it."))}>
          Copy
        </Button>
        <Button variant="ghost" onClick={onClose}>
          Done
        </Button>
      </div>
    </section>
  );
}

function NewUserForm({ organisations, onDone, onCancel }: { organisations: OrgOption[]; onDone: (name: string, path: string) => void; onCancel: () => void }) {
  const prefix = "new-user";
  const { form, onSubmit, summaryRef, formError, errorOf } = useAdminForm({
    schema: () => import("@/lib/validation/users").then((m) => m.userInput),
    fields: Object.keys(labels),
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
      <FormActions submitting={form.formState.isSubmitting} label="Add user" busyLabel="Adding…" onCancel={onCancel} />
    </form>
  );
}

const changeLabels = { organisationId: "Organisation", role: "Role" } as const;

function ChangeUserForm({ user, organisations, onDone }: { user: AdminUser; organisations: OrgOption[]; onDone: () => void }) {
  const prefix = `edit-${user.id.slice(0, 8)}`;
  const { form, onSubmit, summaryRef, formError, errorOf } = useAdminForm({
    schema: () => import("@/lib/validation/users").then((m) => m.userPatch),
    fields: Object.keys(changeLabels),
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
          {form.formState.isSubmitting ? "Saving…" : "Save changes"}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

type Registered = ReturnType<ReturnType<typeof useAdminForm>["form"]["register"]>;

function OrgSelect({ id, organisations, error, register }: { id: string; organisations: OrgOption[]; error?: string; register: Registered }) {
  return (
    <Field id={id} label="Organisation" error={error}>
      <select id={id} className={inputClass} {...describedBy(id, undefined, error)} {...register}>
        {organisations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
            {o.archived ? " (archived)" : ""}
          </option>
        ))}
      </select>
    </Field>
  );
}

function RoleSelect({ id, error, register }: { id: string; error?: string; register: Registered }) {
  return (
    <Field id={id} label="Role" error={error}>
      <select id={id} className={inputClass} {...describedBy(id, undefined, error)} {...register}>
        {roles.map((r) => (
          <option key={r} value={r}>
            {roleLabels[r]}
          </option>
        ))}
      </select>
    </Field>
  );
}

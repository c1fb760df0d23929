import type { Namespace } from "./catalogue";

/**
 * The catalogue namespaces each part of the app passes to its client components
 * (NextIntlClientProvider in app/(app)/layout.tsx and app/(auth)/layout.tsx). A client component that
 * calls useTranslations("x") needs "x" here; server components read the whole catalogue on the server
 * and ship none of it. Keep these lists short: every page of that part downloads them.
 */
export const signedInNamespaces = ["app", "shell", "language", "errors", "validation", "format", "form", "ui", "search", "shortcuts", "live", "inbox", "savedViews", "attachments", "mentions", "board", "bulkEdit", "conflict"] as const satisfies readonly Namespace[];
export const signedOutNamespaces = ["auth", "errors", "validation", "form", "setPassword"] as const satisfies readonly Namespace[];
/** The admin pages' client components (app/(app)/admin/layout.tsx): everything signed-in pages get, plus "admin" (and "profile" for the API tokens panel on the integrations page). */
export const adminNamespaces = [...signedInNamespaces, "admin", "profile"] as const satisfies readonly Namespace[];
/** The meeting pages' client components (app/(app)/meetings/layout.tsx): the meeting form, the quick-add row, the minutes box. */
export const meetingNamespaces = [...signedInNamespaces, "meetingForm", "meetingPage"] as const satisfies readonly Namespace[];
/** A meeting's pages (app/(app)/meetings/[meetingId]/layout.tsx, inside the one above, whose messages it replaces): plus the agenda editor. */
export const agendaNamespaces = [...meetingNamespaces, "agenda"] as const satisfies readonly Namespace[];
/** "Log a meeting" (app/(app)/meetings/new/layout.tsx): plus the draft review. */
export const meetingDraftNamespaces = [...meetingNamespaces, "meetingDraft"] as const satisfies readonly Namespace[];
/** The follow-up pages' client components (app/(app)/follow-ups/layout.tsx): the forms, the status control, the table. */
export const followUpNamespaces = [...signedInNamespaces, "followUps"] as const satisfies readonly Namespace[];
/** The profile page's client components (app/(app)/profile/layout.tsx). */
export const profileNamespaces = [...signedInNamespaces, "profile"] as const satisfies readonly Namespace[];

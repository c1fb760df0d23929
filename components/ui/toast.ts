"use client";

/**
 * Toasts (sonner), loaded when the first one is shown rather than with every page: sonner and its
 * styles are ~13 kB of gzip JavaScript that no page needs before someone has done something. The
 * Toaster (components/providers.tsx) loads after the page too, and shows a toast made before it.
 */
type Sonner = typeof import("sonner");
let sonner: Promise<Sonner> | undefined;
const load = () => (sonner ??= import("sonner"));

type Toast = Sonner["toast"];
export const toast = Object.assign((...args: Parameters<Toast>) => void load().then((m) => m.toast(...args)), {
  success: (...args: Parameters<Toast["success"]>) => void load().then((m) => m.toast.success(...args)),
  error: (...args: Parameters<Toast["error"]>) => void load().then((m) => m.toast.error(...args)),
});

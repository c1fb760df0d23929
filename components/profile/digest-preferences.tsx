import type { Viewer } from "@/lib/policy";

/** Profile section: E-mail reminders (filled in by its feature). */
export async function DigestPreferences({ viewer }: { viewer: Viewer }) {
  void viewer;
  return null;
}

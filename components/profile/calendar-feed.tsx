import type { Viewer } from "@/lib/policy";

/** Profile section: Calendar feed (filled in by its feature). */
export async function CalendarFeed({ viewer }: { viewer: Viewer }) {
  void viewer;
  return null;
}

import "server-only";
import { forbidden } from "@/lib/errors";
import { vm } from "@/lib/i18n/validation";
import { can, type Viewer } from "@/lib/policy";

/** The reference lists, users and the whole audit trail are the admins' alone (403 for everyone else). */
export function assertAdmin(viewer: Viewer) {
  if (!can(viewer, "reference:edit")) throw forbidden("admin", vm("adminOnly"));
}

import { listAttachments, toAttachmentJson } from "@/db/queries/attachments";
import { postAttachment } from "@/server/attachments/http";
import { apiRoute, uuidParam } from "@/server/api";

type P = { followUpId: string };
const target = (p: P) => ({ type: "follow_up" as const, id: uuidParam(p.followUpId, "follow_up") });

export const GET = apiRoute<P>(async ({ db, viewer, params }) => ({ items: (await listAttachments(db, viewer, target(params))).map(toAttachmentJson) }));

export const POST = apiRoute<P>(async ({ req, db, viewer, params }) => postAttachment(req, db, viewer, target(params)), { status: 201, maxBody: "own" });

import { NextRequest } from "next/server";
import { errorResponse } from "@/server/api";
import { handlers } from "@/server/auth";
import { bodyLimits, limitBody } from "@/server/body-limits";

export const { GET } = handlers;

/** Sign-in and sign-out forms: anonymous, so the smallest body limit, refused before Auth.js parses anything. */
export async function POST(req: NextRequest) {
  try {
    return await handlers.POST(await limitBody(req, bodyLimits.anonymous, (body) => new NextRequest(req.url, { method: req.method, headers: req.headers, body })));
  } catch (e) {
    return errorResponse(e);
  }
}

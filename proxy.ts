import { type NextRequest, NextResponse } from "next/server";

/**
 * A courtesy only: sends a visitor without a session cookie to the sign-in page, keeping the
 * path they wanted. Every page, action and API route still checks the session and the policy.
 */
export function proxy(req: NextRequest) {
  const hasSession = req.cookies.has("authjs.session-token") || req.cookies.has("__Secure-authjs.session-token");
  if (hasSession) return NextResponse.next();
  const url = req.nextUrl.clone();
  const callbackUrl = req.nextUrl.pathname + req.nextUrl.search;
  url.pathname = "/signin";
  url.search = callbackUrl === "/" ? "" : `?callbackUrl=${encodeURIComponent(callbackUrl)}`;
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ["/((?!api/|_next/|signin|favicon.ico|icon.svg|robots.txt).*)"],
};

import { type NextRequest, NextResponse } from "next/server";

/**
 * Two courtesies, no access control (every page, action and API route checks the session and the
 * policy itself):
 * - a Content-Security-Policy with a fresh nonce per page, which Next puts on its own scripts, so
 *   no inline script without it runs and nothing needs 'unsafe-eval' in production;
 * - a visitor without a session cookie is sent to the sign-in page, keeping the path they wanted.
 */
export function proxy(req: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${process.env.NODE_ENV === "production" ? "" : " 'unsafe-eval'"}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");

  const { pathname, search } = req.nextUrl;
  const hasSession = req.cookies.has("authjs.session-token") || req.cookies.has("__Secure-authjs.session-token");
  if (!hasSession && !isPublic(pathname)) {
    const url = req.nextUrl.clone();
    const callbackUrl = pathname + search;
    url.pathname = "/signin";
    url.search = callbackUrl === "/" ? "" : `?callbackUrl=${encodeURIComponent(callbackUrl)}`;
    return NextResponse.redirect(url);
  }
  const headers = new Headers(req.headers);
  headers.set("x-nonce", nonce);
  headers.set("x-pathname", pathname); // for the audit trail of a refused page (never the client's own value)
  headers.set("content-security-policy", csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("content-security-policy", csp);
  return res;
}

const isPublic = (pathname: string) =>
  pathname === "/signin" || pathname === "/signin/refused" || pathname.startsWith("/set-password/") || pathname === "/unsubscribe";

export const config = {
  // Pages only: the API, static files and prefetches get their headers from next.config.js.
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|robots.txt|manifest.webmanifest).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};

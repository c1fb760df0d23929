// @ts-check
// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS
const createNextIntlPlugin = require("next-intl/plugin");

// next-intl without i18n routing: the locale comes from i18n/request.ts (the user, a cookie, Accept-Language).
const withNextIntl = createNextIntlPlugin("./i18n/request.ts");
/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WebAssembly and data files that must be loaded from node_modules, not bundled;
  // pdfkit reads its standard fonts (.afm) from its own folder at run time; the draft reader's English model
  // (wink-eng-lite-web-model, a few megabytes) loads once from node_modules rather than into every server chunk.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres", "drizzle-orm", "pdfkit", "wink-nlp", "wink-eng-lite-web-model"],
  poweredByHeader: false,
  typedRoutes: false,
  // forbidden() from next/navigation: the admin pages answer 403 with app/(app)/forbidden.tsx.
  experimental: { authInterrupts: true },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
          ...(process.env.NODE_ENV === "production" ? [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }] : []),
        ],
      },
      // Pages get a nonce-based policy from proxy.ts; JSON and files may load nothing and be framed by no one.
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
      // A document opened inline (PDF, image) is sandboxed: nothing in it runs with the tracker's origin.
      // (The later rule wins for the same header.)
      { source: "/api/v1/attachments/:attachmentId", headers: [{ key: "Content-Security-Policy", value: "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'none'" }] },
    ];
  },
};
module.exports = withNextIntl(nextConfig);

import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import i18next from "eslint-plugin-i18next";
import regexp from "eslint-plugin-regexp";

/**
 * The layers, by where code runs:
 *   lib/        pure modules (policy, validation, errors, formatting, drafts): importable from anywhere;
 *   db/         schema and queries: server only;
 *   server/     server glue (session, auth, api and action wrappers, audit, mail, webhooks, exports);
 *   components/ UI: receives data, never fetches it; imports only types from db/;
 *   app/        routes and pages: the only place that joins them up.
 */
const serverOnly = { group: ["server-only", "node:*"], message: "Server-only code stays out of this layer." };
const serverGlue = { group: ["@/server/*", "@/server/**"], message: "server/ is server glue: only app/ (and server/ itself) may import it." };
const dbRuntime = {
  group: ["@/db/*", "@/db/**", "!@/db/enums"],
  allowTypeImports: true,
  message: "Only types (and the enums in db/enums) cross from db/ into this layer: pages load data and pass it down.",
};
const upward = { group: ["@/components/*", "@/components/**", "@/app/*", "@/app/**"], message: "Lower layers never import components/ or app/." };

/** A "use client" file never imports server-only code (the server folders, or node built-ins), except types. */
const clientBoundary = {
  meta: { type: "problem", schema: [], messages: { server: '"use client" file imports server-only {{source}}; pass the data as props or call the API instead.' } },
  create(context) {
    let client = false;
    const serverSource = (s) => s === "server-only" || s.startsWith("node:") || s.startsWith("@/server/") || (s.startsWith("@/db/") && s !== "@/db/enums");
    return {
      Program(node) {
        client = node.body.some((s) => s.type === "ExpressionStatement" && s.directive === "use client");
      },
      ImportDeclaration(node) {
        if (!client || node.importKind === "type") return;
        if (node.specifiers.length > 0 && node.specifiers.every((s) => s.type === "ImportSpecifier" && s.importKind === "type")) return;
        const source = String(node.source.value);
        if (serverSource(source)) context.report({ node, messageId: "server", data: { source } });
      },
    };
  },
};

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", "node_modules/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  { rules: { "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }] } },
  // ReDoS: no regular expression may backtrack super-linearly (a signed-in request once stalled the server for seconds).
  {
    plugins: { regexp },
    rules: {
      "regexp/no-super-linear-backtracking": ["error", { report: "potential" }],
      "regexp/no-super-linear-move": ["error", { report: "potential" }],
      "regexp/no-misleading-capturing-group": "error",
    },
  },
  // Layers (see the comment at the top).
  {
    files: ["**/*.ts", "**/*.tsx", "**/*.mts"],
    plugins: { layers: { rules: { "client-boundary": clientBoundary } } },
    settings: { "import/ignore": ["node_modules"] },
    rules: {
      "layers/client-boundary": "error",
      "import/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  { files: ["components/**"], rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [serverGlue, dbRuntime, serverOnly] }] } },
  { files: ["lib/**"], rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [serverGlue, dbRuntime, serverOnly, upward] }] } },
  {
    files: ["db/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            upward,
            {
              group: ["@/server/actions", "@/server/api", "@/server/session", "@/server/auth", "@/server/sso", "@/server/sign-in", "@/server/briefing", "@/server/event-stream", "@/server/audit", "@/server/reminders/run", "@/server/reminders/schedule", "@/server/export/*", "@/server/webhooks/deliver"],
              message: "db/ sits below the server glue: queries never import the request wrappers, session or runners.",
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      "app/layout.tsx",
      "app/not-found.tsx",
      "app/forbidden.tsx",
      "app/(auth)/**/*.tsx",
      "app/(app)/layout.tsx",
      "app/(app)/not-found.tsx",
      "app/(app)/forbidden.tsx",
      "app/(app)/profile/page.tsx",
      "components/i18n/**/*.tsx",
      "components/shell/shell.tsx",
      "components/ui/field.tsx",
      "components/ui/file-input.tsx",
      "components/ui/searchable-checklist.tsx",
      "components/live/changed-under.tsx",
      "components/admin/removed-documents.tsx",
      // The meetings: list, page, form, quick-add, minutes box, briefing; the @mention list.
      "app/(app)/meetings/**/*.tsx",
      "components/meetings/{meeting-form,meeting-form-groups,meeting-conflict-notice,meeting-summary-field,quick-add-follow-up,co-chairs,meeting-filters,meeting-list-row,meeting-follow-up-row,new-meeting,summary-bar,markdown,minutes-downloads,follow-up-quick-update}.tsx",
      "components/continuity/**/*.tsx",
      "components/mentions/**/*.tsx",
      // The agenda and the draft review.
      "components/meetings/agenda-editor.tsx",
      "components/meetings/agenda-item-form.tsx",
      "components/meetings/agenda-item-view.tsx",
      "components/meetings/agenda-rows.tsx",
      "components/meetings/carry-over-panel.tsx",
      "components/meetings/draft-evidence.tsx",
      "components/meetings/draft-follow-ups.tsx",
      "components/meetings/draft-review.tsx",
      "components/meetings/meeting-draft.tsx",
      "components/meetings/outcome-form.tsx",
      "app/(app)/board/**/*.tsx",
      "components/board/**/*.tsx",
      "components/follow-ups/bulk-edit-bar.tsx",
      "components/follow-ups/conflict-notice.tsx",
      "components/shell/global-search.tsx",
      "app/(app)/follow-ups/**/*.tsx",
      "app/(app)/my-follow-ups/**/*.tsx",
      "components/follow-ups/column-chooser.tsx",
      "components/follow-ups/comment-form.tsx",
      "components/follow-ups/comment-list.tsx",
      "components/follow-ups/due-date.tsx",
      "components/follow-ups/follow-up-editor.tsx",
      "components/follow-ups/follow-up-form.tsx",
      "components/follow-ups/follow-up-list-item.tsx",
      "components/follow-ups/follow-ups-table.tsx",
      "components/follow-ups/history.tsx",
      "components/follow-ups/import-wizard.tsx",
      "components/follow-ups/new-follow-up-form.tsx",
      "components/follow-ups/status-badge.tsx",
      "components/follow-ups/status-control.tsx",
      "components/admin/set-password-form.tsx",
      "components/profile/**/*.tsx",
    ],
    plugins: { i18next },
    rules: {
      "i18next/no-literal-string": [
        "error",
        {
          mode: "jsx-only",
          "jsx-attributes": {
            exclude: [
              "className", "style", "type", "key", "id", "href", "src", "rel", "target", "variant", "size", "name", "htmlFor", "role", "method", "autoComplete",
              "inputMode", "accept", "lang", "value", "placement", "position", "viewBox", "d", "fill", "stroke", "strokeWidth", "strokeLinecap", "strokeLinejoin", "rx",
              "width", "height", "tabIndex", "aria-controls", "aria-labelledby", "aria-describedby", "aria-live", "aria-current", "aria-hidden", "aria-expanded", "namespaces", "timeZone", "mode", "kind", "path",
            ],
          },
          // A translator (t, tApp, t.rich), the translation hooks and the aria helpers take keys, not text;
          // so do react-hook-form's field names (register, setFocus, setError, err, selectField) and a draft field's evidence key.
          callees: { exclude: ["t(\\w*)?", "t\\w*\\.(rich|markup|has)", "(use|get)Translations", "describedBy", "\\w+DescribedBy", "require", "includes", "startsWith", "endsWith", "indexOf", "register", "setFocus", "setError", "err", "errorOf", "selectField", "evidence"] },
          words: { exclude: ["[0-9!-/:-@[-`{-~·–—…]+", "[A-Z_-]+"] },
        },
      ],
    },
  },
];
export default config;

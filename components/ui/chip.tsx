import type { ReactNode } from "react";

/** A quiet label for a priority area or an organisation; `title` gives the full name on hover. */
export function Chip({ children, title, className = "" }: { children: ReactNode; title?: string; className?: string }) {
  // Colours given in className replace the quiet default (both in one class list would leave the winner to CSS order).
  const colours = /(^|\s)bg-/.test(className) ? "" : "border-zinc-300 bg-zinc-100 text-zinc-700";
  return (
    <span title={title} className={`inline-flex max-w-full items-center truncate rounded border px-1.5 py-0.5 text-xs font-medium ${colours} ${className}`}>
      {children}
    </span>
  );
}

/** An acronym with its full name for hover and screen readers. */
export function OrgName({ acronym, name }: { acronym: string | null; name: string }) {
  if (!acronym) return <>{name}</>;
  return (
    <abbr title={name} className="no-underline">
      {acronym}
    </abbr>
  );
}

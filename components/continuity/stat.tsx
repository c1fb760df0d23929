import Link from "next/link";
import type { ReactNode } from "react";

/**
 * One headline figure (inside a <dl>); `loud` turns it red, for overdue counts; `href` makes the
 * number a link to the rows it counts.
 */
export function Stat({ term, children, note, loud, href }: { term: string; children: ReactNode; note?: ReactNode; loud?: boolean; href?: string }) {
  return (
    <div className="rounded-lg border border-zinc-200 bg-white px-4 py-3 print:py-2">
      <dt className="text-xs font-semibold text-zinc-600">{term}</dt>
      <dd className={`mt-1 text-2xl font-semibold tabular-nums ${loud ? "text-red-700" : ""}`}>
        {href ? (
          <Link href={href} className="text-inherit underline decoration-zinc-300 decoration-2 underline-offset-4 hover:decoration-current print:no-underline">
            {children}
          </Link>
        ) : (
          children
        )}
        {note && <span className={`ml-2 text-sm ${loud ? "font-semibold" : "font-normal text-zinc-600"}`}>{note}</span>}
      </dd>
    </div>
  );
}

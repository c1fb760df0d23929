import type { ReactNode } from "react";

/**
 * The top bar: the page title and its one primary action. `wide` lines it up with a page that
 * uses the whole width (the board, the table) instead of the centred column.
 */
export function PageHeader({ title, children, description, wide = false }: { title: string; description?: ReactNode; children?: ReactNode; wide?: boolean }) {
  return (
    <header className="border-b border-zinc-200 bg-white">
      <div className={`${wide ? "" : "mx-auto max-w-6xl"} flex flex-wrap items-center justify-between gap-3 px-4 py-4 md:px-8`}>
        <div className="min-w-0">
          <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
          {description && <div className="mt-0.5 text-sm text-zinc-600">{description}</div>}
        </div>
        {children && <div className="flex flex-wrap items-center gap-2">{children}</div>}
      </div>
    </header>
  );
}

export function PageBody({ children }: { children: ReactNode }) {
  return <div className="mx-auto max-w-6xl px-4 py-6 md:px-8">{children}</div>;
}

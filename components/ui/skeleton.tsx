/** Grey blocks shaped like the content that is loading: never a blank page or a layout jump. */
export function Skeleton({ className = "" }: { className?: string }) {
  return <div aria-hidden className={`animate-pulse rounded bg-zinc-200 ${className}`} />;
}

export function PageSkeleton({ rows = 6, label }: { rows?: number; label: string }) {
  return (
    <div role="status" aria-label={label}>
      <div className="border-b border-zinc-200 bg-white">
        <div className="mx-auto max-w-6xl px-4 py-5 md:px-8">
          <Skeleton className="h-6 w-56" />
          <Skeleton className="mt-2 h-4 w-80 max-w-full" />
        </div>
      </div>
      <div className="mx-auto max-w-6xl space-y-3 px-4 py-6 md:px-8">
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="flex items-start gap-4 rounded-lg border border-zinc-200 bg-white p-4">
            <Skeleton className="h-5 w-20" />
            <div className="flex-1 space-y-2">
              <Skeleton className="h-4 w-3/4" />
              <Skeleton className="h-3 w-1/3" />
            </div>
            <Skeleton className="h-4 w-24" />
          </div>
        ))}
      </div>
    </div>
  );
}

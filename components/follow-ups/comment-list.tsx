import { formatDateTime } from "@/lib/format";

export type CommentRow = { id: string; authorName: string; body: string; createdAt: string };

/** Comments, oldest first; the body is plain text (escaped by React), its line breaks kept. */
export function CommentList({ comments }: { comments: CommentRow[] }) {
  if (!comments.length) return <p className="text-sm text-zinc-600">No comments yet.</p>;
  return (
    <ol className="space-y-3">
      {comments.map((c) => (
        <li key={c.id} className="rounded-md border border-zinc-200 bg-white px-3 py-2.5">
          <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
            <span className="font-semibold text-zinc-900">{c.authorName}</span>
            <time dateTime={c.createdAt} className="text-xs text-zinc-600">
              {formatDateTime(c.createdAt)}
            </time>
          </p>
          <p className="mt-1 whitespace-pre-wrap break-words text-[15px] text-zinc-800">{c.body}</p>
        </li>
      ))}
    </ol>
  );
}

import { Paperclip } from "lucide-react";
import { useTranslations } from "next-intl";
import { LocalTime } from "@/components/ui/local-time";

export type CommentRow = { id: string; authorName: string; body: string; createdAt: string; mentionedNames?: string[]; attachmentIds?: string[] };
type DocumentLink = { id: string; name: string; url: string };

/** Comments, oldest first; the body is plain text (escaped by React), its line breaks kept. */
export function CommentList({ comments, documents }: { comments: CommentRow[]; documents?: DocumentLink[] }) {
  const t = useTranslations("followUps");
  const byId = new Map((documents ?? []).map((d) => [d.id, d]));
  if (!comments.length) return <p className="text-sm text-zinc-600">{t("noComments")}</p>;
  return (
    <ol className="space-y-3">
      {comments.map((c) => (
        <li key={c.id} id={`comment-${c.id}`} tabIndex={-1} className="scroll-mt-4 rounded-md border border-zinc-200 bg-white px-3 py-2.5 target:ring-2 target:ring-accent-700">
          <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
            <span className="font-semibold text-zinc-900">{c.authorName}</span>
            <LocalTime at={c.createdAt} className="text-xs text-zinc-600" />
          </p>
          <p className="mt-1 whitespace-pre-wrap break-words text-[15px] text-zinc-800">{c.body}</p>
          {/* A mention is the person's name, linking nowhere. */}
          {c.mentionedNames && c.mentionedNames.length > 0 && <p className="mt-1 text-xs text-zinc-600">{t("mentioned", { names: c.mentionedNames.join(", ") })}</p>}
          {!!c.attachmentIds?.length && (
            <ul className="mt-1 flex flex-wrap gap-x-3 text-sm" aria-label={t("attachedDocuments")}>
              {c.attachmentIds.map((id) => byId.get(id)).filter((d): d is DocumentLink => !!d).map((d) => (
                <li key={d.id}>
                  <a href={d.url} target="_blank" rel="noopener noreferrer" className="inline-flex items-center gap-1">
                    <Paperclip aria-hidden className="size-3.5 shrink-0" />
                    {d.name}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}

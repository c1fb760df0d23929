import { PageBody, PageHeader } from "@/components/shell/page";
import { ButtonLink } from "@/components/ui/button";

/** Also what a record one may not see answers: its existence does not leak. */
export default function NotFound() {
  return (
    <>
      <PageHeader title="Not found" />
      <PageBody>
        <div className="max-w-xl space-y-4">
          <p>We could not find that page. It may have been removed, the link may be wrong, or you may not have access to it.</p>
          <div className="flex flex-wrap gap-2">
            <ButtonLink href="/my-follow-ups">My follow-ups</ButtonLink>
            <ButtonLink href="/meetings" variant="secondary">
              Meetings
            </ButtonLink>
          </div>
        </div>
      </PageBody>
    </>
  );
}

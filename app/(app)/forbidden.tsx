import type { Metadata } from "next";
import { PageBody, PageHeader } from "@/components/shell/page";
import { ButtonLink } from "@/components/ui/button";

export const metadata: Metadata = { title: "Only admins can open this page" };

/** What forbidden() answers (HTTP 403) inside the app: today, a non-admin on an admin page. */
export default function Forbidden() {
  return (
    <>
      <PageHeader title="Only admins can open this page" />
      <PageBody>
        <div className="max-w-xl space-y-4">
          <p>
            Organisations, priority areas, meeting series, users and the audit trail are kept by the admins. If something in those lists is wrong or missing, ask an admin to
            change it.
          </p>
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

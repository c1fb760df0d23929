import { getTranslations } from "next-intl/server";
import { PageSkeleton } from "@/components/ui/skeleton";

// In the (list) group so that it wraps the list only: a loading boundary above a record page
// would stream a 200 before notFound() could answer 404 for a meeting one may not see.
export default async function Loading() {
  const t = await getTranslations("meetings");
  return <PageSkeleton label={t("loading")} />;
}

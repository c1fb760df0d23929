"use client";

import { Printer } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** Opens the browser's print dialog; "Save as PDF" there gives the PDF. */
export function PrintButton() {
  const t = useTranslations("ui");
  return (
    <Button variant="secondary" onClick={() => window.print()}>
      <Printer aria-hidden className="size-4" />
      {t("print")}
    </Button>
  );
}

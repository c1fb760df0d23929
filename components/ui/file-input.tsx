"use client";

import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import { buttonClass } from "./button";

/**
 * A file input in the reader's language: the browser draws its own "Choose Files" and "No file chosen" in
 * the browser's language, not the one chosen here. The input stays, visually hidden but focusable and
 * labelled by its field's label (or aria-label); a label drawn as a button opens it and shows its keyboard
 * focus (peer-focus-visible, the app's focus outline), and the chosen files are named beside it.
 */
export function FileInput({ id, chosen, className = "", ...props }: Omit<ComponentProps<"input">, "type" | "id"> & { id: string; chosen: readonly string[] }) {
  const t = useTranslations("ui");
  return (
    <span className={`flex flex-wrap items-center gap-2 ${className}`}>
      <input id={id} type="file" className="peer sr-only" {...props} />
      {/* aria-hidden: the input is named by its own label; this one is only what a mouse clicks. */}
      <label
        htmlFor={id}
        aria-hidden
        className={buttonClass("secondary", "cursor-pointer peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-[#f59e0b] peer-disabled:cursor-not-allowed peer-disabled:text-zinc-400")}
      >
        {props.multiple ? t("chooseFiles") : t("chooseFile")}
      </label>
      <span className="text-sm text-zinc-700">{chosen.length ? chosen.join(", ") : t("noFileChosen")}</span>
    </span>
  );
}

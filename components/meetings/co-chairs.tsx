"use client";

import { useState } from "react";
import { describedBy, inputClass } from "@/components/ui/field";

/** One co-chair per line; the text is kept as typed while the form holds the list of names. */
export function CoChairs({
  id,
  value,
  onChange,
  onBlur,
  describedBy: aria,
}: {
  id: string;
  value: string[];
  onChange: (v: string[]) => void;
  onBlur: () => void;
  describedBy: ReturnType<typeof describedBy>;
}) {
  const [text, setText] = useState(() => value.join("\n"));
  return (
    <textarea
      id={id}
      rows={3}
      value={text}
      onBlur={onBlur}
      onChange={(e) => {
        setText(e.target.value);
        onChange(
          e.target.value
            .split("\n")
            .map((line) => line.trim())
            .filter(Boolean),
        );
      }}
      className={inputClass}
      {...aria}
    />
  );
}

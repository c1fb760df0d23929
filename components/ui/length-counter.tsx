"use client";

import { type Control, type FieldValues, type Path, useWatch } from "react-hook-form";
import { CharactersLeft } from "./field";

/** "12 of 300 characters left" under a form's text field, near its limit (the field's maxLength stops typing there). */
export function LengthCounter<T extends FieldValues>({ control, name, max }: { control: Control<T>; name: Path<T>; max: number }) {
  const value: unknown = useWatch({ control, name });
  return <CharactersLeft length={typeof value === "string" ? value.length : 0} max={max} />;
}

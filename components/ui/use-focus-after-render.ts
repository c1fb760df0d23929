"use client";

import { useEffect, useRef } from "react";

/**
 * Focus a form field once the render that follows a `reset` has committed. A reset drops
 * react-hook-form's field refs until the next render registers them again, so a `setFocus` right
 * after it (or in a timeout, which a busy browser can run before React's render) finds no field.
 * An effect runs after each commit, when the refs are back; the target waits until it took.
 */
export function useFocusAfterRender<N extends string>(setFocus: (name: N) => void) {
  const target = useRef<N | null>(null);
  useEffect(() => {
    const name = target.current;
    if (name === null) return;
    setFocus(name);
    if (document.activeElement?.getAttribute("name") === name) target.current = null;
  });
  return (name: N) => {
    target.current = name;
  };
}

import type { FieldValues, Resolver } from "react-hook-form";
import type { z } from "zod";

type Schema = z.ZodType<FieldValues, FieldValues>;

/**
 * A react-hook-form resolver for a form's zod schema (the one the server parses with) that loads
 * zod and the schema when the browser is idle after the page has loaded, or at the first
 * validation if that comes sooner. zod is ~30 kB (gzip) of JavaScript a form needs only once
 * someone submits it; loaded this way it stays out of the page's first load.
 */
export function lazyZodResolver<S extends Schema>(load: () => Promise<S>): Resolver<z.input<S>, unknown, z.output<S>> {
  let ready: Promise<Resolver<z.input<S>, unknown, z.output<S>>> | undefined;
  const get = () =>
    (ready ??= Promise.all([load(), import("@hookform/resolvers/zod")])
      .then(([schema, { zodResolver }]) => zodResolver(schema) as unknown as Resolver<z.input<S>, unknown, z.output<S>>)
      .catch((e: unknown) => {
        ready = undefined; // a failed download is tried again at the next validation
        throw e;
      }));
  if (typeof window !== "undefined") {
    const whenIdle = window.requestIdleCallback ?? ((fn: () => void) => window.setTimeout(fn, 200));
    whenIdle(() => void get().catch(() => undefined));
  }
  return async (values, context, options) => (await get())(values, context, options);
}

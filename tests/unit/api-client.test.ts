import { afterEach, describe, expect, it, vi } from "vitest";
import { api, errorText, queryString, toResult } from "@/lib/api-client";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";

const tEn = (key: keyof typeof en.errors) => en.errors[key];
const tFr = (key: keyof typeof fr.errors) => fr.errors[key];

describe("toResult: an /api/v1 answer as an ActionResult", () => {
  it("answers the data of a 2xx", () => {
    expect(toResult(200, { id: "a", version: 2 })).toEqual({ ok: true, data: { id: "a", version: 2 } });
    expect(toResult(201, { id: "b" })).toEqual({ ok: true, data: { id: "b" } });
    expect(toResult(204, null)).toEqual({ ok: true, data: null });
  });

  it("maps the API's error body to code, message and field errors", () => {
    const body = { error: { code: "bad_request:input", message: "Check the highlighted fields.", fields: { dueOn: "Enter a date.", ignored: 3 } } };
    expect(toResult(400, body)).toEqual({ ok: false, code: "bad_request:input", error: "Check the highlighted fields.", fieldErrors: { dueOn: "Enter a date." } });
    expect(toResult(409, { error: { code: "conflict:follow_up", message: "Changed by Ana at 2026-01-02T10:00:00Z." } })).toEqual({
      ok: false,
      code: "conflict:follow_up",
      error: "Changed by Ana at 2026-01-02T10:00:00Z.",
    });
  });

  it("falls back on the status's error type when the body is not the API's", () => {
    expect(toResult(404, null)).toEqual({ ok: false, code: "not_found", error: "" });
    expect(toResult(409, "<html>")).toEqual({ ok: false, code: "conflict", error: "" });
    expect(toResult(502, { message: "Bad gateway" })).toEqual({ ok: false, code: "internal", error: "" });
    expect(toResult(500, { error: { code: "internal", message: "Something went wrong on our side." } })).toMatchObject({ code: "internal", error: "Something went wrong on our side." });
  });
});

describe("errorText: the sentence a person reads", () => {
  it("is the server's own message when there is one, else the sentence of the type, in the reader's language", () => {
    expect(errorText({ code: "forbidden:follow_up", error: "Vous ne pouvez pas modifier ce suivi." }, tFr)).toBe("Vous ne pouvez pas modifier ce suivi.");
    expect(errorText({ code: "not_found", error: "" }, tEn)).toBe(en.errors.not_found);
    expect(errorText({ code: "not_found", error: "" }, tFr)).toBe(fr.errors.not_found);
    expect(errorText({ code: "internal", error: "" }, tFr)).toBe(fr.errors.internal);
    expect(errorText({ code: "network", error: "Could not reach the server." }, tFr)).toBe(fr.errors.unreachable);
  });

  it("prefers the first field's message when asked (a bulk change names the field it refuses)", () => {
    const r = { code: "bad_request:input", error: "Check the fields.", fieldErrors: { dueOn: "The due date is not valid." } };
    expect(errorText(r, tEn, { preferField: true })).toBe("The due date is not valid.");
    expect(errorText(r, tEn)).toBe("Check the fields.");
  });
});

describe("queryString", () => {
  it("repeats arrays, leaves out empty values", () => {
    expect(queryString({ status: ["open", "done"], q: "a b", cursor: undefined, names: true, none: null })).toBe("?status=open&status=done&q=a+b&names=true");
    expect(queryString({})).toBe("");
  });
});

describe("api: the fetch around toResult", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("answers unreachable() when the fetch rejects, and never throws", async () => {
    vi.stubGlobal("fetch", vi.fn().mockRejectedValue(new TypeError("Failed to fetch")));
    expect(await api.patch("/api/v1/follow-ups/x", { status: "done" })).toMatchObject({ ok: false, code: "network" });
  });

  it("sends JSON and maps the answer", async () => {
    const fetchMock = vi.fn().mockResolvedValue(new Response(JSON.stringify({ error: { code: "conflict:follow_up", message: "Changed." } }), { status: 409 }));
    vi.stubGlobal("fetch", fetchMock);
    expect(await api.patch("/api/v1/follow-ups/x", { status: "done", version: 3 })).toEqual({ ok: false, code: "conflict:follow_up", error: "Changed." });
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe("/api/v1/follow-ups/x");
    expect(init.method).toBe("PATCH");
    expect(init.body).toBe(JSON.stringify({ status: "done", version: 3 }));
    expect((init.headers as Record<string, string>)["content-type"]).toBe("application/json");
  });

  it("treats a 2xx that is not JSON as a failure, not as data", async () => {
    vi.stubGlobal("fetch", vi.fn().mockResolvedValue(new Response("<html>sign in</html>", { status: 200 })));
    expect(await api.get("/api/v1/follow-ups")).toEqual({ ok: false, code: "internal", error: "" });
  });

  it("lets a cancelled query's abort through (TanStack ignores it)", async () => {
    const controller = new AbortController();
    controller.abort();
    vi.stubGlobal("fetch", vi.fn().mockRejectedValue(new DOMException("aborted", "AbortError")));
    await expect(api.get("/api/v1/meetings", { signal: controller.signal })).rejects.toThrow("aborted");
  });
});

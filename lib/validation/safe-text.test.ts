import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { assertSafeText, searchParamsRecord, unsafeTextReason } from "./safe-text";

function fields(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ZodError) return error.issues.map((i) => i.path.join("."));
    throw error;
  }
  return [];
}

describe("unstorable text", () => {
  it("is a NUL or an unpaired surrogate; paired surrogates (emoji) and other controls are text", () => {
    expect(unsafeTextReason("a\u0000b")).toMatch(/NUL/);
    expect(unsafeTextReason("\ud800")).toMatch(/surrogate/);
    expect(unsafeTextReason("x\udc00")).toMatch(/surrogate/);
    expect(unsafeTextReason("Kobé 😀 \t\n\u0001")).toBeNull();
  });

  it("is refused anywhere in a body, keys included, naming the field", () => {
    expect(fields(() => assertSafeText({ title: "ok", actors: [{ name: "x\u0000" }], summary: "\ud800" }))).toEqual([
      "actors.0.name",
      "summary",
    ]);
    expect(fields(() => assertSafeText({ ["bad\u0000key"]: 1 }))).toEqual(["bad\u0000key"]);
    expect(fields(() => assertSafeText("\u0000"))).toEqual([""]);
    expect(fields(() => assertSafeText({ title: "Kobé", n: 3, ok: true, none: null }))).toEqual([]);
  });

  it("is refused in query strings, naming the parameter", () => {
    expect(fields(() => searchParamsRecord(new URLSearchParams("q=ok&actor=a%00b")))).toEqual(["actor"]);
    expect(searchParamsRecord(new URLSearchParams("q=a&q=b"))).toEqual({ q: "b" });
  });
});

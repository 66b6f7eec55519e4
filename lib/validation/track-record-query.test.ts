import { describe, expect, it } from "vitest";
import { compareSourcesOf, parseCompareQuery } from "./track-record-query";

describe("compareSourcesOf", () => {
  it("keeps the two sources of a link whose filter cannot be read, and only valid slugs", () => {
    const params = new URLSearchParams("a=hrw&b=mali-government&from=2025-13-40");
    expect(() => parseCompareQuery(params)).toThrow(/from/);
    expect(compareSourcesOf(params)).toEqual({ a: "hrw", b: "mali-government" });
    expect(compareSourcesOf(new URLSearchParams("a=HRW!&b=afp"))).toEqual({ a: undefined, b: "afp" });
    expect(compareSourcesOf(new URLSearchParams("from=x"))).toEqual({ a: undefined, b: undefined });
  });
});

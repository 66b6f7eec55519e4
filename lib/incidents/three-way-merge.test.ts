import { describe, expect, it } from "vitest";
import { sameValue, threeWayMerge } from "./three-way-merge";

const FIELDS = ["title", "summary", "latitude", "actors"] as const;
type V = { title: string; summary: string; latitude: number; actors: string[] };
const base: V = { title: "Convoy attacked", summary: "", latitude: 15.6, actors: ["JNIM (alleged perpetrator)"] };

describe("threeWayMerge", () => {
  it("keeps a field only they changed and takes a field only you changed", () => {
    const theirs = { ...base, title: "Kobé convoy attack" };
    const yours = { ...base, summary: "Three vehicles were hit." };
    const outcome = threeWayMerge(base, theirs, yours, FIELDS);
    expect(outcome.merged).toEqual({ ...base, title: "Kobé convoy attack", summary: "Three vehicles were hit." });
    expect(outcome.keptTheirs).toEqual(["title"]);
    expect(outcome.conflicts).toEqual([]);
  });

  it("reports a field both changed to different values, with base, theirs and yours", () => {
    const theirs = { ...base, title: "Kobé convoy attack" };
    const yours = { ...base, title: "Attack near Kobé" };
    const outcome = threeWayMerge(base, theirs, yours, FIELDS);
    expect(outcome.conflicts).toEqual([
      { field: "title", base: "Convoy attacked", theirs: "Kobé convoy attack", yours: "Attack near Kobé" },
    ]);
    expect(outcome.merged.title).toBe("Attack near Kobé");
  });

  it("treats the same change on both sides as no conflict", () => {
    const theirs = { ...base, latitude: 15.61, actors: ["JNIM (alleged perpetrator)", "FAMa (escort)"] };
    const yours = { ...theirs };
    const outcome = threeWayMerge(base, theirs, yours, FIELDS);
    expect(outcome.conflicts).toEqual([]);
    expect(outcome.keptTheirs).toEqual([]);
    expect(outcome.merged).toEqual(theirs);
  });

  it("compares lists by content and empty text as null", () => {
    expect(sameValue(["a", "b"], ["a", "b"])).toBe(true);
    expect(sameValue(["a", "b"], ["b", "a"])).toBe(false);
    expect(sameValue("", null)).toBe(true);
    expect(sameValue(undefined, null)).toBe(true);
    expect(sameValue(new Date("2025-02-07T00:00:00Z"), "2025-02-07")).toBe(true);
  });
});

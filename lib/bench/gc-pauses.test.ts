// The benchmark lines up the server's pauses with its slowest requests: a pause counts for a
// request when the two overlap, however little.
import { describe, expect, it } from "vitest";
import { parseGcPause, pausesWithin, type GcPause } from "./gc-pauses";

const pauses: GcPause[] = [
  { at: 1_000, ms: 80, kind: "major", pid: 1 },
  { at: 1_200, ms: 6, kind: "minor", pid: 2 },
  { at: 5_000, ms: 12, kind: "minor", pid: 1 },
];

describe("GC pauses", () => {
  it("reads back the server's lines and ignores every other line", () => {
    expect(parseGcPause('[gc-pause] {"at":1000,"ms":80,"kind":"major","pid":1}')).toEqual(pauses[0]);
    expect(parseGcPause("[triangulate] Warmed up 2 processes")).toBeNull();
    expect(parseGcPause("[gc-pause] {not json")).toBeNull();
  });

  it("counts the pauses that overlap a request: one that began before it, and one inside it", () => {
    expect(pausesWithin(pauses, 1_050, 1_300)).toEqual({ count: 2, ms: 86, longest: 80 });
    expect(pausesWithin(pauses, 1_081, 1_199)).toEqual({ count: 0, ms: 0, longest: 0 });
    expect(pausesWithin(pauses, 0, 10_000)).toEqual({ count: 3, ms: 98, longest: 80 });
  });
});

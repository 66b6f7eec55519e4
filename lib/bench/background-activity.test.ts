import { describe, expect, it } from "vitest";
import { autovacuumTask, backgroundWithin, type BackgroundSample } from "./background-activity";

describe("the benchmark's record of PostgreSQL's background work", () => {
  it("names the table and the task of an autovacuum worker's query", () => {
    expect(autovacuumTask(`autovacuum: VACUUM ANALYZE public."Claim"`)).toBe("Claim (vacuum analyze)");
    expect(autovacuumTask(`autovacuum: VACUUM public."IncidentMapCell" (to prevent wraparound)`)).toBe("IncidentMapCell (vacuum)");
    expect(autovacuumTask(`autovacuum: ANALYZE public."ReconciliationRevision"`)).toBe("ReconciliationRevision (analyze)");
    expect(autovacuumTask("something else")).toBe("something else");
  });

  it("lines the samples up with a span: the tasks seen within it and the checkpoints started during it", () => {
    const samples: BackgroundSample[] = [
      { at: 1000, autovacuum: [], checkpoints: 4 },
      { at: 1250, autovacuum: [`autovacuum: VACUUM public."Claim"`], checkpoints: 4 },
      { at: 1500, autovacuum: [`autovacuum: VACUUM public."Claim"`, `autovacuum: ANALYZE public."Reconciliation"`], checkpoints: 5 },
      { at: 1750, autovacuum: [], checkpoints: 5 },
      { at: 2000, autovacuum: [`autovacuum: VACUUM public."Source"`], checkpoints: 6 },
    ];
    expect(backgroundWithin(samples, 1100, 1800)).toEqual({ autovacuum: ["Claim (vacuum)", "Reconciliation (analyze)"], checkpoints: 1 });
    expect(backgroundWithin(samples, 1760, 2100)).toEqual({ autovacuum: ["Source (vacuum)"], checkpoints: 1 });
    expect(backgroundWithin(samples, 3000, 4000)).toEqual({ autovacuum: [], checkpoints: 0 });
  });
});

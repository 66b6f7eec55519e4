import { describe, expect, it } from "vitest";
import { incidentFieldChanges, describeAuditEvent, describeRevision, type HistoryContext } from "./history-format";

const context: HistoryContext = {
  claims: new Map([["c1", { claimantName: "Malian government", metric: "killed", category: "civilians", subgroup: null, figure: "25" }]]),
  sources: new Map([
    ["mali-government", "Malian government"],
    ["src-1", "Human Rights Watch"],
  ]),
};

const event = (action: string, after: unknown, before: unknown = null, entityId = "c1") => ({
  action,
  entityType: "Claim",
  entityId,
  before,
  after,
});

describe("audit events as sentences", () => {
  it("describes seeded and added claims with claimant, group and figure", () => {
    expect(
      describeAuditEvent(
        event("seed.claim", {
          claimant: "mali-government",
          metric: "killed",
          category: "civilians",
          subgroup: null,
          valueMin: 25,
          valueMax: 25,
        }),
        context,
      ).title,
    ).toBe("Claim recorded from the seed texts: Malian government — killed · civilians: 25");
    const added = describeAuditEvent(
      event("claim.create", {
        claimantId: "src-1",
        metric: "killed",
        category: "civilians",
        subgroup: "Malian",
        valueMin: 13,
        valueMax: 13,
        qualifier: "exact",
        statement: "13 Malians",
      }),
      context,
    );
    expect(added).toEqual({ title: "Claim added: Human Rights Watch — killed · civilians (Malian): 13", details: ["“13 Malians”"] });
  });

  it("describes a superseded claim with the old figure", () => {
    const line = describeAuditEvent(
      event(
        "claim.supersede",
        { claimantId: "src-1", metric: "killed", category: "civilians", valueMin: 40, valueMax: null, qualifier: "at_least" },
        { valueMin: 34, valueMax: 34, qualifier: "exact" },
      ),
      context,
    );
    expect(line.title).toBe("Claim superseded: Human Rights Watch now says ≥ 40 (killed · civilians)");
    expect(line.details).toEqual(["Earlier figure: 34"]);
  });

  it("describes assessments and retractions of a known claim, with the reason", () => {
    expect(
      describeAuditEvent(
        event("claim.assess", { assessment: "not_credible", assessmentReason: "contradicted by morgue records" }),
        context,
      ),
    ).toEqual({
      title: "Claim assessed not credible: Malian government — killed · civilians: 25",
      details: ["Reason: contradicted by morgue records"],
    });
    expect(describeAuditEvent(event("claim.retract", { retracted: true, reason: "entered twice" }), context).details).toEqual([
      "Reason: entered twice",
    ]);
  });

  it("describes merges and unknown actions", () => {
    expect(describeAuditEvent(event("incident.merge", { mergedCode: "MLI-2025-0002", claimsMoved: 3 }), context)).toEqual({
      title: "Incident MLI-2025-0002 merged into this one",
      details: ["3 claims moved here"],
    });
    expect(describeAuditEvent({ ...event("source.rename", null), entityType: "Source" }, context).title).toBe("Source rename (Source)");
  });
});

describe("figure revisions as sentences", () => {
  it("describes a first figure, a change and a withdrawal", () => {
    const first = { low: 25, best: 34, high: 34, method: "source_priority", flags: ["contested", "official_lower"] };
    expect(describeRevision({ metric: "killed", category: "civilians", before: null, after: first })).toEqual({
      title: "Figure killed · civilians reconciled: 25 / 34 / 34 (low / best / high), by source priority",
      details: ["Flags: contested, official figure lower"],
    });
    expect(
      describeRevision({ metric: "killed", category: "civilians", before: first, after: { ...first, best: 25, method: "conservative" } }),
    ).toEqual({
      title: "Figure killed · civilians changed: 25 / 34 / 34 → 25 / 25 / 34",
      details: ["Method: source priority → conservative (best = low)"],
    });
    expect(describeRevision({ metric: "killed", category: "attackers", before: { low: 19, best: 19, high: 19 }, after: null }).title).toBe(
      "Figure killed · attackers withdrawn: no standing claim is left",
    );
  });
});

describe("an incident edit in the history", () => {
  const empty: HistoryContext = { claims: new Map(), sources: new Map() };
  it("shows every changed field with its value before and after, by the form's labels", () => {
    const line = describeAuditEvent(
      {
        action: "incident.update",
        entityType: "Incident",
        entityId: "x",
        before: {
          title: "Attack on a convoy",
          summary: "",
          dateStart: "2025-02-07",
          latitude: 15.6,
          actors: ["JNIM (alleged_perpetrator)"],
          version: 1,
        },
        after: {
          title: "Kobé convoy attack",
          summary: "Three lorries were hit.",
          dateStart: "2025-02-07",
          latitude: 15.61,
          actors: [],
          version: 2,
        },
      },
      empty,
    );
    expect(line.title).toBe("Incident details edited");
    expect(line.details).toEqual([
      "Title: “Attack on a convoy” → “Kobé convoy attack”",
      "Summary: (empty) → “Three lorries were hit.”",
      "Latitude: 15.6 → 15.61",
      "Actors: JNIM (alleged_perpetrator) → (none)",
    ]);
  });

  it("says when a save was merged over a newer version and which of their fields were kept", () => {
    const line = describeAuditEvent(
      {
        action: "incident.update",
        entityType: "Incident",
        entityId: "x",
        before: { title: "A", summary: "" },
        after: { title: "A", summary: "B", mergedFromVersion: 1, keptTheirs: ["title"] },
      },
      empty,
    );
    expect(line.details).toEqual(["Summary: (empty) → “B”", "Saved over version 1: newer changes by others were kept (title)"]);
  });

  it("lists field changes for the API, leaving out bookkeeping fields", () => {
    expect(incidentFieldChanges({ title: "A", version: 1, updatedById: "u1" }, { title: "B", version: 2, updatedById: "u2" })).toEqual([
      { field: "title", label: "Title", before: "“A”", after: "“B”" },
    ]);
  });
});

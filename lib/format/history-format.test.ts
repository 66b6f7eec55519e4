import { describe, expect, it } from "vitest";
import { testI18n } from "@/lib/i18n/test-i18n";
import { incidentFieldChanges, describeAuditEvent, describeRevision, type HistoryContext } from "./history-format";

const en = testI18n("en");

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
        en,
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
      en,
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
      en,
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
        en,
        event("claim.assess", { assessment: "not_credible", assessmentReason: "contradicted by morgue records" }),
        context,
      ),
    ).toEqual({
      title: "Claim assessed not credible: Malian government — killed · civilians: 25",
      details: ["Reason: contradicted by morgue records"],
    });
    expect(describeAuditEvent(en, event("claim.retract", { retracted: true, reason: "entered twice" }), context).details).toEqual([
      "Reason: entered twice",
    ]);
  });

  it("describes merges and unknown actions", () => {
    expect(describeAuditEvent(en, event("incident.merge", { mergedCode: "MLI-2025-0002", claimsMoved: 3 }), context)).toEqual({
      title: "Incident MLI-2025-0002 merged into this one",
      details: ["3 claims moved here"],
    });
    expect(describeAuditEvent(en, { ...event("source.rename", null), entityType: "Source" }, context).title).toBe("Source rename (Source)");
  });
});

describe("figure revisions as sentences", () => {
  it("describes a first figure, a change and a withdrawal", () => {
    const first = { low: 25, best: 34, high: 34, method: "source_priority", flags: ["contested", "official_lower"] };
    expect(describeRevision(en, { metric: "killed", category: "civilians", before: null, after: first })).toEqual({
      title: "Figure killed · civilians reconciled: 25 / 34 / 34 (low / best / high), by source priority",
      details: ["Flags: contested, official figure lower"],
    });
    expect(
      describeRevision(en, {
        metric: "killed",
        category: "civilians",
        before: first,
        after: { ...first, best: 25, method: "conservative" },
      }),
    ).toEqual({
      title: "Figure killed · civilians changed: 25 / 34 / 34 → 25 / 25 / 34",
      details: ["Method: source priority → conservative (best = low)"],
    });
    expect(
      describeRevision(en, { metric: "killed", category: "attackers", before: { low: 19, best: 19, high: 19 }, after: null }).title,
    ).toBe("Figure killed · attackers withdrawn: no standing claim is left");
  });
});

describe("an incident edit in the history", () => {
  const empty: HistoryContext = { claims: new Map(), sources: new Map() };
  it("shows every changed field with its value before and after, by the form's labels", () => {
    const line = describeAuditEvent(
      en,
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
      en,
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
    expect(incidentFieldChanges(en, { title: "A", version: 1, updatedById: "u1" }, { title: "B", version: 2, updatedById: "u2" })).toEqual([
      { field: "title", label: "Title", before: "“A”", after: "“B”" },
    ]);
  });
});

describe("the history in French", () => {
  const fr = testI18n("fr");
  const frContext: HistoryContext = {
    claims: new Map([
      ["c1", { claimantName: "Gouvernement malien", metric: "killed", category: "civilians", subgroup: null, figure: "25" }],
    ]),
    sources: new Map([["src-1", "Human Rights Watch"]]),
  };

  it("says who claimed what, with French words and French punctuation", () => {
    expect(
      describeAuditEvent(
        fr,
        event("claim.create", {
          claimantId: "src-1",
          metric: "killed",
          category: "civilians",
          subgroup: "maliens",
          valueMin: 13,
          valueMax: 13,
          qualifier: "exact",
          statement: "13 Maliens",
        }),
        frContext,
      ),
    ).toEqual({ title: "Déclaration ajoutée : Human Rights Watch — tués · civils (maliens) : 13", details: ["« 13 Maliens »"] });
    expect(
      describeAuditEvent(
        fr,
        event(
          "claim.supersede",
          { claimantId: "src-1", metric: "killed", category: "civilians", valueMin: 40, valueMax: null, qualifier: "at_least" },
          { valueMin: 34, valueMax: 34, qualifier: "exact" },
        ),
        frContext,
      ),
    ).toEqual({
      title: "Déclaration remplacée : Human Rights Watch avance désormais ≥ 40 (tués · civils)",
      details: ["Chiffre précédent : 34"],
    });
    expect(describeAuditEvent(fr, event("claim.assess", { assessment: "not_credible", assessmentReason: "démenti" }), frContext)).toEqual({
      title: "Déclaration évaluée (non crédible) : Gouvernement malien — tués · civils : 25",
      details: ["Motif : démenti"],
    });
    expect(describeAuditEvent(fr, event("seed.incident", null), frContext).title).toBe(
      "Incident enregistré à partir des textes de référence",
    );
  });

  it("counts moved claims with French plurals", () => {
    expect(describeAuditEvent(fr, event("incident.merge", { mergedCode: "MLI-2025-0002", claimsMoved: 1 }), frContext)).toEqual({
      title: "Incident MLI-2025-0002 fusionné dans celui-ci",
      details: ["1 déclaration déplacée vers cet incident"],
    });
    expect(describeAuditEvent(fr, event("incident.merge", { claimsMoved: 3 }), frContext).details).toEqual([
      "3 déclarations déplacées vers cet incident",
    ]);
  });

  it("names edited fields by their French labels, with French numbers and quotes", () => {
    const line = describeAuditEvent(
      fr,
      {
        action: "incident.update",
        entityType: "Incident",
        entityId: "x",
        before: { title: "Attaque d’un convoi", summary: "", latitude: 15.6, actors: [] },
        after: {
          title: "Attaque du convoi de Kobé",
          summary: "Trois camions touchés.",
          latitude: 15.61,
          actors: [],
          mergedFromVersion: 4,
          keptTheirs: ["placeName"],
        },
      },
      frContext,
    );
    expect(line).toEqual({
      title: "Informations de l’incident modifiées",
      details: [
        "Titre : « Attaque d’un convoi » → « Attaque du convoi de Kobé »",
        "Résumé : (vide) → « Trois camions touchés. »",
        "Latitude : 15,6 → 15,61",
        "Enregistré par-dessus la version 4 : les modifications plus récentes d’autres éditeurs ont été conservées (nom du lieu)",
      ],
    });
    expect(incidentFieldChanges(fr, { title: "A" }, { title: "B" })).toEqual([
      { field: "title", label: "Titre", before: "« A »", after: "« B »" },
    ]);
  });

  it("describes figure revisions with the French method and flag words", () => {
    const first = { low: 25, best: 34, high: null, method: "source_priority", flags: ["contested", "official_lower"] };
    expect(describeRevision(fr, { metric: "killed", category: "civilians", before: null, after: first })).toEqual({
      title: "Bilan tués · civils réconcilié : 25 / 34 / ouvert (bas / meilleure estimation / haut), par priorité des sources",
      details: ["Signalements : contesté, chiffre officiel plus bas"],
    });
    expect(
      describeRevision(fr, {
        metric: "killed",
        category: "civilians",
        before: { ...first, high: 34 },
        after: { ...first, high: 1200, flags: [] },
      }),
    ).toEqual({
      title: "Bilan tués · civils modifié : 25 / 34 / 34 → 25 / 34 / 1\u202f200",
      details: ["Signalements : contesté, chiffre officiel plus bas → aucun"],
    });
    expect(describeRevision(fr, { metric: "injured", category: "attackers", before: { low: 2, best: 2, high: 2 }, after: null })).toEqual({
      title: "Bilan blessés · assaillants retiré : plus aucune déclaration valable",
      details: ["Auparavant : 2 / 2 / 2"],
    });
  });
});

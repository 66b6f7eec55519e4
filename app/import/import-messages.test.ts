// The import page's messages: English reads exactly as the page read before it was translated (the
// English e2e specs assert it), French reads as French, numbers through the locale.
import { describe, expect, it } from "vitest";
import { testI18n } from "@/lib/i18n/test-i18n";

const en = testI18n("en").t;
const fr = testI18n("fr").t;

describe("import messages", () => {
  it("keep the English wording, counts and plurals", () => {
    expect(en("import.result.figuresRefreshed", { count: 1 })).toBe("refreshed for 1 incident");
    expect(en("import.result.figuresRefreshed", { count: 1200 })).toBe("refreshed for 1,200 incidents");
    // Every count of a result is grouped as the locale writes numbers (a 2-million-row file reads 2,000,000).
    expect(en("import.result.rowsValue", { rows: 100000, valid: 99999, invalid: 1 })).toBe("100,000 (99,999 valid, 1 invalid)");
    expect(en("import.result.claimsValue", { created: 85000, present: 15000, superseded: 1200 })).toBe(
      "85,000 created, 15,000 already present, 1,200 superseded",
    );
    expect(en("import.result.incidentsValue", { created: 1500, matched: 2500 })).toBe("1,500 created, 2,500 matched");
    expect(en("import.result.invalid", { invalid: 1200, rows: 100000 })).toMatch(/^1,200 of 100,000 rows are invalid\./);
    expect(en("import.progress", { done: 20000, total: 100000 })).toBe("20,000 of 100,000");
    expect(en("import.errors.captionFirst", { total: 12000, shown: 100 })).toBe("Problems (12,000, the first 100 shown)");
    expect(en("import.result.figuresQueued", { count: 3 })).toMatch(/^queued for 3 incidents: they are reconciled in the background/);
    expect(en("import.result.seconds", { seconds: 1 })).toBe("1.0 s");
    expect(en("import.result.seconds", { seconds: 1234.56 })).toBe("1234.6 s");
    expect(en("import.queue.pending", { pending: 1, queued: 1 })).toBe("1 incident still to reconcile in all (this import queued 1)…");
    expect(en("import.queue.pending", { pending: 1200, queued: 3400 })).toBe(
      "1,200 incidents still to reconcile in all (this import queued 3,400)…",
    );
    expect(en("import.progressCount", { done: 1500, total: 2000 })).toBe("1,500 of 2,000");
    expect(en("import.errors.captionFirst", { total: 250, shown: 100 })).toBe("Problems (250, the first 100 shown)");
    expect(en("import.result.invalid", { invalid: 2, rows: 5 })).toBe(
      "2 of 5 rows are invalid. Fix them and upload again, or tick “Import only the valid rows”.",
    );
    expect(en("import.result.invalid", { invalid: 1, rows: 5 })).toBe(
      "1 of 5 rows are invalid. Fix it and upload again, or tick “Import only the valid rows”.",
    );
    expect(en("import.result.invalid", { invalid: 1, rows: 1 })).toBe(
      "The row is invalid. Fix it and upload again, or tick “Import only the valid rows”.",
    );
    expect(en("import.running", { phase: en("import.phase.uploading") })).toBe("Uploading…");
  });

  it("read as French, with French plurals and numbers", () => {
    expect(fr("import.result.invalid", { invalid: 1, rows: 1 })).toBe(
      "La ligne n’est pas valide. Corrigez-la et envoyez de nouveau le fichier, ou cochez « N’importer que les lignes valides ».",
    );
    expect(fr("import.result.invalid", { invalid: 2, rows: 5 })).toMatch(/^2 lignes sur 5 ne sont pas valides\. Corrigez-les et envoyez/);
    expect(fr("import.result.figuresRefreshed", { count: 1 })).toBe("recalculés pour 1 incident");
    expect(fr("import.result.seconds", { seconds: 1.25 })).toBe("1,3 s");
    expect(fr("import.result.rowsValue", { rows: 5, valid: 1, invalid: 4 })).toBe("5 (1 valide, 4 non valides)");
    expect(fr("import.result.claimsValue", { created: 85000, present: 1, superseded: 0 })).toBe(
      "85\u202f000 créées, 1 déjà présente, 0 remplacée",
    );
    expect(fr("import.result.figuresQueued", { count: 100000 })).toMatch(/^mis en file d’attente pour 100\u202f000 incidents :/);
    expect(fr("import.queue.pending", { pending: 1200, queued: 1 })).toBe(
      "1\u202f200 incidents restent à réconcilier au total (cet import en a mis 1 en file d’attente)…",
    );
  });
});

describe("review, users and role messages", () => {
  it("keep the English wording", () => {
    expect(en("roles.refusal", { role: en("vocabulary.role.editor") })).toBe(
      "This page needs the editor role. Ask an admin if you should have it.",
    );
    expect(en("users.created", { email: "a@example.org" })).toBe("Created a@example.org.");
    expect(en("review.done.assessed")).toBe("Assessment saved.");
    expect(en("review.figureHeading", { name: "killed · civilians", low: 25, best: 34, high: en("review.open") })).toBe(
      "killed · civilians: 25 / 34 / open",
    );
  });

  it("read as French", () => {
    expect(fr("roles.refusal", { role: fr("vocabulary.role.editor") })).toBe(
      "Cette page nécessite le rôle éditeur. Demandez à un administrateur si vous devriez l’avoir.",
    );
    expect(fr("review.done.decided")).toBe("Décision enregistrée.");
  });
});

// The form catalogues' English is the forms' English as the e2e specs read it; French is French.
import { describe, expect, it } from "vitest";
import { testI18n } from "@/lib/i18n/test-i18n";

const en = testI18n("en");
const fr = testI18n("fr");

describe("form catalogues", () => {
  it("keep the English the forms showed", () => {
    expect(en.t("forms.incident.hint.admin1")).toBe("The country's first-level division, e.g. Gao in Mali");
    expect(en.t("claimForm.save", { count: 0 })).toBe("Save  claims");
    expect(en.t("claimForm.save", { count: 1 })).toBe("Save 1 claim");
    expect(en.t("claimForm.save", { count: 2 })).toBe("Save 2 claims");
    expect(en.t("forms.incident.label.actorRole", { number: 2 })).toBe("Role of actor 2");
    expect(en.t("forms.incident.duplicateTitle", { percent: 62 })).toBe("similar title (62%)");
    expect(en.t("forms.merge.confirm", { code: "MLI-2025-0001" })).toBe(
      "Yes: move MLI-2025-0001’s claims there and make MLI-2025-0001 redirect to it",
    );
    expect(en.t("validation.form.rate_limited")).toContain("Too many failed sign-ins");
  });

  it("speak French", () => {
    expect(fr.t("claimForm.save", { count: 0 })).toBe("Enregistrer les revendications");
    expect(fr.t("claimForm.save", { count: 1 })).toBe("Enregistrer 1 revendication");
    expect(fr.t("claimForm.save", { count: 3 })).toBe("Enregistrer 3 revendications");
    expect(fr.t("forms.editIncident.heading", { code: "MLI-2025-0001", title: "Attaque de Kobé" })).toBe(
      "Modifier MLI-2025-0001 : Attaque de Kobé",
    );
    expect(fr.t("login.submit")).toBe("Se connecter");
  });
});

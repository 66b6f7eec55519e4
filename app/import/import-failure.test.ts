// An upload refused before its rows are read is explained in the reader's language when the
// answer's code says why; otherwise the server's message is shown as it is.
import { describe, expect, it } from "vitest";
import { testI18n } from "@/lib/i18n/test-i18n";
import { uploadFailure } from "./import-failure";

const wordsOf = (locale: "en" | "fr") => {
  const { t } = testI18n(locale);
  return (key: string, values?: Record<string, string | number>) => t(`import.failed.${key}`, values);
};

describe("an upload refused before its rows are read", () => {
  it("says why in French: too large, not a text file, signed out, not an editor, no database", () => {
    const fr = wordsOf("fr");
    expect(uploadFailure(fr, { code: "too_large", message: "The request body is larger than 100 MB; …" }, 413, 100)).toBe(
      "Le fichier dépasse 100 Mo : découpez-le, ou importez-le avec npm run import sur le serveur.",
    );
    const nul = {
      code: "invalid",
      message: "Invalid input — file: line 3 contains a NUL character",
      issues: { file: [{ code: "custom", rule: "nul_character", values: { line: 3 } }] },
    };
    expect(uploadFailure(fr, nul, 400, 100)).toMatch(/^Ce n’est pas un fichier CSV texte \(la ligne 3 contient un caractère NUL\)/);
    const none = { code: "invalid", message: "Choose a CSV file to import.", issues: { file: [{ code: "custom", rule: "no_file" }] } };
    expect(uploadFailure(fr, none, 400, 100)).toBe("Choisissez un fichier CSV à importer.");
    expect(uploadFailure(fr, { code: "unauthenticated", message: "Sign in to do this." }, 401, 100)).toMatch(/^Vous n’êtes plus connecté/);
    expect(uploadFailure(fr, { code: "forbidden", message: "This needs the editor role" }, 403, 100)).toBe(
      "Importer demande le rôle d’éditeur.",
    );
    expect(uploadFailure(fr, { code: "database_unavailable", message: "…" }, 503, 100)).toMatch(/^La base de données est injoignable/);
  });

  it("shows the server's message for an error it has no words for, and the status when there is none", () => {
    const en = wordsOf("en");
    expect(uploadFailure(en, { code: "cross_origin", message: "This request comes from another origin" }, 403, 100)).toBe(
      "This request comes from another origin",
    );
    expect(uploadFailure(en, null, 502, 100)).toBe("The server answered 502.");
    expect(uploadFailure(en, { code: "too_large" }, 413, 100)).toBe(
      "The file is larger than 100 MB: split it, or import it with npm run import on the server.",
    );
  });
});

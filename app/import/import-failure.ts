// Why an upload was refused before any row was read, in the reader's language: the answer's error
// code (and a field issue's rule) picks the words; an error the catalogue has no words for shows
// the server's English message.
import type { FieldIssues } from "@/lib/errors";

/** The `error` of an API answer, as the page receives it (JSON, or a stored report). */
export type UploadError = { code?: string; message?: string; issues?: FieldIssues };

type Words = (
  key: "tooLarge" | "notText" | "noFile" | "signedOut" | "forbidden" | "unavailable" | "status",
  values?: Record<string, string | number>,
) => string;

export function uploadFailure(words: Words, error: UploadError | null | undefined, status: number, maxMegabytes: number): string {
  const fileIssue = error?.issues?.file?.[0];
  if (fileIssue?.rule === "nul_character") return words("notText", { line: String(fileIssue.values?.line ?? "") });
  if (fileIssue?.rule === "no_file") return words("noFile");
  switch (error?.code) {
    case "too_large":
      return words("tooLarge", { megabytes: maxMegabytes });
    case "unauthenticated":
      return words("signedOut");
    case "forbidden":
      return words("forbidden");
    case "database_unavailable":
      return words("unavailable");
  }
  return error?.message ?? words("status", { status });
}

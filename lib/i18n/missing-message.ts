// How a message missing from a catalogue shows on a page: its key between ⟦ ⟧, easy to spot by eye
// and by the e2e language walk (tests/e2e/languages.spec.ts).
export const MISSING_OPEN = "⟦";

export function missingMessageMarker(key: string): string {
  return `${MISSING_OPEN}${key}⟧`;
}

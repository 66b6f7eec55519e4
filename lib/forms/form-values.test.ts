import { describe, expect, it } from "vitest";
import { formValues } from "./form-values";
import { formSummary, humanFieldMessage } from "./field-messages";

describe("formValues", () => {
  it("nests dotted names, collects lists and drops React's action fields", () => {
    const form = new FormData();
    form.append("$ACTION_ID_abc", "");
    form.append("title", "Kobé");
    form.append("actors.0.name", "JNIM");
    form.append("actors.0.role", "alleged_perpetrator");
    form.append("actors.1.name", "FAMa");
    form.append("relaysSourceIds", "a");
    form.append("relaysSourceIds", "b");
    expect(formValues(form, ["relaysSourceIds"])).toEqual({
      title: "Kobé",
      actors: [{ name: "JNIM", role: "alleged_perpetrator" }, { name: "FAMa" }],
      relaysSourceIds: ["a", "b"],
    });
  });
  it("gives an empty list when no box of a list is ticked", () => {
    expect(formValues(new FormData(), ["relaysSourceIds"])).toEqual({ relaysSourceIds: [] });
  });
});

describe("field messages in the label's words", () => {
  it("replaces the field's own name with its label and other internal names with their words", () => {
    expect(humanFieldMessage("dateEnd must be on or after dateStart", "dateEnd", "Last day")).toBe(
      "Last day must be on or after “First day”",
    );
    expect(humanFieldMessage("countryIso3 must be an ISO 3166-1 alpha-3 code, e.g. MLI", "countryIso3", "Country")).toBe(
      "Country must be an ISO 3166-1 alpha-3 code, e.g. MLI",
    );
    expect(humanFieldMessage('valueMax must equal valueMin for an "exact" claim', "row.0.valueMax", "To")).toBe(
      'To must equal “From” for an "exact" claim',
    );
  });
  it("leaves plain words alone", () => {
    expect(humanFieldMessage("reason must say why the claim is not credible", "reason", "Reason")).toBe(
      "Reason must say why the claim is not credible",
    );
  });
  it("points at the fields instead of repeating their messages at the top", () => {
    expect(formSummary({ placeName: ["placeName is required"] }, "Invalid input — placeName: placeName is required")).toBe(
      "One field needs correcting — see the message beside it.",
    );
    expect(formSummary({}, "The email or password is wrong.")).toBe("The email or password is wrong.");
  });
});

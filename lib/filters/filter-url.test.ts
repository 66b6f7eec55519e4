import { describe, expect, it } from "vitest";
import { filterQuery, formQuery, formatBbox, formatView, parseView, withParams } from "./filter-url";

describe("withParams", () => {
  it("sets and removes parameters", () => {
    expect(withParams("country=MLI&view=5/15/0", { from: "2025-02-01", view: null })).toBe("country=MLI&from=2025-02-01");
  });

  it("drops the list cursor when the filter changes, not when the view does", () => {
    expect(withParams("country=MLI&cursor=abc", { to: "2025-03-01" })).toBe("country=MLI&to=2025-03-01");
    expect(withParams("country=MLI&cursor=abc", { view: "4/10/0" })).toBe("country=MLI&cursor=abc&view=4%2F10%2F0");
    expect(withParams("country=MLI&cursor=abc", { country: "MLI" })).toBe("country=MLI&cursor=abc");
  });
});

describe("filterQuery", () => {
  it("keeps only filter parameters, in canonical order, minus the ones asked", () => {
    expect(filterQuery("view=3/1/2&flag=contested&country=MLI&country=NER&from=2025-01-01&cursor=x", ["from"])).toBe(
      "country=MLI%2CNER&flag=contested",
    );
  });
});

describe("formQuery", () => {
  it("joins checkboxes, drops empty fields, keeps the view and the map area but not the cursor", () => {
    const entries: [string, string][] = [
      ["country", "MLI"],
      ["country", "NER"],
      ["admin1", ""],
      ["minKilled", " 10 "],
      ["submit", "Apply"],
    ];
    expect(formQuery(entries, "bbox=-5,10,5,20&view=5/15/0&cursor=abc&sort=most_killed&from=2020-01-01")).toBe(
      "country=MLI%2CNER&minKilled=10&bbox=-5%2C10%2C5%2C20&view=5%2F15%2F0&sort=most_killed",
    );
  });
});

describe("map view in the URL", () => {
  it("round-trips zoom/lat/lon", () => {
    expect(parseView(formatView({ zoom: 6, lat: 15.966, lon: 0.231 }))).toEqual({ zoom: 6, lat: 15.97, lon: 0.23 });
    expect(formatView({ zoom: 2, lat: 10, lon: 190 })).toBe("2/10.0/-170.0");
  });

  it("ignores what is not a view", () => {
    expect(parseView("6/95/0")).toBeNull();
    expect(parseView("six/1/2")).toBeNull();
    expect(parseView(null)).toBeNull();
  });
});

describe("formatBbox", () => {
  it("rounds a viewport and keeps it inside the world", () => {
    expect(formatBbox(-5.123, 10.456, 5.789, 20.001)).toBe("-5.12,10.46,5.79,20");
    expect(formatBbox(-250, -95, 250, 95)).toBe("-180,-90,180,90");
  });

  it("writes a view across the antimeridian with west > east", () => {
    expect(formatBbox(170, -20, 190, -10)).toBe("170,-20,-170,-10");
    expect(formatBbox(100, 0, 180, 10)).toBe("100,0,180,10");
  });
});

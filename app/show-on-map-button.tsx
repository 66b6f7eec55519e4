"use client";
// The list's way into the map: selects the incident, which pans the map to it and opens its
// popup (focus moves into the popup, and back here when it closes). Pressed while selected, so
// the list shows which incident the map is showing.
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { useSelection, type SelectedIncident } from "./map-selection";

export function ShowOnMapButton({ incident }: { incident: SelectedIncident }) {
  const t = useTranslations("map.showOnMap");
  const { selected, origin, select, clear } = useSelection();
  const pressed = selected?.code === incident.code;
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    // Chosen on the map: scroll the list (not the page) to this incident when the list scrolls on its own.
    if (!pressed || origin !== "map" || !button.current) return;
    const list = button.current.closest<HTMLElement>(".list-scroll");
    const card = button.current.closest<HTMLElement>("li");
    if (list && card && list.scrollHeight > list.clientHeight)
      list.scrollTo({ top: card.offsetTop - list.offsetTop - 8, behavior: "smooth" });
  }, [pressed, origin]);

  return (
    <button
      ref={button}
      type="button"
      id={`show-on-map-${incident.code}`}
      className="show-on-map"
      aria-pressed={pressed}
      aria-label={t(pressed ? "shownLabel" : "showLabel", { title: incident.title })}
      onClick={() => {
        if (pressed) {
          clear();
          return;
        }
        select(incident, "list");
        // On a narrow screen the map is above the list: bring it into view.
        document.querySelector(".map-frame")?.scrollIntoView({ block: "nearest", behavior: "smooth" });
      }}
    >
      <span aria-hidden="true">◎ </span>
      {pressed ? t("shown") : t("show")}
    </button>
  );
}

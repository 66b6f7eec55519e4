"use client";
// The incident the analyst is looking at, shared by the map (marker, popup) and the list ("Show
// on map" buttons), and kept in the URL (`selected=CODE`) so a shared link opens the same popup.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { withParams } from "@/lib/filters/filter-url";

export type SelectedIncident = { code: string; title: string; lat: number; lon: number };
/** Where the selection came from: focus moves into the popup only for list (keyboard) selections. */
export type SelectionOrigin = "map" | "list" | "url";

type SelectionState = {
  selected: SelectedIncident | null;
  origin: SelectionOrigin;
  select: (incident: SelectedIncident, origin: SelectionOrigin) => void;
  clear: () => void;
};

const SelectionContext = createContext<SelectionState | null>(null);

export function SelectionProvider({ initial, children }: { initial: SelectedIncident | null; children: ReactNode }) {
  const [state, setState] = useState<{ selected: SelectedIncident | null; origin: SelectionOrigin }>({ selected: initial, origin: "url" });
  const first = useRef(true);

  useEffect(() => {
    // The URL already says what the server rendered; only later changes are written back.
    if (first.current) {
      first.current = false;
      return;
    }
    const search = withParams(window.location.search, { selected: state.selected?.code ?? null });
    window.history.replaceState(window.history.state, "", `${window.location.pathname}${search ? `?${search}` : ""}`);
  }, [state.selected]);

  const select = useCallback((incident: SelectedIncident, origin: SelectionOrigin) => setState({ selected: incident, origin }), []);
  const clear = useCallback(() => setState((s) => (s.selected ? { selected: null, origin: s.origin } : s)), []);
  const value = useMemo(() => ({ ...state, select, clear }), [state, select, clear]);
  return <SelectionContext.Provider value={value}>{children}</SelectionContext.Provider>;
}

export function useSelection(): SelectionState {
  const value = useContext(SelectionContext);
  if (!value) throw new Error("useSelection must be used inside <SelectionProvider>");
  return value;
}

"use client";
// The map panel: the Leaflet map (browser-only, loaded lazily) and the switch that makes the map
// area a filter. The viewport is kept in the URL (`view=zoom/lat/lon`) so a shared link opens the
// same view; with the switch on, it is also the `bbox` filter of the list, count and timeline.
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { formatView, withParams, type MapView } from "@/lib/filters/filter-url";
import type { IncidentMapProps } from "./incident-map-leaflet";

function MapLoading() {
  const t = useTranslations("map");
  return <div className="incident-map map-loading">{t("loading")}</div>;
}

const IncidentMapLeaflet = dynamic(() => import("./incident-map-leaflet"), {
  ssr: false,
  loading: () => <MapLoading />,
});

type Props = Omit<IncidentMapProps, "onViewChange" | "onStatus"> & { areaLinked: boolean };

function replaceUrl(search: string) {
  window.history.replaceState(window.history.state, "", `${window.location.pathname}${search ? `?${search}` : ""}`);
}

export function IncidentMap({ areaLinked, ...mapProps }: Props) {
  const t = useTranslations("map");
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [linked, setLinked] = useState(areaLinked);
  const [status, setStatus] = useState<{ total: number; mode: string } | null>(null);
  const latest = useRef<{ bbox: string; view: MapView; key: string } | null>(null);
  const linkedRef = useRef(linked);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    setLinked(areaLinked);
    linkedRef.current = areaLinked;
  }, [areaLinked]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const navigate = useCallback(
    (updates: Record<string, string | null>) => {
      const search = withParams(window.location.search, updates);
      startTransition(() => router.replace(`?${search}`, { scroll: false }));
    },
    [router],
  );

  const onViewChange = useCallback(
    (bbox: string, view: MapView) => {
      const key = `${bbox}|${formatView(view)}`;
      const first = latest.current === null;
      // Leaflet reports the same view more than once (e.g. as the map settles): only real moves count.
      if (latest.current?.key === key) return;
      latest.current = { bbox, view, key };
      // Opening the page is not a move: leave its URL as it was shared; unless the area filter was
      // switched on before the map knew where it was, which then takes this first view.
      if (first) {
        if (linkedRef.current && !new URLSearchParams(window.location.search).has("bbox")) navigate({ bbox, view: formatView(view) });
        return;
      }
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        if (linkedRef.current) navigate({ bbox, view: formatView(view) });
        else replaceUrl(withParams(window.location.search, { view: formatView(view) }));
      }, 350);
    },
    [navigate],
  );

  const onStatus = useCallback((next: { total: number; mode: string } | null) => setStatus(next), []);

  return (
    <div className="map-frame">
      <div className="map-toolbar">
        <label className="switch">
          <input
            type="checkbox"
            checked={linked}
            onChange={(event) => {
              const on = event.target.checked;
              setLinked(on);
              linkedRef.current = on;
              // Before the map has reported its view there is no area yet: the first view applies it (above).
              if (!latest.current) {
                if (!on) navigate({ bbox: null });
                return;
              }
              navigate({ bbox: on ? latest.current.bbox : null, view: formatView(latest.current.view) });
            }}
          />
          {t("areaSwitch")}
        </label>
        <span className="meta" aria-live="polite">
          {status === null
            ? t("statusLoading")
            : t(status.mode === "clusters" ? "statusClusters" : "statusPoints", { count: status.total })}
        </span>
      </div>
      <IncidentMapLeaflet {...mapProps} onViewChange={onViewChange} onStatus={onStatus} />
    </div>
  );
}

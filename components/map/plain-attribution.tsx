"use client";
// Leaflet's default attribution prefix carries a national flag. A tool read by people on every
// side of a conflict shows no national symbol: the prefix is the plain word.
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { useMap } from "react-leaflet";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The prefix, its link titled in the reader's language ("A JavaScript library for interactive maps"). */
export function attributionPrefix(title: string): string {
  return `<a href="https://leafletjs.com" title="${escapeHtml(title)}">Leaflet</a>`;
}

export function PlainAttribution() {
  const map = useMap();
  const title = useTranslations("map.attribution")("leafletTitle");
  useEffect(() => {
    map.attributionControl?.setPrefix(attributionPrefix(title));
  }, [map, title]);
  return null;
}

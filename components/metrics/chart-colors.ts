'use client';

import { useEffect, useState } from 'react';

// A canvas cannot read CSS variables, so the chart's ink (axis text, grid) is read from elements styled with the
// page's palette, and read again whenever the theme flips (the user's choice on <html>, or the system's).

export interface ChartInk {
  text: string;
  grid: string;
}

/** Series colours: mid shades that read on light and dark cards alike. */
export const SERIES_COLORS = ['#0284c7', '#d97706', '#059669', '#e11d48', '#7c3aed', '#0891b2', '#65a30d', '#db2777'];

export function seriesColor(i: number): string {
  return SERIES_COLORS[i % SERIES_COLORS.length]!;
}

/** The ink of `probe` (its text colour and its border colour), re-read on every theme change. */
export function useChartInk(probe: React.RefObject<HTMLElement | null>): ChartInk | null {
  const [ink, setInk] = useState<ChartInk | null>(null);
  useEffect(() => {
    const read = () => {
      const el = probe.current;
      if (!el) return;
      const s = getComputedStyle(el);
      setInk((old) => (old && old.text === s.color && old.grid === s.borderTopColor ? old : { text: s.color, grid: s.borderTopColor }));
    };
    read();
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    media.addEventListener('change', read);
    const watch = new MutationObserver(read);
    watch.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class', 'style'] });
    return () => {
      media.removeEventListener('change', read);
      watch.disconnect();
    };
  }, [probe]);
  return ink;
}

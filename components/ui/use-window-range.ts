'use client';

import { useEffect, useState, type RefObject } from 'react';

export interface Range {
  start: number;
  end: number;
}

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));

/**
 * Which rows of a long, fixed-row-height list are near the viewport (page scrolling), so only those are
 * rendered. Keeps a list of thousands of VMs as quick to update and scroll as a list of fifty.
 */
export function useWindowRange(ref: RefObject<HTMLElement | null>, count: number, rowHeight: number, overscan = 15): Range {
  const [range, setRange] = useState<Range>({ start: 0, end: Math.min(count, 50) });
  useEffect(() => {
    let frame = 0;
    const update = () => {
      frame = 0;
      const el = ref.current;
      if (!el) return;
      const top = el.getBoundingClientRect().top; // relative to the viewport
      const start = clamp(Math.floor(-top / rowHeight) - overscan, 0, count);
      const end = clamp(Math.ceil((window.innerHeight - top) / rowHeight) + overscan, start, count);
      setRange((r) => (r.start === start && r.end === end ? r : { start, end }));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    update();
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [ref, count, rowHeight, overscan]);
  return range;
}

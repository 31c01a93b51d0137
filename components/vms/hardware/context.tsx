'use client';

import { createContext, useContext } from 'react';
import type { HardwareView } from '@/lib/hardware/types';

export interface HardwareCtx {
  vm: string;
  hw: HardwareView;
  canEdit: boolean;
  /** Takes the view a mutation answered with, so every section shows the new state at once. */
  setHw: (hw: HardwareView) => void;
}

export const HardwareContext = createContext<HardwareCtx | null>(null);

export function useHardware(): HardwareCtx {
  const c = useContext(HardwareContext);
  if (!c) throw new Error('useHardware outside the Hardware tab');
  return c;
}

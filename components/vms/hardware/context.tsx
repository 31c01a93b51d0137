'use client';

import { createContext, useContext } from 'react';
import type { HardwareView } from '@/components/data/types';

export interface HardwareCtx {
  vm: string;
  /** The cached answer of GET /api/vms/{vm}/hardware; every save writes the view it answered with into it. */
  hw: HardwareView;
  canEdit: boolean;
}

export const HardwareContext = createContext<HardwareCtx | null>(null);

/** The VM, its hardware view and the user's right to edit, for the sections of the Hardware tab. */
export function useHardwareTab(): HardwareCtx {
  const c = useContext(HardwareContext);
  if (!c) throw new Error('useHardwareTab outside the Hardware tab');
  return c;
}

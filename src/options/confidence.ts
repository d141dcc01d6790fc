/** The minimum-match slider's scale: 50% to 95% in steps of 5 (the schema allows 0.5–0.95). */

export const CONFIDENCE_RANGE = { min: 0.5, max: 0.95, step: 0.05 } as const;

/** Snaps a slider value to the 5% grid (no 0.6500000000000001 in storage). */
export function snapConfidence(value: number): number {
  const { min, max, step } = CONFIDENCE_RANGE;
  if (!Number.isFinite(value)) return min;
  const snapped = Math.round((value - min) / step) * step + min;
  return Math.min(max, Math.max(min, Math.round(snapped * 100) / 100));
}

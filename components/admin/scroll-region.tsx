import type { ReactNode } from "react";

/**
 * A wide table's frame: it scrolls sideways on a phone rather than pushing the page wider, and is
 * focusable so the keyboard can scroll it.
 */
export function ScrollRegion({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="overflow-x-auto focus-visible:outline-2 focus-visible:outline-blue-600" data-testid={testId}>
      {children}
    </div>
  );
}

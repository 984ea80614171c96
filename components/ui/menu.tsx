"use client";

import { DropdownMenu } from "radix-ui";

/**
 * A menu of actions behind one button (Radix's dropdown menu: arrow keys, typeahead, Escape,
 * focus back on the button). `label` names the button for screen readers and as its tooltip.
 */
export function Menu({ label, icon, children, triggerClassName, onCloseAutoFocus }: {
  label: string;
  icon: React.ReactNode;
  children: React.ReactNode;
  triggerClassName?: string;
  /** Call `preventDefault()` on the event to keep focus where an item put it (an input it opened). */
  onCloseAutoFocus?: (event: Event) => void;
}) {
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger aria-label={label} title={label} className={triggerClassName}>
        {icon}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          onCloseAutoFocus={onCloseAutoFocus}
          sideOffset={4}
          className="z-40 min-w-36 rounded-md border border-zinc-200 bg-white p-1 text-sm text-zinc-900 shadow-md dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
        >
          {children}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

export function MenuItem({ children, onSelect, danger }: { children: React.ReactNode; onSelect: () => void; danger?: boolean }) {
  return (
    <DropdownMenu.Item
      onSelect={onSelect}
      className={`flex cursor-default items-center gap-2 rounded px-2 py-1.5 outline-none select-none data-[highlighted]:bg-zinc-100 dark:data-[highlighted]:bg-zinc-800 ${danger ? "text-red-700 dark:text-red-400" : ""}`}
    >
      {children}
    </DropdownMenu.Item>
  );
}

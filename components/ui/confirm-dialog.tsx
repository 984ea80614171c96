"use client";

import { AlertDialog } from "radix-ui";

interface Props {
  /** What opens the dialog: one focusable element (a button), rendered as is. */
  trigger?: React.ReactElement;
  /** Controlled use, for a dialog opened from elsewhere (a menu item). */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** The question, as a short sentence ("Delete “Bike leasing”?"). */
  title: string;
  /** What happens, and whether it can be undone. */
  description?: string;
  confirmLabel: string;
  /** Red confirm button: the action removes or revokes something. */
  danger?: boolean;
  onConfirm: () => void;
}

const button = "rounded-md px-3 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600";

/**
 * Asks before an action that is hard to undo. Radix's alert dialog gives the focus trap, Escape,
 * the return of focus to what opened it, and the `alertdialog` role; Cancel has the first focus,
 * so Enter pressed by habit does not destroy anything.
 */
export function ConfirmDialog({ trigger, open, onOpenChange, title, description, confirmLabel, danger, onConfirm }: Props) {
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      {trigger && <AlertDialog.Trigger asChild>{trigger}</AlertDialog.Trigger>}
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-50 bg-black/40" />
        <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-lg border border-zinc-200 bg-white p-4 text-zinc-900 shadow-lg dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100">
          <AlertDialog.Title className="font-semibold break-words">{title}</AlertDialog.Title>
          {description ? (
            <AlertDialog.Description className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">{description}</AlertDialog.Description>
          ) : (
            <AlertDialog.Description className="sr-only">Confirm or cancel.</AlertDialog.Description>
          )}
          <div className="mt-4 flex justify-end gap-2">
            <AlertDialog.Cancel className={`${button} border border-zinc-300 dark:border-zinc-700`}>Cancel</AlertDialog.Cancel>
            <AlertDialog.Action
              onClick={onConfirm}
              className={`${button} font-medium text-white ${danger ? "bg-red-700 hover:bg-red-800" : "bg-zinc-900 hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"}`}
            >
              {confirmLabel}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}

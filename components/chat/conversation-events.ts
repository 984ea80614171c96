/**
 * Fired when a conversation was created or changed, so the sidebar reloads its list. A router
 * refresh would do it too, but would also re-render the open chat from the database mid-turn.
 */
export const CONVERSATIONS_CHANGED = "groundwork:conversations-changed";

/** A conversation's new name, carried by the event when it was renamed, so the open chat's header follows. */
export interface Retitled {
  id: string;
  title: string;
}

export function announceConversationsChanged(retitled?: Retitled) {
  window.dispatchEvent(new CustomEvent<Retitled | undefined>(CONVERSATIONS_CHANGED, { detail: retitled }));
}

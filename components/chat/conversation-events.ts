/**
 * Fired when a conversation was created or changed, so the sidebar reloads its list. A router
 * refresh would do it too, but would also re-render the open chat from the database mid-turn.
 */
export const CONVERSATIONS_CHANGED = "groundwork:conversations-changed";

export function announceConversationsChanged() {
  window.dispatchEvent(new Event(CONVERSATIONS_CHANGED));
}

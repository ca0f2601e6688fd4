// The invite builder lives with the worker, whose "engagement tomorrow" reminder attaches the
// same invite (same UID and SEQUENCE, so calendars update instead of adding an event).
export { buildInvite, INVITE_ORGANIZER, type InviteFacts, inviteAttachment, inviteUid } from "@bridgework/worker/lib/match-invite.ts";

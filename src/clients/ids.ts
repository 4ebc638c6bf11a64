import { Types } from "mongoose";

/**
 * An id for something a conversation is about to write (a client, a contact),
 * chosen once and replayed from the conversation's state: confirming twice,
 * or a retried step, writes the same document once.
 */
export function newEntryId(): string {
  return String(new Types.ObjectId());
}

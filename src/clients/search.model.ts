import { Schema, model, type Types } from "mongoose";

/**
 * A /find query kept on the server so its result pages can be turned with a
 * short id in the button (the query itself may be long, and any language).
 * One record per member and query (a derived id), removed a week after the
 * last search.
 */
export interface ClientSearchDoc {
  _id: Types.ObjectId;
  teamId: Types.ObjectId;
  memberId: Types.ObjectId;
  text: string;
  /** Real time of the last search: housekeeping only (the TTL index). */
  searchedAt: Date;
}

const clientSearchSchema = new Schema<ClientSearchDoc>(
  {
    teamId: { type: Schema.Types.ObjectId, required: true },
    memberId: { type: Schema.Types.ObjectId, required: true },
    text: { type: String, required: true },
    searchedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

clientSearchSchema.index({ searchedAt: 1 }, { expireAfterSeconds: 7 * 24 * 3600 });

export const ClientSearch = model<ClientSearchDoc>("ClientSearch", clientSearchSchema);

import { Schema, model, type Types } from "mongoose";
import type { Language } from "../config.js";
import { teamSettingsSchema, type TeamSettings } from "./team-settings.js";

/** A company using Baton. Everything else carries its `teamId`. */
export interface TeamDoc {
  _id: Types.ObjectId;
  name: string;
  timezone: string;
  /** ISO 3166 alpha-2; the default country of phone numbers. */
  country: string;
  currency: string;
  language: Language;
  settings: TeamSettings;
  createdBy: number;
  createdAt: Date;
  updatedAt: Date;
}

const teamSchema = new Schema<TeamDoc>(
  {
    name: { type: String, required: true },
    timezone: { type: String, required: true },
    country: { type: String, required: true },
    currency: { type: String, required: true },
    language: { type: String, required: true, enum: ["en", "ru", "hi"] },
    settings: {
      type: Schema.Types.Mixed,
      required: true,
      // The zod schema is the single definition of valid settings.
      validate: { validator: (v: unknown) => teamSettingsSchema.safeParse(v).success, message: "invalid team settings" },
    },
    createdBy: { type: Number, required: true },
  },
  { timestamps: true, versionKey: false, minimize: false },
);

export const Team = model<TeamDoc>("Team", teamSchema);

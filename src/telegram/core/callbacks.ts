import { SUPPORTED_LANGUAGES } from "../../config.js";
import { callbackData, field } from "../callback-data.js";

/** /language: one button per supported language. */
export const languageButton = callbackData("lang", { language: field.oneOf(SUPPORTED_LANGUAGES) });

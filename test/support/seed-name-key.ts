/** Seeds only need a stable key; the product's own normalization lives in src/clients. */
export const nameKeyForSeed = (name: string): string => name.toLowerCase().replace(/\s+/g, " ").trim();

// The layer rules of README "Architecture", checked in CI (`npm run check:deps`):
// layers only point down, and nothing imports in a circle.
const DOMAIN = "^src/(teams|clients|deals|rotation|bonuses|users|draws|digest|subscribers|broadcasts|targets|import-export)/";
const BASE = "^src/(shared|queue|db|i18n)/|^src/(config|logger)\\.ts$";
const COMPOSITION_ROOT = "^src/(main|app)\\.ts$|^src/bot/create-bot\\.ts$|^jobs/index\\.ts$";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: "no-circular", severity: "error", comment: "Import cycles hide which way a layer points.", from: {}, to: { circular: true } },
    {
      name: "domain-stays-plain",
      severity: "error",
      comment: "Domain folders hold business rules: no Telegram, no handlers, conversations, jobs or outbound path.",
      from: { path: DOMAIN },
      to: { path: ["^src/(bot|telegram|outbound)/", "^scenes/", "^jobs/", "^node_modules/(grammy|@grammyjs)/"] },
    },
    {
      name: "base-stays-base",
      severity: "error",
      from: { path: BASE, pathNot: "^src/db/(connection|migrations)\\.ts$" },
      to: { path: [DOMAIN, "^src/(bot|telegram|outbound)/", "^scenes/", "^jobs/"] },
    },
    {
      name: "db-wiring-knows-models-only",
      severity: "error",
      comment: "connection.ts lists every model and migrations change data: they may reach domain models, nothing above.",
      from: { path: "^src/db/(connection|migrations)\\.ts$" },
      to: { path: ["^src/(bot|telegram)/", "^scenes/", "^jobs/"] },
    },
    {
      name: "views-below-handlers",
      severity: "error",
      comment: "Views and codecs are shared by handlers, conversations and jobs, so they import none of them (context.ts names the outbound path's type in BotDeps).",
      from: { path: "^src/telegram/" },
      to: { path: ["^src/(bot|outbound)/", "^scenes/", "^jobs/"], dependencyTypesNot: ["type-only"] },
    },
    {
      name: "outbound-below-handlers",
      severity: "error",
      from: { path: "^src/outbound/" },
      to: { path: ["^src/bot/", "^scenes/", "^jobs/"] },
    },
    {
      name: "scenes-below-handlers",
      severity: "error",
      from: { path: "^scenes/" },
      to: { path: ["^src/bot/", "^jobs/"] },
    },
    {
      name: "jobs-never-reach-the-bot",
      severity: "error",
      from: { path: "^jobs/", pathNot: COMPOSITION_ROOT },
      to: { path: ["^src/bot/", "^scenes/"] },
    },
    {
      name: "handlers-publish-jobs-through-the-queue",
      severity: "error",
      from: { path: "^src/bot/", pathNot: COMPOSITION_ROOT },
      to: { path: "^jobs/" },
    },
    {
      name: "models-only-in-the-domain",
      severity: "error",
      comment: "Handlers, conversations, jobs and views call use cases; they run no model queries.",
      from: { path: ["^src/bot/", "^src/telegram/", "^scenes/", "^jobs/"] },
      to: { path: "\\.model\\.ts$", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "only-the-root-wires-everything",
      severity: "error",
      from: { pathNot: [COMPOSITION_ROOT, "^test/", "^bench/"] },
      to: { path: COMPOSITION_ROOT },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    includeOnly: "^(src|scenes|jobs|node_modules/(grammy|@grammyjs))",
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"] },
  },
};

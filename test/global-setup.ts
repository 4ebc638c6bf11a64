/**
 * Vitest globalSetup: one MongoDB engine for the whole run (MONGODB_URI, a cached mongod, or the
 * offline stand-in; see src/db/engine.ts). Tests get the URI with `inject('mongoUri')` and should
 * use their own database name so test files never see each other's data.
 */
import type { TestProject } from 'vitest/node';
import { resolveMongoEngine } from '../src/db/engine.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const engine = await resolveMongoEngine({
    mongodbUri: process.env.MONGODB_URI,
    log: (line) => console.log(line),
  });
  project.provide('mongoUri', engine.uri);
  project.provide('mongoEngineKind', engine.kind);
  return async () => {
    await engine.stop();
  };
}

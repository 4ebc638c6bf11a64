// Values handed from test/global-setup.ts to tests through `inject()`.
declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
    mongoEngineKind: 'external' | 'mongod' | 'standin';
  }
}

export {};

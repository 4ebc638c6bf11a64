/**
 * Picks the MongoDB server the app and the tests talk to (docs/mongodb-offline.md):
 *   1. MONGODB_URI (production: replica set / Atlas)            -> kind 'external'
 *   2. a real mongod through mongodb-memory-server, only if the
 *      binary is already on disk (no download attempts here)    -> kind 'mongod'
 *   3. the offline stand-in mongo-java-server (tools/mongo-standin) -> kind 'standin'
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../shared/paths.js';

export interface MongoEngine {
  uri: string;
  kind: 'external' | 'mongod' | 'standin';
  description: string;
  stop(): Promise<void>;
}

export interface EngineOptions {
  mongodbUri?: string;
  /** Persistent data folder (relative paths are taken from the project root); undefined = in-memory. */
  dataDir?: string;
  log?: (line: string) => void;
}

const STANDIN_START_TIMEOUT_MS = 30_000;
const STOP_KILL_AFTER_MS = 5_000;

export async function resolveMongoEngine(opts: EngineOptions): Promise<MongoEngine> {
  const log = opts.log ?? (() => {});
  const dataDir = opts.dataDir === undefined ? undefined : path.resolve(projectRoot, opts.dataDir);

  let engine: MongoEngine;
  if (opts.mongodbUri) {
    engine = {
      uri: opts.mongodbUri,
      kind: 'external',
      description: `external MongoDB at ${redact(opts.mongodbUri)}`,
      stop: async () => {}, // not ours to stop
    };
  } else {
    let mongodProblem: string | undefined;
    try {
      engine = (await startMongod(dataDir)) ?? (await startStandin(dataDir));
    } catch (err) {
      // A cached mongod that cannot run (missing shared libs, old CPU...) should not block work offline.
      if (!(err instanceof MongodStartError)) throw err;
      mongodProblem = err.message;
      engine = await startStandin(dataDir);
    }
    if (mongodProblem) engine.description += ` (mongod failed: ${mongodProblem})`;
  }
  log(`MongoDB engine: ${engine.description}`);
  return engine;
}

// ---------------------------------------------------------------------------------------------
// Real mongod (mongodb-memory-server)

class MongodStartError extends Error {}

async function startMongod(dataDir: string | undefined): Promise<MongoEngine | undefined> {
  // Fail at once instead of ~7 s of retries if anything still tries to download (offline machines).
  process.env.MONGOMS_MAX_RETRIES ??= '0';
  // Loaded lazily: with MONGODB_URI set, production never loads mongodb-memory-server.
  const { DryMongoBinary, MongoMemoryServer } = await import('mongodb-memory-server');
  // Only looks at MONGOMS_SYSTEM_BINARY and the download caches; never downloads. An explicitly
  // set MONGOMS_SYSTEM_BINARY that does not exist throws, which is a config error worth surfacing.
  // Online machines get the binary from mongodb-memory-server's npm postinstall.
  const binary = await DryMongoBinary.locateBinary(DryMongoBinary.getEnsuredOptions());
  if (!binary) return undefined;

  const dbPath = dataDir === undefined ? undefined : path.join(dataDir, 'mongod');
  if (dbPath) mkdirSync(dbPath, { recursive: true });
  let server;
  try {
    // A plain instance: the app uses no transactions (the stand-in has none either), so a
    // replica set would only add startup time.
    server = await MongoMemoryServer.create({
      // No binary option: MongoMemoryServer finds the same cached binary (DryMongoBinary keeps it).
      instance: dbPath ? { dbPath, storageEngine: 'wiredTiger' } : {},
    });
  } catch (err) {
    throw new MongodStartError(err instanceof Error ? err.message : String(err));
  }
  const uri = server.getUri();
  return {
    uri,
    kind: 'mongod',
    description: `mongod ${binary} (${dbPath ? `data in ${dbPath}` : 'in-memory'}) at ${uri}`,
    // Default cleanup removes only a temporary dbPath, never our persistent one.
    stop: async () => void (await server.stop()),
  };
}

// ---------------------------------------------------------------------------------------------
// Offline stand-in (mongo-java-server, see tools/mongo-standin)

async function startStandin(dataDir: string | undefined): Promise<MongoEngine> {
  const root = projectRoot;
  const lib = path.join(root, '.cache', 'mongo-standin', 'lib');
  await ensureStandinBuilt(root, lib);

  const file = dataDir === undefined ? undefined : path.join(dataDir, 'standin');
  // Benchmarks hold far more data than tests or a laptop team: MONGO_STANDIN_HEAP raises the heap.
  const args = [`-Xmx${process.env.MONGO_STANDIN_HEAP ?? '512m'}`, '-cp', path.join(lib, '*'), 'baton.standin.MongoStandin', '--port', '0'];
  if (file) args.push('--file', file);

  // stdin stays a pipe we never close: when this process dies, the pipe closes and the launcher
  // exits on EOF, so no orphan JVM keeps the port or the H2 file lock.
  const child = spawn('java', args, { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  const stderr = tailBuffer(child);
  const port = await waitForListening(child, stderr);

  const uri = `mongodb://127.0.0.1:${port}/`;
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping) console.error(`MongoDB stand-in exited unexpectedly (${signal ?? code}): ${stderr()}`);
  });
  // Don't let the JVM alone keep node running (a script that forgets stop() still exits, and
  // the JVM follows through the stdin EOF); stop() re-refs while it waits.
  setRef(child, false);

  return {
    uri,
    kind: 'standin',
    description: `mongo-java-server stand-in (${file ? `H2 file ${shortPath(root, file)}` : 'in-memory'}) at ${uri}`,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      stopping = true;
      setRef(child, true);
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM'); // the shutdown hook closes the server, which flushes the H2 file
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_KILL_AFTER_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Runs the idempotent setup script (~10 ms when up to date) so a fresh clone just works. */
async function ensureStandinBuilt(root: string, lib: string): Promise<void> {
  const script = path.join(root, 'scripts', 'setup-mongo-standin.sh');
  const hasJars = existsSync(lib) && readdirSync(lib).some((f) => f.endsWith('.jar'));
  // A deployment without the tools/ sources can still run prebuilt jars.
  if (hasJars && !existsSync(path.join(root, 'tools', 'mongo-standin', 'pom.xml'))) return;
  const child = spawn('bash', [script], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0) throw new Error(`${script} failed (exit ${code}):\n${output.trim()}`);
}

function waitForListening(child: ChildProcess, stderr: () => string): Promise<number> {
  return new Promise((resolve, reject) => {
    let out = '';
    const fail = (why: string) => {
      cleanup();
      child.kill('SIGKILL');
      reject(new Error(`MongoDB stand-in ${why}. stderr: ${stderr() || '(empty)'}`));
    };
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /^LISTENING (\d+)$/m.exec(out);
      if (m) {
        cleanup();
        child.stdout?.resume(); // keep draining so the pipe never fills
        resolve(Number(m[1]));
      }
    };
    const onError = (err: Error) =>
      fail(`could not be started (${err.message}${'code' in err && err.code === 'ENOENT' ? '; is Java 17+ on PATH?' : ''})`);
    const onExit = (code: number | null, signal: string | null) => fail(`exited before listening (${signal ?? code})`);
    const timer = setTimeout(() => fail(`did not print LISTENING within ${STANDIN_START_TIMEOUT_MS / 1000} s`), STANDIN_START_TIMEOUT_MS);
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('error', onError);
      child.off('exit', onExit);
    };
    child.stdout?.on('data', onData);
    child.once('error', onError);
    child.once('exit', onExit);
  });
}

/** Keeps the last few KB of the child's stderr for error messages. */
function tailBuffer(child: ChildProcess, max = 4096): () => string {
  let buf = '';
  child.stderr?.on('data', (d: Buffer) => {
    buf = (buf + d.toString()).slice(-max);
  });
  return () => buf.trim();
}

/** ref/unref the child and its pipes (pipes are net.Sockets at runtime, typed as plain streams). */
function setRef(child: ChildProcess, ref: boolean): void {
  for (const h of [child, child.stdin, child.stdout, child.stderr] as unknown as Array<{ ref?(): void; unref?(): void } | null>) {
    if (ref) h?.ref?.();
    else h?.unref?.();
  }
}

/** Paths inside the project are shown relative to it (`.data/standin`), others absolute. */
function shortPath(root: string, p: string): string {
  const rel = path.relative(root, p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

/** Hides the password in a connection string before it is logged. */
function redact(uri: string): string {
  return uri.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
}

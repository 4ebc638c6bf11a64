// Decodes the bodies grammY sends to the Bot API: JSON for ordinary calls and
// multipart/form-data when an InputFile is uploaded (see grammY's
// out/core/payload.js). Telegram also accepts query strings and urlencoded
// forms, so those are decoded too: a request the real server would understand
// must not be misread by the fake.
import type { IncomingMessage } from 'node:http';

export interface UploadedFile {
  /** File name as sent by the client (grammY: InputFile filename or `<field>.<ext>`). */
  filename: string;
  content: Buffer;
}

export interface DecodedBody {
  payload: Record<string, unknown>;
  /** Keyed by API field (`document`, `photo`) once `attach://` references are resolved. */
  files: Record<string, UploadedFile>;
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function decodeBody(contentType: string | undefined, body: Buffer, query: URLSearchParams): DecodedBody {
  const payload: Record<string, unknown> = {};
  for (const [k, v] of query) payload[k] = coerceField(k, v);
  const type = (contentType ?? '').toLowerCase();
  if (body.length === 0) return { payload, files: {} };

  if (type.startsWith('application/json')) {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    if (parsed && typeof parsed === 'object') Object.assign(payload, parsed);
    return { payload, files: {} };
  }
  if (type.startsWith('application/x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(body.toString('utf8'))) payload[k] = coerceField(k, v);
    return { payload, files: {} };
  }
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
  if (type.startsWith('multipart/form-data') && boundary) {
    return decodeMultipart(body, boundary[1] ?? boundary[2] ?? '', payload);
  }
  throw new Error(`unsupported content-type: ${contentType}`);
}

interface Part {
  name: string;
  filename?: string;
  data: Buffer;
}

function decodeMultipart(body: Buffer, boundary: string, payload: Record<string, unknown>): DecodedBody {
  const fileParts = new Map<string, UploadedFile>();
  for (const part of splitParts(body, boundary)) {
    if (part.filename !== undefined) fileParts.set(part.name, { filename: part.filename, content: part.data });
    else payload[part.name] = coerceField(part.name, part.data.toString('utf8'));
  }
  // grammY sends `document=attach://<random id>` and the bytes under the part
  // named `<random id>`; re-key files by the API field so tests can ask for
  // `files.document`. Unreferenced parts (e.g. inside sendMediaGroup's media
  // JSON) stay under their own part name.
  const files: Record<string, UploadedFile> = {};
  for (const [key, value] of Object.entries(payload)) {
    if (typeof value === 'string' && value.startsWith('attach://')) {
      const file = fileParts.get(value.slice('attach://'.length));
      if (file) {
        files[key] = file;
        fileParts.delete(value.slice('attach://'.length));
      }
    }
  }
  for (const [name, file] of fileParts) files[name] = file;
  return { payload, files };
}

function* splitParts(body: Buffer, boundary: string): Generator<Part> {
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const afterDelimiter = start + delimiter.length;
    // `--boundary--` closes the body.
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') return;
    const next = body.indexOf(delimiter, afterDelimiter);
    if (next === -1) return;
    // Each part sits between "\r\n" after the delimiter and "\r\n" before the next one.
    const raw = body.subarray(afterDelimiter + 2, next - 2);
    const headerEnd = raw.indexOf('\r\n\r\n');
    const headers = raw.subarray(0, headerEnd === -1 ? 0 : headerEnd).toString('utf8');
    const data = headerEnd === -1 ? raw : raw.subarray(headerEnd + 4);
    const disposition = headers.split('\r\n').find((h) => /^content-disposition\s*:/i.test(h)) ?? '';
    const name = /(?:^|[;:\s])name="([^"]*)"/i.exec(disposition)?.[1] ?? '';
    // grammY writes `filename=report.csv` unquoted as the last parameter, so
    // take everything up to the end of the line and strip optional quotes.
    const filenameMatch = /filename=(.*)$/i.exec(disposition);
    const filename = filenameMatch?.[1]?.trim().replace(/^"(.*)"$/, '$1');
    yield filename === undefined ? { name, data: Buffer.from(data) } : { name, filename, data: Buffer.from(data) };
    start = next;
  }
}

// Text-typed fields arrive as strings in forms; Telegram converts them by the
// method's schema. Mirror that for the field shapes bots actually use so
// payloads read the same whether the call was JSON or multipart.
const JSON_FIELDS = new Set([
  'reply_markup', 'entities', 'caption_entities', 'reply_parameters', 'link_preview_options',
  'media', 'allowed_updates', 'commands', 'scope', 'menu_button', 'results',
]);
// Not every `*_id` is numeric: file_id and callback_query_id are opaque strings.
const NUMERIC_FIELDS = new Set([
  'chat_id', 'from_chat_id', 'message_id', 'user_id', 'message_thread_id', 'reply_to_message_id',
  'offset', 'limit', 'timeout', 'cache_time', 'max_connections',
]);
const TEXT_FIELDS = new Set(['text', 'caption', 'parse_mode', 'file_name', 'language_code', 'url', 'secret_token']);

function coerceField(key: string, value: string): unknown {
  if (JSON_FIELDS.has(key)) {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  if (TEXT_FIELDS.has(key)) return value;
  if (NUMERIC_FIELDS.has(key) && /^-?\d+$/.test(value)) {
    return Number(value);
  }
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}

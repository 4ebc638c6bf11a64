// The checks Telegram applies to message text and keyboards before accepting a
// send. They are the usual way a bot that "works in tests" breaks in
// production (an unescaped '.' in MarkdownV2, a user's name containing '<' in
// HTML, a 65-byte callback_data), so the fake rejects them with Telegram's own
// wording. Deliberately on the lenient side: anything accepted here must be
// accepted by Telegram; a few exotic errors are not reproduced.

export type TextCheck = { ok: true; plain: string } | { ok: false; description: string };

const HTML_TAGS = new Set([
  'a', 'b', 'strong', 'i', 'em', 's', 'strike', 'del', 'u', 'ins',
  'tg-spoiler', 'tg-emoji', 'span', 'pre', 'code', 'blockquote',
]);
const cantParse = (why: string): TextCheck => ({ ok: false, description: `Bad Request: can't parse entities: ${why}` });
const byteOffset = (text: string, i: number) => Buffer.byteLength(text.slice(0, i));

/** Parses like TDLib's parse_html: returns the text the user would see, or Telegram's error. */
export function parseHtml(text: string): TextCheck {
  const stack: string[] = [];
  let plain = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '&') {
      const entity = /^&(lt|gt|amp|quot|#\d+|#x[0-9a-f]+);/i.exec(text.slice(i));
      if (entity) {
        plain += decodeEntity(entity[1]!);
        i += entity[0].length;
      } else {
        plain += ch;
        i++;
      }
      continue;
    }
    if (ch !== '<') {
      plain += ch;
      i++;
      continue;
    }
    const begin = i;
    if (text[i + 1] === '/') {
      const close = text.indexOf('>', i);
      if (close === -1) return cantParse(`Unclosed end tag at byte offset ${byteOffset(text, begin)}`);
      const name = text.slice(i + 2, close).trim().toLowerCase();
      const open = stack.pop();
      if (open === undefined) return cantParse(`Unexpected end tag at byte offset ${byteOffset(text, begin)}`);
      if (open !== name) {
        return cantParse(
          `Unmatched end tag at byte offset ${byteOffset(text, begin)}, expected "</${open}>", found "</${name}>"`,
        );
      }
      i = close + 1;
      continue;
    }
    let j = i + 1;
    while (j < text.length && !/[\s>]/.test(text[j]!)) j++;
    if (j >= text.length) return cantParse(`Unclosed start tag at byte offset ${byteOffset(text, begin)}`);
    const name = text.slice(i + 1, j).toLowerCase();
    if (!HTML_TAGS.has(name)) return cantParse(`Unsupported start tag "${name}" at byte offset ${byteOffset(text, begin)}`);
    // Skip attributes, honouring quotes (an href may contain '>').
    let quote: string | undefined;
    while (j < text.length && (quote !== undefined || text[j] !== '>')) {
      const c = text[j]!;
      if (quote === undefined && (c === '"' || c === "'")) quote = c;
      else if (c === quote) quote = undefined;
      j++;
    }
    if (j >= text.length) return cantParse(`Unclosed start tag at byte offset ${byteOffset(text, begin)}`);
    stack.push(name);
    i = j + 1;
  }
  const unclosed = stack.pop();
  if (unclosed !== undefined) return cantParse(`Can't find end tag corresponding to start tag "${unclosed}"`);
  return { ok: true, plain };
}

function decodeEntity(name: string): string {
  const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };
  const lower = name.toLowerCase();
  if (lower in named) return named[lower]!;
  const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
  return String.fromCodePoint(code);
}

/**
 * MarkdownV2: only the reserved characters that can never be markup at that
 * position are checked ('.', '!', '-', '+', '=', '#', '{', '}', a lone '|' or
 * '(' / ')' outside a link, '>' not starting a line). Unbalanced '*' or '_' are
 * not detected.
 */
export function parseMarkdownV2(text: string): TextCheck {
  let plain = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '\\') {
      plain += text[i + 1] ?? '';
      i += 2;
      continue;
    }
    if (ch === '`') {
      // Inside code only '`' and '\' are special.
      const fence = text.startsWith('```', i) ? '```' : '`';
      const end = findUnescaped(text, fence, i + fence.length);
      if (end === -1) return cantParse(`Can't find end of ${fence === '```' ? 'PreCode' : 'Code'} entity at byte offset ${byteOffset(text, i)}`);
      plain += text.slice(i + fence.length, end).replace(/\\([`\\])/g, '$1');
      i = end + fence.length;
      continue;
    }
    if (ch === ']' && text[i + 1] === '(') {
      // Link target: only ')' and '\' need escaping there.
      const end = findUnescaped(text, ')', i + 2);
      if (end === -1) return cantParse(`Can't find end of a URL at byte offset ${byteOffset(text, i + 1)}`);
      i = end + 1;
      continue;
    }
    if (ch === '|' && text[i + 1] === '|') {
      i += 2;
      continue;
    }
    const lineStart = i === 0 || text[i - 1] === '\n' || (text.slice(i - 2, i) === '**' && (i === 2 || text[i - 3] === '\n'));
    if ('.!-+=#{}|()'.includes(ch) || (ch === '>' && !lineStart)) {
      return cantParse(`Character '${ch}' is reserved and must be escaped with the preceding '\\'`);
    }
    if (!'*_~[]>'.includes(ch)) plain += ch;
    i++;
  }
  return { ok: true, plain };
}

/** Legacy Markdown: an entity opened with '_', '*', '`' or '[' must be closed (underscores in usernames!). */
export function parseMarkdown(text: string): TextCheck {
  let plain = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '\\' && '_*`['.includes(text[i + 1] ?? '')) {
      plain += text[i + 1];
      i += 2;
      continue;
    }
    if (!'_*`['.includes(ch)) {
      plain += ch;
      i++;
      continue;
    }
    const fence = ch === '`' && text.startsWith('```', i) ? '```' : ch === '[' ? ']' : ch;
    const open = ch === '[' ? 1 : fence.length;
    const end = text.indexOf(fence, i + open);
    if (end === -1) return cantParse(`Can't find end of the entity starting at byte offset ${byteOffset(text, i)}`);
    plain += text.slice(i + open, end);
    i = end + fence.length;
    if (ch === '[' && text[i] === '(') {
      const close = text.indexOf(')', i);
      if (close !== -1) i = close + 1;
    }
  }
  return { ok: true, plain };
}

function findUnescaped(text: string, needle: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
      continue;
    }
    if (text.startsWith(needle, i)) return i;
  }
  return -1;
}

/** Validates text or caption the way sendMessage / sendDocument do. */
export function checkText(text: unknown, parseMode: unknown, kind: 'text' | 'caption'): TextCheck {
  if (text === undefined || text === null) {
    return kind === 'text' ? { ok: false, description: 'Bad Request: message text is empty' } : { ok: true, plain: '' };
  }
  const raw = String(text);
  const mode = typeof parseMode === 'string' ? parseMode.toLowerCase() : '';
  const parsed: TextCheck =
    mode === 'html' ? parseHtml(raw)
    : mode === 'markdownv2' ? parseMarkdownV2(raw)
    : mode === 'markdown' ? parseMarkdown(raw)
    : { ok: true, plain: raw };
  if (!parsed.ok) return parsed;
  if (kind === 'text' && parsed.plain.trim() === '') return { ok: false, description: 'Bad Request: message text is empty' };
  if (kind === 'text' && parsed.plain.length > 4096) return { ok: false, description: 'Bad Request: message is too long' };
  if (kind === 'caption' && parsed.plain.length > 1024) {
    return { ok: false, description: 'Bad Request: message caption is too long' };
  }
  return parsed;
}

const INLINE_ACTIONS = [
  'callback_data', 'url', 'web_app', 'login_url', 'switch_inline_query', 'switch_inline_query_current_chat',
  'switch_inline_query_chosen_chat', 'copy_text', 'callback_game', 'pay', 'disabled',
];

/** Returns Telegram's error description for an invalid reply_markup, or undefined when it is fine. */
export function checkReplyMarkup(markup: unknown): string | undefined {
  if (markup === undefined || markup === null) return undefined;
  if (typeof markup !== 'object') return "Bad Request: can't parse reply keyboard markup JSON object";
  const rows = (markup as { inline_keyboard?: unknown }).inline_keyboard;
  if (rows === undefined) return undefined;
  if (!Array.isArray(rows) || !rows.every(Array.isArray)) {
    return 'Bad Request: can\'t parse inline keyboard button: Field "inline_keyboard" must be of type Array';
  }
  // Telegram refuses more than 100 buttons in all, or more than 8 in a row.
  if ((rows as unknown[][]).flat().length > 100 || (rows as unknown[][]).some((row) => row.length > 8)) {
    return 'Bad Request: BUTTONS_TOO_MUCH';
  }
  for (const button of (rows as unknown[][]).flat()) {
    const b = button as Record<string, unknown>;
    if (typeof b.text !== 'string') return "Bad Request: can't parse inline keyboard button: Field \"text\" must be of type String";
    if (!INLINE_ACTIONS.some((k) => k in b)) {
      return "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard";
    }
    if ('callback_data' in b) {
      const size = Buffer.byteLength(String(b.callback_data));
      if (size < 1 || size > 64) return 'Bad Request: BUTTON_DATA_INVALID';
    }
  }
  return undefined;
}

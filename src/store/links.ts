// Extracts links from one chunk of markdown through an injected parser; positions shifted to the file's.
import * as builtins from '../shims/builtins.cjs';
import type { Root, RootContent } from 'mdast';
import type { Link } from './schema.js';

export type MarkdownParser = (text: string) => Root;

/** Links of chunks already parsed, by `chunkKey`, with positions relative to the chunk (line 1, offset 0). */
export interface LinkCache {
  get(key: string): Link[] | undefined;
  set(key: string, links: Link[]): void;
}

/** What may start a link without reference definitions: `](`, an autolink, a bare URL. */
const INLINE_LINKISH = /\]\(|<[A-Za-z][A-Za-z0-9+.-]{1,31}:|https?:\/\/|www\./i;
const REFERENCE_LINKISH = /\]\s*\[|\]:/;
const DEFINITION_LINE = /^ {0,3}\[[^\]]+\]:/m;

/** True when the file may hold a link anywhere: only then is the markdown parser loaded. */
export function fileMayHoldLinks(text: string): boolean {
  return INLINE_LINKISH.test(text) || DEFINITION_LINE.test(text);
}

/**
 * A chunk that may hold a link: only these pay for a markdown parse. `definitions` are the file's
 * reference definitions (by label), or just whether it has any (by default: whether `text` does).
 * Without definitions `[text][label]` is no link, and `][` is mostly entry metadata
 * (`[KDD'18][Ali]`), which must not cost a parse.
 */
export function mayHoldLinks(text: string, definitions: ReadonlyMap<string, string> | boolean = DEFINITION_LINE.test(text)): boolean {
  if (INLINE_LINKISH.test(text)) return true;
  if (!definitions || !text.includes('[')) return false;
  if (definitions === true) return REFERENCE_LINKISH.test(text);
  // Full, collapsed and shortcut references all hold `[label]` for a defined label.
  const lower = text.toLowerCase();
  for (const label of definitions.keys()) if (lower.includes(`[${label}]`)) return true;
  return false;
}

const BARE_URL = /(?:https?:\/\/|www\.)[^\s<>()[\]{}（）【】「」，。；！？、"'`]+/gi;

/** True for a relative path: no scheme, not protocol-relative, not an in-page anchor. */
export function isLocalUrl(url: string): boolean {
  if (!url || url.startsWith('#') || url.startsWith('//')) return false;
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(url)) return false;
  return !/^www\./i.test(url);
}

function textOf(node: RootContent): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('alt' in node && typeof node.alt === 'string') return node.alt;
  if ('children' in node) return (node.children as RootContent[]).map(textOf).join('');
  return '';
}

export interface ChunkPlace {
  /** Offset of the chunk's first character in the file's text. */
  offset: number;
  /** Line (1-based) of the chunk's first character. */
  line: number;
}

/**
 * Reference definitions from elsewhere in the file (`[label]: url` lines) that `chunk` uses, as a
 * prefix to parse before it: a chunk parsed alone would otherwise read `[text][label]` as plain text.
 */
export function definitionPrefix(chunk: string, definitions: ReadonlyMap<string, string>): string {
  if (!definitions.size || !chunk.includes('[')) return '';
  const lower = chunk.toLowerCase();
  const needed: string[] = [];
  for (const [label, line] of definitions) if (lower.includes(`[${label}]`)) needed.push(line);
  return needed.length ? `${needed.join('\n')}\n\n` : '';
}

/** The identity of a chunk's parse: its text and the definitions it borrows. */
export function chunkKey(chunk: string, prefix: string): string {
  return builtins.crypto().createHash('sha1').update(prefix).update('\0').update(chunk).digest('base64');
}

/** Moves links found in a chunk parsed at line 1, offset 0 to the chunk's place in the file. */
export function shiftLinks(links: readonly Link[], place: ChunkPlace): Link[] {
  return links.map((l) => ({ ...l, line: l.line + place.line - 1, offset: l.offset + place.offset, endOffset: l.endOffset + place.offset }));
}

/** Links in `chunk`, parsed after `prefix` (see definitionPrefix). */
export function extractLinks(chunk: string, place: ChunkPlace, parse: MarkdownParser, prefix = ''): Link[] {
  const prefixLines = prefix ? prefix.split('\n').length - 1 : 0;
  const tree = parse(prefix + chunk);
  const defs = new Map<string, string>();
  const links: Link[] = [];

  const collectDefs = (node: Root | RootContent): void => {
    if (node.type === 'definition') defs.set(node.identifier, node.url);
    if ('children' in node) for (const child of node.children as RootContent[]) collectDefs(child);
  };
  collectDefs(tree);

  const push = (node: RootContent, url: string, text: string, kind: Link['kind']): void => {
    const pos = node.position;
    if (!pos || pos.start.offset === undefined || pos.end.offset === undefined) return;
    const start = pos.start.offset - prefix.length;
    if (start < 0) return; // a definition borrowed from elsewhere in the file
    links.push({
      url,
      text,
      kind,
      local: isLocalUrl(url),
      line: place.line + pos.start.line - 1 - prefixLines,
      column: pos.start.column,
      offset: place.offset + start,
      endOffset: place.offset + pos.end.offset - prefix.length,
    });
  };

  const walk = (node: Root | RootContent): void => {
    switch (node.type) {
      case 'link': {
        const text = textOf(node);
        const autolink = node.children.length === 1 && text === node.url.replace(/^mailto:/, '');
        push(node, node.url, autolink ? '' : text, autolink ? 'autolink' : 'inline');
        return; // a link holds no links
      }
      case 'image':
        push(node, node.url, node.alt ?? '', 'image');
        return;
      case 'linkReference':
      case 'imageReference': {
        const url = defs.get(node.identifier);
        if (url !== undefined) push(node, url, textOf(node), node.type === 'imageReference' ? 'image' : 'reference');
        if (node.type === 'linkReference') return;
        return;
      }
      case 'definition':
        push(node, node.url, node.label ?? node.identifier, 'definition');
        return;
      case 'text': {
        const pos = node.position;
        if (!pos || pos.start.offset === undefined) return;
        // NOTE: a text node's value has escapes resolved, so its indexes only map onto the source
        // when the two are the same length; otherwise locate the URL in the source slice.
        for (const m of node.value.matchAll(BARE_URL)) {
          const url = m[0].replace(/[.,:;!?*_~]+$/, '');
          const sourceText = (prefix + chunk).slice(pos.start.offset, pos.end.offset);
          const at = sourceText.indexOf(url);
          if (at < 0) continue;
          const before = sourceText.slice(0, at);
          const nl = before.lastIndexOf('\n');
          const lineDelta = nl < 0 ? 0 : before.split('\n').length - 1;
          const column = nl < 0 ? pos.start.column + at : at - nl;
          const start = pos.start.offset + at - prefix.length;
          if (start < 0) continue;
          links.push({
            url,
            text: '',
            kind: 'bare',
            local: false,
            line: place.line + pos.start.line - 1 - prefixLines + lineDelta,
            column,
            offset: place.offset + start,
            endOffset: place.offset + start + url.length,
          });
        }
        return;
      }
      default:
        if ('children' in node) for (const child of node.children as RootContent[]) walk(child);
    }
  };
  walk(tree);
  return links;
}

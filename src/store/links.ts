// Extracts links from one chunk of markdown through an injected parser; positions shifted to the file's.
import type { Root, RootContent } from 'mdast';
import type { Link } from './schema.js';

export type MarkdownParser = (text: string) => Root;

/** A chunk that may hold a link: only these pay for a markdown parse. */
const INLINE_LINKISH = /\]\(|<[A-Za-z][A-Za-z0-9+.-]{1,31}:|https?:\/\/|www\./i;
const REFERENCE_LINKISH = /\]\s*\[|\]:/;
const DEFINITION_LINE = /^ {0,3}\[[^\]]+\]:/m;

/**
 * `references`: whether the file has reference definitions. Without them `[text][label]` is no
 * link, and `][` is mostly entry metadata (`[KDD'18][Ali]`), which must not cost a parse.
 */
export function mayHoldLinks(text: string, references = DEFINITION_LINE.test(text)): boolean {
  return INLINE_LINKISH.test(text) || (references && REFERENCE_LINKISH.test(text));
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
 * Links in `chunk`. `definitions` holds reference definitions from elsewhere in the file
 * (`[label]: url` lines): a chunk parsed alone would otherwise read `[text][label]` as plain text.
 */
export function extractLinks(
  chunk: string,
  place: ChunkPlace,
  parse: MarkdownParser,
  definitions: ReadonlyMap<string, string> = new Map(),
): Link[] {
  const needed: string[] = [];
  if (definitions.size && chunk.includes('[')) {
    for (const [label, line] of definitions) if (chunk.toLowerCase().includes(`[${label}]`)) needed.push(line);
  }
  const prefix = needed.length ? `${needed.join('\n')}\n\n` : '';
  const prefixLines = needed.length ? needed.length + 1 : 0;
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

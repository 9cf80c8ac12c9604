// The markdown parser behind link extraction: remark-parse (micromark pinned to 4.0.2), loaded on demand.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root } from 'mdast';

const processor = unified().use(remarkParse).freeze();

export function parseMarkdown(text: string): Root {
  return processor.parse(text) as Root;
}

// PL009 no-missing-file: a relative link whose target does not exist next to the digest.
import type { Link } from '../../store/schema.js';
import { linkTarget } from '../context.js';
import { defineRule } from '../types.js';

export const noMissingFile = defineRule({
  id: 'PL009',
  alias: 'no-missing-file',
  description: 'A relative link or image points at a file that does not exist',
  severity: 'error',
  fixable: false,
  docs: {
    details:
      'Relative link and image targets (`[survey](LLM_Serving_Survey.md)`, `![](figs/arch.png)`, reference definitions) are resolved against the folder of the digest that holds them, without `?query` and `#fragment`, percent-decoded. Web links (`https://...`, `www.`), `mailto:` and in-page `#anchors` are never checked or fetched. Links anywhere in the digest count, also in section introductions.',
    bad: '## Systems\n### Towards Efficient Generative Large Language Model Serving[arXiv\'23][CMU]\n- 见论文[LLM_Serving_Survey](LLM_Serving_Survey.md)\n',
    good: '## Systems\n### Towards Efficient Generative Large Language Model Serving[arXiv\'23][CMU]\n- 见论文 [arXiv:2312.15234](https://arxiv.org/abs/2312.15234)\n',
  },
  check(context, report) {
    const byFile = new Map<string, Link[]>();
    for (const entry of context.digest.entries) {
      const list = byFile.get(entry.file) ?? [];
      list.push(...entry.links);
      byFile.set(entry.file, list);
    }
    for (const file of context.files) {
      const links = [...(byFile.get(file.name) ?? []), ...context.looseLinks(file.name)];
      // A reference and its definition share a URL: report the definition when it is in sight.
      const defined = new Set(links.filter((l) => l.kind === 'definition').map((l) => l.url));
      for (const link of links) {
        if (!link.local || (link.kind === 'reference' && defined.has(link.url))) continue;
        const target = linkTarget(file.path, link.url);
        if (target === null || context.exists(target)) continue;
        report({
          file: file.name,
          start: link.offset,
          end: link.endOffset,
          message: `Linked file "${link.url}" does not exist (looked for ${linkTarget(file.name, link.url)})`,
        });
      }
    }
  },
});

// PL009 no-missing-file: a relative link whose target does not exist next to the digest.
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
      'Relative link and image targets (`[survey](LLM_Serving_Survey.md)`, `![](figs/arch.png)`, reference definitions) are resolved against the folder of the digest that holds them, without `?query` and `#fragment`, percent-decoded. Web links (`https://...`, `www.`), `mailto:` and in-page `#anchors` are never checked or fetched. Only links inside entries are seen.',
    bad: '## Systems\n### Towards Efficient Generative Large Language Model Serving[arXiv\'23][CMU]\n- 见论文[LLM_Serving_Survey](LLM_Serving_Survey.md)\n',
    good: '## Systems\n### Towards Efficient Generative Large Language Model Serving[arXiv\'23][CMU]\n- 见论文 [arXiv:2312.15234](https://arxiv.org/abs/2312.15234)\n',
  },
  check(context, report) {
    // A reference and its definition share a URL: report the definition when it is in an entry.
    const defined = new Set<string>();
    for (const entry of context.digest.entries) {
      for (const link of entry.links) if (link.kind === 'definition' && link.local) defined.add(`${entry.file}\n${link.url}`);
    }
    for (const entry of context.digest.entries) {
      if (!entry.links.some((l) => l.local)) continue;
      const file = context.file(entry.file);
      for (const link of entry.links) {
        if (!link.local || (link.kind === 'reference' && defined.has(`${entry.file}\n${link.url}`))) continue;
        const target = linkTarget(file.path, link.url);
        if (target === null || context.exists(target)) continue;
        const shown = linkTarget(file.name, link.url)!;
        report({
          file: entry.file,
          start: link.offset,
          end: link.endOffset,
          message: `Linked file "${link.url}" does not exist (looked for ${shown})`,
        });
      }
    }
  },
});

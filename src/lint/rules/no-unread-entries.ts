// PL017 no-unread-entries: a file with many headings or list items of which papers reads no entry.
import { entryMarker, settingText } from '../../store/dialect.js';
import { defineRule } from '../types.js';

export const noUnreadEntries = defineRule({
  id: 'PL017',
  alias: 'no-unread-entries',
  description: 'A file has many headings or list items but no entries where papers looks for them',
  severity: 'warn',
  fixable: false,
  docs: {
    details:
      'papers finds each file\'s entries itself: `###` headings under `##` sections, unless most `##` (or `####`) headings carry a year, or most top-level list items are papers (`- [ICCV\'17] [Title](url)`). A file in which that finds nothing although it has three or more headings of another level (or paper-like list items) is probably read at the wrong level: the finding names the `entries` setting of papers.config.json that would read it (`{"heading": 2}` for `## Title` entries under `# Section`, `{"bullets": true}` for a list of papers). Every command prints the same hint on stderr.',
    bad: '# Segmentation\n\n## PSPNet: Pyramid Scene Parsing Network\n- pyramid pooling\n\n## DeepLab: Semantic Image Segmentation with Atrous Convolution\n- atrous convolution\n\n## U-Net: Convolutional Networks for Biomedical Image Segmentation\n- skip connections\n',
    good: '# Segmentation\n\n## PSPNet: Pyramid Scene Parsing Network (2017)\n- pyramid pooling\n\n## DeepLab: Semantic Image Segmentation with Atrous Convolution (2018)\n- atrous convolution\n\n## U-Net: Convolutional Networks for Biomedical Image Segmentation (2015)\n- skip connections\n',
  },
  check(context, report) {
    for (const file of context.files) {
      const { at, suggestion } = file.info.entries;
      if (!suggestion) continue;
      // At the first heading (or item) the suggested setting would read as an entry.
      const first = 'heading' in suggestion ? file.scan.outline.find((h) => h.level === suggestion.heading)?.line : file.scan.items[0]?.line;
      const line = first ?? 1;
      const where = 'heading' in at ? `"${entryMarker(at)}" headings` : 'list items';
      const would = 'heading' in suggestion ? `the "${entryMarker(suggestion)}" headings` : 'the list items';
      report({
        file: file.name,
        start: file.lines.starts[line - 1]!,
        end: file.lines.ends[line - 1]!,
        message: `No entries found: they are read from ${where}, and this file has none; ${settingText(suggestion)} in papers.config.json reads ${would} as entries`,
      });
    }
  },
});

// PL003 heading-syntax: entry headings the grammar cannot read fully, and `###Title` without a space.
import { withoutControls } from '../../store/controls.js';
import { defineRule } from '../types.js';

export const headingSyntax = defineRule({
  id: 'PL003',
  alias: 'heading-syntax',
  description: 'An entry heading is malformed: empty title, unbalanced brackets, text after the metadata, or no space after the #',
  severity: 'error',
  fixable: true,
  docs: {
    details:
      'An entry heading is `Title(ALIAS)[Venue\'YY][Org1,Org2]`, or any of the forms other digests write (`[CVPR 2020] Title [[pdf]](url)`, `Title. NIPS\'16`, `Title(2015)`, a list item `- [Title](url)`); links in a heading are the entry\'s links, never an error. An unclosed bracket or text after the metadata loses the venue or the organisations; an empty title leaves nothing to list. `###Title` (and `##Section`) without a space is not a heading in CommonMark, so other markdown tools do not see it; --fix inserts the space, except before `#`s that end the line (`##S ###`), which the space would turn into a closing sequence, dropping them from the title. A trailing `:` is heading-trailing-punctuation.',
    bad: "## Systems\n###TVM: an automated end-to-end optimizing compiler for deep learning[OSDI'18][UW]\n- compiles graphs to tensor programs\n\n### Ansor: Generating High-Performance Tensor Programs[OSDI'20[Berkeley]\n- a larger search space, searched well\n",
    good: "## Systems\n### TVM: an automated end-to-end optimizing compiler for deep learning[OSDI'18][UW]\n- compiles graphs to tensor programs\n\n### Ansor: Generating High-Performance Tensor Programs[OSDI'20][Berkeley]\n- a larger search space, searched well\n",
  },
  check(context, report) {
    const missingSpace = (file: string, heading: { start: number; rawOffset: number }): void => {
      const { text } = context.file(file);
      if (text.charCodeAt(heading.rawOffset - 1) !== 35 /* # */) return;
      const marker = marks(file, heading);
      let eol = heading.rawOffset;
      while (eol < text.length && text[eol] !== '\n' && text[eol] !== '\r') eol++;
      // A bare `##` is an empty heading, not one missing its space (the fix would only add a trailing space).
      if (eol === heading.rawOffset) return;
      // NOTE: with the space, `#`s ending the line become a closing sequence and drop out of the
      // title (`##S ###` is section "S ###", `## S ###` is "S"): that fix would change what it names.
      // Judged without control characters, which no-control-character's fix removes in the same pass.
      const closing = /(?:^|[ \t])#+[ \t]*$/.test(withoutControls(text.slice(heading.rawOffset, eol)));
      report({
        file,
        start: heading.rawOffset - marker.length,
        end: heading.rawOffset,
        message: `Missing space after "${marker}", expected "${marker} " before the heading text`,
        ...(closing ? {} : { fix: { start: heading.rawOffset, end: heading.rawOffset, text: ' ' } }),
      });
    };
    // The marker as written: `##` for a section, `###` (or the file's entry level) for an entry.
    const marks = (file: string, heading: { start: number; rawOffset: number }): string => /#+$/.exec(context.file(file).text.slice(heading.start, heading.rawOffset))?.[0] ?? '##';
    for (const section of context.digest.sections) missingSpace(section.file, section.heading);
    for (const entry of context.digest.entries) {
      missingSpace(entry.file, entry.heading);
      for (const issue of context.heading(entry).issues) {
        if (issue.code === 'trailing-punctuation') continue;
        report({
          file: entry.file,
          start: entry.heading.rawOffset + issue.start,
          end: entry.heading.rawOffset + issue.end,
          message: issue.message,
        });
      }
    }
  },
});

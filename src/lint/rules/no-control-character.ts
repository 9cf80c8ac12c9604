// PL015 no-control-character: control characters and bidi controls in headings and notes.
import type { Edit } from '../../edit/apply.js';
import { CONTROL_PATTERN, describeControl, isBidiControl, withoutControls } from '../../store/controls.js';
import { defineRule, type ReportFn } from '../types.js';

const CONTROLS = new RegExp(`[${CONTROL_PATTERN}]`, 'g');

export const noControlCharacter = defineRule({
  id: 'PL015',
  alias: 'no-control-character',
  description: 'A heading or note holds a control character or a bidi control',
  severity: 'warn',
  fixable: true,
  docs: {
    details:
      'Control characters (C0 but tab and the line endings, DEL, C1) and the bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) are invisible in an editor, yet a terminal acts on them: `ESC[2J` clears it, `ESC]0;...BEL` retitles it, a bidi override reorders the text shown around it ("Trojan Source"). They usually come with text pasted from a terminal or a PDF. papers shows them escaped (`\\x1b`, `\\u202e`) in its own output; --fix removes them, and only them; at the start of a line, where the rest of the line would then be read anew (`\\u0007## x` would become a section), and in a heading whose metadata would then read otherwise (`[X] \\u0007 [x]` has one organisation, `[X]  [x]` two), removing them is only a suggestion. Entry headings, their notes and section headings are checked. (The examples here show the characters as escapes.)',
    bad: "## OCR\n### Donut: OCR-free Document Understanding Transformer[ECCV'22][NAVER]\n- pasted from a terminal: \u001b[31mred\u001b[0m\n- bidi: \u202eTrojan\u202c Source\n",
    good: "## OCR\n### Donut: OCR-free Document Understanding Transformer[ECCV'22][NAVER]\n- pasted from a terminal: [31mred[0m\n- bidi: Trojan Source\n",
  },
  check(context, report) {
    for (const entry of context.digest.entries) {
      const { text } = context.file(entry.file);
      // NOTE: removed from a heading, a control character may let the grammar read more of it
      // (`[X] \u0007 [x][r]` has one organisation, `[X]  [x][r]` three): only suggested then.
      const { rawOffset, raw } = entry.heading;
      const before = context.heading(entry);
      const same = (a: string | null, b: string | null): boolean => (a === null || b === null ? a === b : withoutControls(a).trim() === withoutControls(b).trim());
      const readsOtherwise = (edit: Edit): boolean => {
        const after = context.headingAs(entry.file, raw.slice(0, edit.start - rawOffset) + raw.slice(edit.end - rawOffset));
        return (
          !same(after.title, before.title) ||
          !same(after.alias, before.alias) ||
          !same(after.venueRaw, before.venueRaw) ||
          after.year !== before.year ||
          after.orgs.length !== before.orgs.length ||
          after.orgs.some((o, i) => !same(o, before.orgs[i]!))
        );
      };
      reportControls(entry.file, text, entry.heading.start, entry.heading.end, `the heading of "${entry.title}"`, report, (edit) => edit.start >= rawOffset && readsOtherwise(edit));
      reportControls(entry.file, text, entry.body.start, entry.range.end, `a note of "${entry.title}"`, report);
    }
    for (const section of context.digest.sections) {
      const { text } = context.file(section.file);
      reportControls(section.file, text, section.heading.start, section.heading.end, `the section heading "${section.title}"`, report);
    }
  },
});

/** One finding for each run of adjacent such characters (each named), whose fix removes the run. */
function reportControls(file: string, text: string, start: number, end: number, where: string, report: ReportFn, unsafe: (edit: Edit) => boolean = () => false): void {
  const span = text.slice(start, end);
  CONTROLS.lastIndex = 0;
  let run: { start: number; end: number; codes: number[] } | null = null;
  const flush = (): void => {
    if (!run) return;
    const bidi = run.codes.every(isBidiControl);
    const kind = `${bidi ? 'bidi control' : 'control character'}${run.codes.length > 1 ? 's' : ''}`;
    const edit = { start: run.start, end: run.end, text: '' };
    // NOTE: removed at the start of a line, the line's text would come first (`\u0007## x` becomes a
    // section): only suggested there.
    const lineStart = Math.max(text.lastIndexOf('\n', run.start - 1), text.lastIndexOf('\r', run.start - 1)) + 1;
    const leading = text.slice(lineStart, run.start).trim() === '' || unsafe(edit);
    report({
      file,
      start: run.start,
      end: run.end,
      message: `Unexpected ${kind} ${run.codes.map(describeControl).join(', ')} in ${where}, expected none (a terminal acts on ${run.codes.length > 1 ? 'them' : 'it'})`,
      ...(leading ? { suggestions: [{ desc: `Remove ${run.codes.map(describeControl).join(', ')}`, fix: edit }] } : { fix: edit }),
    });
    run = null;
  };
  for (let m = CONTROLS.exec(span); m !== null; m = CONTROLS.exec(span)) {
    const at = start + m.index;
    if (run && run.end !== at) flush();
    run ??= { start: at, end: at, codes: [] };
    run.end = at + 1;
    run.codes.push(m[0].charCodeAt(0));
  }
  flush();
}

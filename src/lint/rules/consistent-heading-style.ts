// PL016 consistent-heading-style: an entry that writes its venue where the file's other entries do not.
import { fileDialect, formKey, FORM_PATTERN } from '../dialect.js';
import { defineRule } from '../types.js';

export const consistentHeadingStyle = defineRule({
  id: 'PL016',
  alias: 'consistent-heading-style',
  description: "An entry writes its venue in another place or form than most of its file's entries",
  severity: 'warn',
  fixable: false,
  docs: {
    details:
      "Digests put the venue in one place: after the title in brackets (`Title[KDD'18]`), after it in parentheses (`Title (CVPR 2017)`), before it (`[CVPR 2020] Title`, `(CVPR'21) Title`) or trailing after a `.` or `,` (`Title. ICLR 2018`). papers reads them all, but a file that mixes them is hard to scan and `papers add` can follow only one: an entry written unlike the majority of its file's dated entries is reported, with the majority's form as the expected one. Entries without a venue or year are not counted.",
    bad: "## Detection\n### [CVPR 2020] EfficientDet: Scalable and Efficient Object Detection\n- weighted feature fusion\n\n### [ICCV 2019] FCOS: Fully Convolutional One-Stage Object Detection\n- no anchors\n\n### Focal Loss for Dense Object Detection[ICCV'17]\n- down-weights easy negatives\n",
    good: "## Detection\n### [CVPR 2020] EfficientDet: Scalable and Efficient Object Detection\n- weighted feature fusion\n\n### [ICCV 2019] FCOS: Fully Convolutional One-Stage Object Detection\n- no anchors\n\n### [ICCV 2017] Focal Loss for Dense Object Detection\n- down-weights easy negatives\n",
  },
  check(context, report) {
    for (const file of context.files) {
      const dialect = fileDialect(context, file.name);
      const { majority, counts } = dialect;
      if (majority === null || counts.size < 2) continue;
      const total = [...counts.values()].reduce((a, b) => a + b, 0);
      for (const entry of dialect.entries) {
        const key = formKey(context.heading(entry).form);
        if (key === null || key === majority) continue;
        const { raw, rawOffset } = entry.heading;
        report({
          file: entry.file,
          start: rawOffset,
          end: rawOffset + raw.trimEnd().length,
          message: `Venue written as "${FORM_PATTERN[key]}", expected "${FORM_PATTERN[majority]}" as ${counts.get(majority)} of the ${total} dated entries of this file write it`,
        });
      }
    }
  },
});

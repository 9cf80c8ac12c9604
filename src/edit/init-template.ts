// What `papers init` writes: a starter digest in the entry grammar, and the config that names its section. Pure.
import { CONFIG_FILE_NAME } from '../config/schema.js';

/** The one section of the starter digest, and its slug in the config. */
export const STARTER_SECTION = { slug: 'example', title: 'Example' } as const;

/** The starter digest: a title, a comment explaining the grammar, one section with one entry. */
export function starterDigest(): string {
  return `# Paper notes

<!--
papers reads this file; you write it. The shape it understands:

  ## Section heading      groups entries (${CONFIG_FILE_NAME} beside this file gives it a short slug)
  ### Title(ALIAS)[Venue'YY][Org1,Org2]
  - a note, as a bullet: everything up to the next heading belongs to the entry

Every part after the title is optional: (ALIAS) a short name, [Venue'YY] the venue and year
(NeurIPS'17, KDD 2018), then the organisations. An entry with no notes yet is a stub; TODO marks
something to come back to. Replace the example below with your own papers, or add them with
  papers add --title "..." --venue "KDD'18" --org Google --section ${STARTER_SECTION.slug}
-->

## ${STARTER_SECTION.title}

### Attention Is All You Need(Transformer)[NeurIPS'17][Google]
- Replaces recurrence with self-attention: every token attends to every other in one step.
- 多头注意力 + 位置编码；训练比 RNN 快得多。
`;
}

/** The starter config: the section's slug, so `--section example` works. */
export function starterConfig(): string {
  return `${JSON.stringify({ sections: { [STARTER_SECTION.slug]: STARTER_SECTION.title } }, null, 2)}\n`;
}

import { describe, expect, it } from 'vitest';
import { buildStore } from '../../src/store/build.js';
import { isPaperHeading, isPaperItem, layoutHints } from '../../src/store/dialect.js';
import { parseDigest } from '../../src/store/parse.js';
import type { EntriesSetting } from '../../src/store/dialect.js';
import { createVenueRegistry } from '../../src/store/venues.js';

const venues = createVenueRegistry();
const parse = (text: string, entries: EntriesSetting = 'auto') => {
  const file = parseDigest(text, 'd.md', { venues, entries });
  return { file, digest: buildStore([file]) };
};
const layout = (text: string, entries?: EntriesSetting) => parse(text, entries).file.info.entries;
const titles = (text: string, entries?: EntriesSetting) => parse(text, entries).digest.entries.map((e) => [e.title, e.section]);

describe('where a file keeps its entries', () => {
  it('reads ### under ## by default, and for our own digest', () => {
    expect(layout("# T\n## S\n### A[KDD'18]\n- a\n### B\n")).toEqual({ at: { heading: 3 }, detected: true, suggestion: null });
    expect(layout('')).toEqual({ at: { heading: 3 }, detected: true, suggestion: null });
  });

  it('reads ## under # when most ## headings carry a year', () => {
    const text = '# 语义分割\n## 1.FCN:Fully Convolutional Networks(2015)\n- a\n### 结构\n- b\n## 2.PSPNet:Pyramid Scene Parsing Network(2017)\n# 实例分割\n## 3.SOLO:Segmenting Objects by Locations(2020)\n';
    expect(layout(text).at).toEqual({ heading: 2 });
    expect(titles(text)).toEqual([
      ['Fully Convolutional Networks', '语义分割'],
      ['Pyramid Scene Parsing Network', '语义分割'],
      ['Segmenting Objects by Locations', '实例分割'],
    ]);
    // The ### inside a ## entry is part of its notes.
    expect(parse(text).digest.entries[0]!.notes).toBe('- a\n### 结构\n- b');
  });

  it('keeps ### entries under year or venue sections', () => {
    expect(layout('## 2023\n### A\n### B\n### C\n## 2022\n### D\n### E\n').at).toEqual({ heading: 3 });
    expect(layout('## CVPR 2023\n### A\n### B\n### C\n## ICCV 2023\n### D\n### E\n').at).toEqual({ heading: 3 });
    // ... and a list of papers under year sections is a list of papers.
    expect(layout('# Awesome\n## 2020\n- [A](https://a.org/1)\n- [B](https://a.org/2)\n## 2019\n- [C](https://a.org/3)\n').at).toEqual({ bullets: true });
  });

  it('reads ## papers with repeated ### sub-headings as ## entries', () => {
    const paper = (t: string, y: number) => `## ${t} (${y})\n### 方法\n- m\n### 实验\n- e\n`;
    expect(layout(`# 笔记\n${paper('Deep Interest Network', 2018)}${paper('Deep Interest Evolution Network', 2019)}${paper('Behavior Sequence Transformer', 2019)}`).at).toEqual({ heading: 2 });
  });

  it('reads #### entries under ### groups when they carry the years', () => {
    const text = '## Compilers\n### Tensor\n#### TVM [OSDI 2018]\n- t\n#### Ansor [OSDI 2020]\n### Graph\n#### TASO [SOSP 2019]\n';
    expect(layout(text).at).toEqual({ heading: 4 });
    expect(titles(text)).toEqual([
      ['TVM', 'Tensor'],
      ['Ansor', 'Tensor'],
      ['TASO', 'Graph'],
    ]);
    // #### inside ### entries stays notes.
    expect(layout("## S\n### A[KDD'18]\n#### Method (2019)\n### B[KDD'19]\n#### Method (2020)\n").at).toEqual({ heading: 3 });
  });

  it('reads #### entries under ## sections with no ### at all, their venue on the line below', () => {
    const text = [
      '## Optimizers 优化器',
      '',
      '#### Adam: A Method for Stochastic Optimization<br>',
      '*International Conference on Learning Representations (ICLR), 2015*',
      '- 一阶矩 + 二阶矩',
      '',
      '#### Decoupled Weight Decay Regularization<br>',
      '*ICLR 2019*',
      '',
      '## Normalization',
      '#### Layer Normalization<br>',
      '*arXiv preprint arXiv:1607.06450*',
      '#### Group Normalization',
      '- *ECCV 2018* is not on the line right under it',
    ].join('\n');
    expect(layout(text).at).toEqual({ heading: 4 });
    const entries = parse(text).digest.entries;
    expect(entries.map((e) => [e.title, e.venue, e.year, e.section])).toEqual([
      ['Adam: A Method for Stochastic Optimization', 'ICLR', 2015, 'Optimizers 优化器'],
      ['Decoupled Weight Decay Regularization', 'ICLR', 2019, 'Optimizers 优化器'],
      ['Layer Normalization', 'arXiv', 2016, 'Normalization'],
      ['Group Normalization', null, null, 'Normalization'],
    ]);
    // The line stays in the notes, as written.
    expect(entries[0]!.notes).toBe('*International Conference on Learning Representations (ICLR), 2015*\n- 一阶矩 + 二阶矩');
    // Repeated #### sub-headings under ## papers without ### are no papers.
    expect(layout('## A\n#### 方法\n#### 实验\n## B\n#### 方法\n#### 实验\n').at).toEqual({ heading: 3 });
  });

  it('reads ## papers under # sections whose venue is on a labelled line below (known to the registry or not)', () => {
    const text = [
      '# 🗂️ 基础',
      '',
      '## 📄 Paxos Made Simple',
      '',
      '- 👥 **Authors**: Leslie Lamport',
      '- 🏛️ **Venue**: ACM SIGACT News 2001',
      '',
      '**笔记**：两阶段。',
      '',
      '## 📄 The Google File System',
      '- **Published in:** SOSP \'03',
      '',
      '# 🗂️ 存储',
      '## Spanner: Google\'s Globally-Distributed Database',
      '- 会议：OSDI',
      '- 年份：2012',
      '## 📌 Reading plan',
      '- [ ] Venue: look it up (2 of them)',
    ].join('\n');
    expect(layout(text).at).toEqual({ heading: 2 });
    const entries = parse(text).digest.entries;
    expect(entries.map((e) => [e.title, e.venue, e.year, e.section])).toEqual([
      ['Paxos Made Simple', 'ACM SIGACT News', 2001, '🗂️ 基础'],
      ['The Google File System', 'SOSP', 2003, '🗂️ 基础'],
      ["Spanner: Google's Globally-Distributed Database", 'OSDI', 2012, '🗂️ 存储'],
      ['Reading plan', null, null, '🗂️ 存储'],
    ]);
    // The labelled lines stay in the notes, as written.
    expect(entries[1]!.notes).toBe("- **Published in:** SOSP '03");
    // One heading with a labelled venue is not a digest of ## papers.
    expect(layout('# A\n## B\n- Venue: CVPR 2019\n## C\n## D\n').at).toEqual({ heading: 3 });
  });

  it('leaves a list of tools out of a digest of paper lists', () => {
    const text = [
      '## GNN',
      "- [GCN](https://arxiv.org/abs/1609.02907) ICLR'17",
      '- [GAT](https://arxiv.org/abs/1710.10903) - *ICLR*',
      '- [GraphSAGE](https://arxiv.org/abs/1706.02216)',
      '',
      '## 工具',
      '- [DGL](https://www.dgl.ai/)',
      '- [PyG 文档](https://pytorch-geometric.readthedocs.io/)',
      '',
    ].join('\n');
    expect(layout(text).at).toEqual({ bullets: true });
    expect(titles(text)).toEqual([
      ['GCN', 'GNN'],
      ['GAT', 'GNN'],
      ['GraphSAGE', 'GNN'],
    ]);
    // Told that list items are papers, every list's items are.
    expect(titles(text, { bullets: true }).map((t) => t[0])).toEqual(['GCN', 'GAT', 'GraphSAGE', 'DGL', 'PyG 文档']);
    // A digest none of whose lists give a venue or a year keeps them all.
    expect(titles('## A\n- [X One](https://a.org/1)\n- [Y Two](https://a.org/2)\n- [Z Three](https://a.org/3)\n\n## B\n- [W](https://w.org)\n', { bullets: true }).length).toBe(4);
  });

  it('reads one paper per top-level list item, under HTML headings, leaving the table of contents and footers out', () => {
    const text = [
      '# Awesome',
      '- [Two-stage](#two-stage)',
      '- [One-stage](#one-stage)',
      '',
      '<h3 id="two-stage">Two-stage</h3>',
      '',
      "- [ICCV'17] [Mask R-CNN](https://arxiv.org/abs/1703.06870). 某某团队",
      "- [NIPS'15] [Faster R-CNN](https://arxiv.org/abs/1506.01497)",
      '  - 区域建议网络',
      '',
      '<h3 id="one-stage">One-stage</h3>',
      '',
      '- [Focal Loss for Dense Object Detection](https://arxiv.org/abs/1708.02002) (ICCV 2017)',
      '- [SSD](https://arxiv.org/abs/1512.02325), ECCV 2016',
      '',
      '[[back to top]](#awesome)',
      '',
    ].join('\n');
    const { file, digest } = parse(text);
    expect(file.info.entries.at).toEqual({ bullets: true });
    expect(digest.sections.map((s) => s.title)).toEqual(['Two-stage', 'One-stage']);
    expect(digest.entries.map((e) => [e.title, e.venue, e.year, e.section, e.line])).toEqual([
      ['Mask R-CNN', 'ICCV', 2017, 'Two-stage', 7],
      ['Faster R-CNN', 'NeurIPS', 2015, 'Two-stage', 8],
      ['Focal Loss for Dense Object Detection', 'ICCV', 2017, 'One-stage', 13],
      ['SSD', 'ECCV', 2016, 'One-stage', 14],
    ]);
    expect(digest.entries.map((e) => e.notes)).toEqual(['某某团队', '  - 区域建议网络', '', '']);
    // The footer after the list belongs to no entry.
    expect(text.slice(digest.entries[3]!.range.start, digest.entries[3]!.range.end)).toBe('- [SSD](https://arxiv.org/abs/1512.02325), ECCV 2016\n\n');
    expect(digest.entries[0]!.links.length).toBe(0);
  });

  it('keeps a digest of headings whose notes are lists a digest of headings', () => {
    const notes = Array.from({ length: 10 }, (_, i) => `- [Related ${i}](https://arxiv.org/abs/${i}) CVPR 2019`).join('\n');
    expect(layout(`## S\n### A[KDD'18]\n${notes}\n### B[KDD'19]\n${notes}\n`).at).toEqual({ heading: 3 });
  });

  it('reads papers at two levels of one file: a heading that groups deeper papers is a section', () => {
    const text = [
      '# Backbones',
      '## Deep Residual Learning for Image Recognition (2016)',
      '- skip connections',
      '## Densely Connected Convolutional Networks (2017)',
      '# Part II: Graphs',
      '## Graph embeddings',
      '### Shallow embeddings',
      '#### DeepWalk: Online Learning of Social Representations (2014)',
      '- random walks',
      '#### LINE: Large-scale Information Network Embedding (2015)',
      '### GNNs',
      '#### Graph Attention Networks (2018)',
      '## Squeeze-and-Excitation Networks (2018)',
      '',
    ].join('\n');
    expect(layout(text).at).toEqual({ heading: 2 });
    const { digest } = parse(text);
    expect(digest.entries.map((e) => [e.title, e.year, e.section])).toEqual([
      ['Deep Residual Learning for Image Recognition', 2016, 'Backbones'],
      ['Densely Connected Convolutional Networks', 2017, 'Backbones'],
      ['DeepWalk: Online Learning of Social Representations', 2014, 'Shallow embeddings'],
      ['LINE: Large-scale Information Network Embedding', 2015, 'Shallow embeddings'],
      ['Graph Attention Networks', 2018, 'GNNs'],
      ['Squeeze-and-Excitation Networks', 2018, 'Part II: Graphs'],
    ]);
    expect(digest.sections.map((s) => s.title)).toEqual(['Backbones', 'Part II: Graphs', 'Graph embeddings', 'Shallow embeddings', 'GNNs']);
    // A paper whose notes have dated sub-headings stays one entry; so does a group of one.
    expect(titles('## S\n### A[KDD\'18]\n#### Results on CVPR 2019\n#### Ablations in 2020 runs\n### B[KDD\'19]\n').map((t) => t[0])).toEqual(['A', 'B']);
    expect(titles('# S\n## Fully Convolutional Networks (2015)\n## Deep Residual Learning (2016)\n## Group\n### Mask R-CNN (2017)\n').map((t) => t[0])).toEqual(['Fully Convolutional Networks', 'Deep Residual Learning', 'Group']);
  });

  it('reads the papers a section lists in a digest of headings', () => {
    const text = [
      '## Reinforcement Learning',
      '### Value-based',
      '#### Human-level control through deep reinforcement learning (DQN). Nature 2015',
      '- replay',
      '#### Dueling Network Architectures for Deep Reinforcement Learning. ICML 2016',
      '### Exploration',
      'A few more:',
      '',
      "- Hindsight Experience Replay (HER), NIPS'17",
      '  - goals relabelled',
      '- World Models. arXiv 2018',
      '',
      '## Speech',
      "* **Listen, Attend and Spell** (LAS), ICASSP'16",
      '* **Deep Speech 2: End-to-End Speech Recognition in English and Mandarin**, ICML 2016',
      '## Links',
      '- [a blog](https://example.org)',
      '- [another](https://example.com)',
      '',
    ].join('\n');
    expect(layout(text).at).toEqual({ heading: 4 });
    const entries = parse(text).digest.entries;
    expect(entries.map((e) => [e.title, e.alias, e.venue, e.year, e.section, e.line])).toEqual([
      ['Human-level control through deep reinforcement learning', 'DQN', 'Nature', 2015, 'Value-based', 3],
      ['Dueling Network Architectures for Deep Reinforcement Learning', null, 'ICML', 2016, 'Value-based', 5],
      ['Hindsight Experience Replay', 'HER', 'NeurIPS', 2017, 'Exploration', 9],
      ['World Models', null, 'arXiv', 2018, 'Exploration', 11],
      ['Listen, Attend and Spell', 'LAS', 'ICASSP', 2016, 'Speech', 14],
      ['Deep Speech 2: End-to-End Speech Recognition in English and Mandarin', null, 'ICML', 2016, 'Speech', 15],
    ]);
    expect(entries[2]!.notes).toBe('  - goals relabelled');
    // Our own dialect: a section's intro list of one dated link is no entry.
    expect(titles("## S\n- see [DIN](https://x.org) KDD 2018\n### A[KDD'18]\n- a\n").map((t) => t[0])).toEqual(['A']);
  });

  it('reads the papers listed under a heading that names a year or a venue alone, in a digest of headings', () => {
    const text = [
      '## Papers',
      "### Attention Is All You Need[NeurIPS'17]",
      '- a',
      "### Deep Residual Learning[CVPR'16]",
      '## Older picks',
      '### 2018',
      '- [ICLR] Mixed Precision Training',
      '  - fp16',
      '- [ICML] Efficient Neural Architecture Search via Parameter Sharing',
      '### ICML',
      '- [Some Paper](https://x.org/1) 2019',
      '- [Another Paper](https://x.org/2) 2020',
      '### 2020',
      '- just one note, no papers',
      '',
    ].join('\n');
    const entries = parse(text).digest.entries;
    expect(entries.map((e) => [e.title, e.venue, e.year, e.section])).toEqual([
      ['Attention Is All You Need', 'NeurIPS', 2017, 'Papers'],
      ['Deep Residual Learning', 'CVPR', 2016, 'Papers'],
      ['Mixed Precision Training', 'ICLR', 2018, '2018'],
      ['Efficient Neural Architecture Search via Parameter Sharing', 'ICML', 2018, '2018'],
      ['Some Paper', 'ICML', 2019, 'ICML'],
      ['Another Paper', 'ICML', 2020, 'ICML'],
      ['2020', null, null, 'Older picks'],
    ]);
  });

  it('reads list items whose venue is on a line of their own under the title', () => {
    const text = [
      '## Security',
      '',
      '1. **Intriguing properties of neural networks**  ',
      '   Christian Szegedy, Wojciech Zaremba',
      '   *ICLR 2014*',
      '   - adversarial examples exist',
      '2. **Tangible Bits: Towards Seamless Interfaces between People, Bits and Atoms** — Hiroshi Ishii',
      "   (CHI '97)",
      '3. **Megatron-LM: Training Multi-Billion Parameter Language Models Using Model Parallelism**  ',
      '   [arXiv 1909.08053]',
      '4. **PipeDream: Generalized Pipeline Parallelism for DNN Training**  ',
      '   Deepak Narayanan, Matei Zaharia — SOSP 2019',
      '5. **A paper to read**',
      '   - read with *ICLR 2015* in mind: a nested note, not its venue',
      '',
    ].join('\n');
    expect(layout(text).at).toEqual({ bullets: true });
    expect(parse(text).digest.entries.map((e) => [e.title, e.venue, e.year])).toEqual([
      ['Intriguing properties of neural networks', 'ICLR', 2014],
      ['Tangible Bits: Towards Seamless Interfaces between People, Bits and Atoms', 'CHI', 1997],
      ['Megatron-LM: Training Multi-Billion Parameter Language Models Using Model Parallelism', 'arXiv', 2019],
      ['PipeDream: Generalized Pipeline Parallelism for DNN Training', 'SOSP', 2019],
      ['A paper to read', null, null],
    ]);
  });

  it('follows the config, whatever it would detect', () => {
    const text = "# S\n## A(2019)\n- a\n## B(2020)\n- [x](http://x) 2019\n";
    expect(layout(text, { heading: 3 }).at).toEqual({ heading: 3 });
    expect(layout(text, { heading: 3 }).detected).toBe(false);
    expect(titles(text, { bullets: true })).toEqual([
      ['a', 'A(2019)'],
      ['x', 'B(2020)'],
    ]);
    expect(titles('## S\n- Deep Residual Learning\n- Attention Is All You Need\n', { bullets: true })).toEqual([
      ['Deep Residual Learning', 'S'],
      ['Attention Is All You Need', 'S'],
    ]);
  });

  it('suggests the setting that would read a file where it finds no entries', () => {
    const text = '# Segmentation\n## PSPNet: Pyramid Scene Parsing Network\n## DeepLab: Atrous Convolution\n## U-Net: Convolutional Networks\n';
    const entries = layout(text);
    expect(entries).toEqual({ at: { heading: 3 }, detected: true, suggestion: { heading: 2 } });
    expect(layoutHints([{ file: 'd.md', entries }])).toEqual([
      'no entries found in d.md (entries are read from "###" headings); to read its "##" headings as entries, set "entries": {"heading": 2} in papers.config.json',
    ]);
    expect(layout('# L\n- Deep Residual Learning, CVPR 2016\n- Attention Is All You Need, NeurIPS 2017\n- BERT: Pre-training, NAACL 2019\n').suggestion).toBeNull();
    expect(layout('# Notes\nsome text\n## One\n## Two\n').suggestion).toBeNull();
  });
});

describe('isPaperHeading', () => {
  it.each([
    ['3.PSPNet:Pyramid Scene Parsing Network(2017)', true],
    ["DBNet[AAAI'20]", true],
    ['[CVPR 2020] Some Title', true],
    ['深度兴趣网络点击率预估 2018', true],
    ['2023', false],
    ['CVPR 2023', false],
    ['2023年', false],
    ['Some Title', false],
    ['Session 1 — 2023-09-07', false],
    ['Meeting notes 2023/10/05', false],
  ])('%s -> %s', (raw, paper) => {
    expect(isPaperHeading(raw)).toBe(paper);
  });
});

describe('isPaperItem', () => {
  it.each([
    ["[ICCV'17] [Mask R-CNN](https://x.org)", true],
    ['【KDD2018】Deep Interest Network', true],
    ["(CVPR'21) Title", true],
    ['**[Longformer](https://arxiv.org/abs/2004.05150)** - Beltagy et al.', true],
    ['Deep Residual Learning for Image Recognition, CVPR 2016', true],
    ['[Two-stage](#two-stage)', false],
    ['[notes](notes/dpr.md)', false],
    ['[code](https://github.com/x/y)', false],
    ['[ICML] Efficient Neural Architecture Search', true],
    ['🏭 [Modeling Task Relationships](https://dl.acm.org/x) **[KDD 2018]**', true],
    [':fire: [Some Paper](https://x.org/1) CVPR 2019', true],
    ['[Notes] on what to read', false],
    ['是对原始的深度推荐模型的改进 2019', false],
    ['a plain note', false],
  ])('%s -> %s', (raw, paper) => {
    expect(isPaperItem(raw, (n) => venues.isKnown(n))).toBe(paper);
  });
});

// The dialect corpus: fixtures in each way issue 14 lists that digests write their papers, each with
// the papers it holds (line, title, venue, year) and the lint findings expected, in expected.json.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/store/schema.js';
import { memoryIo, run } from '../helpers/memory-io.js';

type Paper = [line: number, title: string, venue: string | null, year: number | null];
const dir = new URL('../fixtures/dialects/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) as Record<string, { papers: Paper[]; lint: string[] }>;
const bytesOf = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(name, dir)));

/** The store's entries of one fixture, read as a user's digest is (decoding included). */
async function entriesOf(name: string): Promise<Entry[]> {
  const r = await run(memoryIo({ '/w/notes/digest.md': bytesOf(name) }, { cwd: '/w' }), 'list', '--json');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Entry[];
}

/** The share of the expected papers read as entries with the right title, venue and year, and the ones read wrong. */
function paperShare(entries: readonly Entry[], papers: readonly Paper[]): { share: number; wrong: string[] } {
  const byLine = new Map(entries.map((e) => [e.line, JSON.stringify([e.line, e.title, e.venue, e.year])]));
  const wrong = papers.filter((p) => byLine.get(p[0]) !== JSON.stringify(p)).map((p) => `${JSON.stringify(p)} read as ${byLine.get(p[0]) ?? 'no entry'}`);
  return { share: (papers.length - wrong.length) / papers.length, wrong };
}

describe.each(Object.entries(expected))('the %s dialect fixture', (name, want) => {
  it('reads at least 95% of its papers with the right title, venue and year, and nothing else as an entry', async () => {
    const entries = await entriesOf(name);
    const { share, wrong } = paperShare(entries, want.papers);
    expect(share, wrong.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(entries.map((e) => e.line)).toEqual(want.papers.map((p) => p[0]));
  });

  it('lints with exactly the expected findings, none of them a heading-syntax error', async () => {
    const r = await run(memoryIo({ '/w/notes/digest.md': bytesOf(name) }, { cwd: '/w' }), 'lint', '--format', 'json');
    const report = JSON.parse(r.stdout) as Array<{ messages: Array<{ line: number; ruleId: string }> }>;
    const found = report.flatMap((f) => f.messages.map((m) => `${m.line} ${m.ruleId}`));
    expect(found).toEqual(want.lint);
    expect(found.filter((f) => f.endsWith('heading-syntax'))).toEqual([]);
    expect(r.code).toBe(0);
  });
});

describe('the corpus as a whole', () => {
  it('has a fixture for every dialect row of issue 14, and reads every paper of them right', async () => {
    expect(Object.keys(expected).sort()).toEqual(['awesome.md', 'bullets.md', 'gbk.md', 'glued.md', 'grouped.md', 'h2-numbered.md', 'h3-name-year.md', 'h4.md', 'mixed.md', 'trailing.md', 'venue-first.md']);
    let right = 0;
    let total = 0;
    for (const [name, want] of Object.entries(expected)) {
      const { share } = paperShare(await entriesOf(name), want.papers);
      right += share * want.papers.length;
      total += want.papers.length;
    }
    expect(right / total).toBe(1);
  });

  it('reads the GBK digest exactly like its UTF-8 copy', async () => {
    const gbk = await entriesOf('gbk.md');
    const utf8 = await entriesOf('h3-name-year.md');
    expect(gbk).toEqual(utf8);
    expect(gbk.some((e) => /[\u4e00-\u9fff]/.test(e.notes))).toBe(true);
  });
});

// Held out: digests written by someone who did not write the grammar nor look at it, scored without
// changing the grammar for them. A paper is matched by its title, so a wrong title counts as missed.
type HeldOut = [title: string, venue: string | null, year: number | null];
const heldOutDir = new URL('../fixtures/dialects-heldout/', import.meta.url);
const heldOut = JSON.parse(readFileSync(new URL('expected.json', heldOutDir), 'utf8')) as Record<string, { papers: HeldOut[]; lint: string[] }>;
const heldOutIo = (name: string) => memoryIo({ '/w/notes/digest.md': new Uint8Array(readFileSync(new URL(name, heldOutDir))) }, { cwd: '/w' });

describe.each(Object.entries(heldOut))('the held-out %s digest', (name, want) => {
  it('reads each of its papers, and only them, with the right title, venue and year', async () => {
    const r = await run(heldOutIo(name), 'list', '--json');
    expect(r.code).toBe(0);
    const got = (JSON.parse(r.stdout) as Entry[]).map((e): HeldOut => [e.title, e.venue, e.year]);
    expect(got).toEqual(want.papers);
  });

  it('lints with the expected findings and no heading-syntax error', async () => {
    const r = await run(heldOutIo(name), 'lint', '--format', 'json');
    const report = JSON.parse(r.stdout) as Array<{ messages: Array<{ line: number; ruleId: string }> }>;
    expect(report.flatMap((f) => f.messages.map((m) => `${m.line} ${m.ruleId}`))).toEqual(want.lint);
    expect(r.code).toBe(0);
  });
});

// Held-out sets two and three, scored the same way before the grammar saw them: set two read 193 of
// its 211 papers right then (91%), set three 104 of 188 (55%). The grammar has since learnt what they
// taught (so they are no longer held out): a label after a dated venue ([ECCV 2020 Spotlight],
// （NAACL 2018 最佳论文）); emoji and `:shortcode:`s marking a line or its links; an emphasised title
// before its authors; authors or a lab in parentheses after a trailing venue; an acronym glued to its
// year in front (【ADKDD2017】); the year first without brackets (2016-CVPR Title, 2021 | ICLR |
// Title); a doubled dash before a trailing venue; a publisher or `Proceedings of` before a venue;
// a venue's full name after a title (—— Journal of Machine Learning Research 2020); `####` papers
// under `##` with no `###`, their venue on the emphasised line under the heading; papers in lists
// nested under group labels (`- **FCN-based**` then `  - paper`). What they still miss is listed.
type HeldOutSet = { dir: string; known: string[] };
const HELD_OUT_SETS: HeldOutSet[] = [
  { dir: 'dialects-heldout2', known: ['Generalizing from a Few Examples: A Survey on Few-Shot Learning'] },
  {
    dir: 'dialects-heldout3',
    known: [],
  },
  // Set four read 98 of its 195 papers right before the grammar saw it (50%). It taught the numbered
  // `## 1.FCN:Fully Convolutional Networks ...(2015)` (a name glued to the colon is a label: FCN is
  // the alias, the title follows) and `## 📄 Title` with its venue on a labelled line below
  // (`- 🏛️ **Venue**: OSDI 2004`).
  { dir: 'dialects-heldout4', known: [] },
  // Set five read 110 of its 214 papers right before the grammar saw it (51%). It taught papers at
  // several levels in one file (`## Graph embeddings` grouping `#### DeepWalk ... (2014)`), papers
  // listed in a section of a digest of headings (`### Exploration`, then `- World Models. arXiv 2018`),
  // items whose venue is on a line of their own under the title (`1. **Title**`, `   *ICLR 2014*`), and
  // that `2023-09-07` is a date, no year, and tables of papers (`| Title | Venue | Year |`). Still missed:
  // bold-title paragraphs (`**Title**`, then `Venue: SOSP 2009`), and a reading group's session log
  // (`### Session 1 — 2023-09-07` then `**Paper:** Title`).
  {
    dir: 'dialects-heldout5',
    known: [
      "The Multikernel: A new OS architecture for scalable multicore systems",
      "seL4: Formal Verification of an OS Kernel",
      "Arrakis: The Operating System is the Control Plane",
      "IX: A Protected Dataplane Operating System for High Throughput and Low Latency",
      "Shenango: Achieving High CPU Efficiency for Latency-sensitive Datacenter Workloads",
      "Firecracker: Lightweight Virtualization for Serverless Applications",
      "Scaling Laws for Neural Language Models",
      "Training Compute-Optimal Large Language Models",
      "Outrageously Large Neural Networks: The Sparsely-Gated Mixture-of-Experts Layer",
      "Switch Transformers: Scaling to Trillion Parameter Models with Simple and Efficient Sparsity",
      "FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness",
      "Efficiently Modeling Long Sequences with Structured State Spaces",
      "Hyena Hierarchy: Towards Larger Convolutional Language Models",
      "LLaMA: Open and Efficient Foundation Language Models",
      "Sparks of Artificial General Intelligence: Early experiments with GPT-4",
      "ReAct: Synergizing Reasoning and Acting in Language Models",
      "Toolformer: Language Models Can Teach Themselves to Use Tools",
      "Direct Preference Optimization: Your Language Model is Secretly a Reward Model",
      "Classifier-Free Diffusion Guidance",
      "Deep Double Descent: Where Bigger Models and More Data Hurt",
      "Understanding deep learning requires rethinking generalization",
      "Visualizing the Loss Landscape of Neural Nets",
      "On Large-Batch Training for Deep Learning: Generalization Gap and Sharp Minima",
    ],
  },
  // Set six read 141 of its 209 papers right before the grammar saw it (67.5%). It taught a venue in a
  // code span after a link (`` `arXiv 2019` ``), an emoji in front of a paper item (`🏭 [Title](url)`),
  // joint meetings (`NAACL-HLT 2016`, `EMNLP-IJCNLP 2019`), a labelled venue cell (`NeurIPS (oral)`) and
  // papers in `<details><summary>Title (SOSP 2003)</summary>` blocks, an item's venue first on the line
  // under its title (`ICLR 2014 · Szegedy, ...`) and `### Paper: Title`. Still missed: labelled blocks
  // under no heading (`**Title:** ...`, `**Venue:** ...`, `**Year:** ...`), venues given only in footnotes.
  {
    dir: 'dialects-heldout6',
    known: [
      "Dynamo: Amazon's Highly Available Key-value Store",
      "Large-scale cluster management at Google with Borg",
      "TensorFlow: A System for Large-Scale Machine Learning",
      "How Good Are Query Optimizers, Really?",
      "Deep Learning with Differential Privacy",
      "Calibrating Noise to Sensitivity in Private Data Analysis",
      "Adam: A Method for Stochastic Optimization",
      "Understanding deep learning requires rethinking generalization",
      "Spectrally-normalized margin bounds for neural networks",
      "Neural Tangent Kernel: Convergence and Generalization in Neural Networks",
      "The Lottery Ticket Hypothesis: Finding Sparse, Trainable Neural Networks",
      "Deep Double Descent: Where Bigger Models and More Data Hurt",
      "Scaling Laws for Neural Language Models",
      "Attention is not Explanation",
      "Big Bird: Transformers for Longer Sequences",
      "Efficiently Modeling Long Sequences with Structured State Spaces",
      "Emergent Abilities of Large Language Models",
      "Self-Consistency Improves Chain of Thought Reasoning in Language Models",
      "Toolformer: Language Models Can Teach Themselves to Use Tools",
      "Generative Agents: Interactive Simulacra of Human Behavior",
    ],
  },
  // Set seven read 98 of its 209 papers right before the grammar saw it (46.9%). It taught a separator
  // run before a trailing venue (`Barham et al., SOSP '03`), stars marking an item (`★ **Title**`),
  // authors between a title and its venue (`Title. Yifan Hu, Yehuda Koren. ICDM 2008.`) and the
  // registry's TOCS, TODS, CACM and CIDR. Still missed: Obsidian fields (`venue:: KDD`), venues in
  // shields.io badges, full ACM citations (`Authors. 1986. Title. In *Proc...* (SIGMOD '86).`).
  {
    dir: 'dialects-heldout7',
    known: [
      "Going Deeper with Convolutions",
      "Matrix Factorization Techniques for Recommender Systems",
      "Factorization Machines",
      "Paxos Made Simple",
      "DeepWalk: Online Learning of Social Representations",
      "LINE: Large-scale Information Network Embedding",
      "node2vec: Scalable Feature Learning for Networks",
      "Convolutional Neural Networks on Graphs with Fast Localized Spectral Filtering",
      "Semi-Supervised Classification with Graph Convolutional Networks",
      "Neural Message Passing for Quantum Chemistry",
      "Inductive Representation Learning on Large Graphs",
      "Graph Attention Networks",
      "How Powerful are Graph Neural Networks?",
      "Deep Graph Infomax",
      "Simplifying Graph Convolutional Networks",
      "Do Transformers Really Perform Bad for Graph Representation?",
      "Graph Neural Networks: A Review of Methods and Applications",
      "Translating Embeddings for Modeling Multi-relational Data",
      "Modeling Relational Data with Graph Convolutional Networks",
      "Cluster-GCN: An Efficient Algorithm for Training Deep and Large Graph Convolutional Networks",
      "Open Graph Benchmark: Datasets for Machine Learning on Graphs",
      "Biological structure and function emerge from scaling unsupervised learning to 250 million protein sequences",
      "Highly accurate protein structure prediction with AlphaFold",
      "Accurate prediction of protein structures and interactions using a three-track neural network",
      "Evolutionary-scale prediction of atomic-level protein structure with a language model",
      "Predicting effects of noncoding variants with deep learning–based sequence model",
      "Deep generative modeling for single-cell transcriptomics",
      "Effective gene expression prediction from sequence by integrating long-range interactions",
      "Basic local alignment search tool",
      "Fast and sensitive protein alignment using DIAMOND",
      "Microsoft COCO: Common Objects in Context",
      "Show, Attend and Tell: Neural Image Caption Generation with Visual Attention",
      "VQA: Visual Question Answering",
      "Bottom-Up and Top-Down Attention for Image Captioning and Visual Question Answering",
      "ViLBERT: Pretraining Task-Agnostic Visiolinguistic Representations for Vision-and-Language Tasks",
      "LXMERT: Learning Cross-Modality Encoder Representations from Transformers",
      "UNITER: UNiversal Image-TExt Representation Learning",
      "Oscar: Object-Semantics Aligned Pre-training for Vision-Language Tasks",
      "ViLT: Vision-and-Language Transformer Without Convolution or Region Supervision",
      "Align before Fuse: Vision and Language Representation Learning with Momentum Distillation",
      "Learning Transferable Visual Models From Natural Language Supervision",
      "Scaling Up Visual and Vision-Language Representation Learning With Noisy Text Supervision",
      "LAION-5B: An open large-scale dataset for training next generation image-text models",
      "ImageBind: One Embedding Space To Bind Them All",
      "Zero-Shot Text-to-Image Generation",
      "Hierarchical Text-Conditional Image Generation with CLIP Latents",
      "Photorealistic Text-to-Image Diffusion Models with Deep Language Understanding",
      "Flamingo: a Visual Language Model for Few-Shot Learning",
      "BLIP: Bootstrapping Language-Image Pre-training for Unified Vision-Language Understanding and Generation",
      "BLIP-2: Bootstrapping Language-Image Pre-training with Frozen Image Encoders and Large Language Models",
      "Visual Instruction Tuning",
      "MiniGPT-4: Enhancing Vision-Language Understanding with Advanced Large Language Models",
      "Qwen-VL: A Versatile Vision-Language Model for Understanding, Localization, Text Reading, and Beyond",
      "GPT-4 Technical Report",
      "Multimodal Machine Learning: A Survey and Taxonomy",
      "Sigmoid Loss for Language Image Pre-Training",
      "Congestion Avoidance and Control",
      "BBR: Congestion-Based Congestion Control",
      "The QUIC Transport Protocol: Design and Internet-Scale Deployment",
      "Chord: A Scalable Peer-to-peer Lookup Service for Internet Applications",
      "A Scalable, Commodity Data Center Network Architecture",
      "Data Center TCP (DCTCP)",
      "Jupiter Rising: A Decade of Clos Topologies and Centralized Control in Google's Datacenter Network",
      "OpenFlow: Enabling Innovation in Campus Networks",
      "A Relational Model of Data for Large Shared Data Banks",
      "Access Path Selection in a Relational Database Management System",
      "The Design of POSTGRES",
      "The Log-Structured Merge-Tree (LSM-Tree)",
      "C-Store: A Column-oriented DBMS",
      "Column-Stores vs. Row-Stores: How Different Are They Really?",
      "Spark SQL: Relational Data Processing in Spark",
      "Amazon Aurora: Design Considerations for High Throughput Cloud-Native Relational Databases",
      "The Case for Learned Index Structures",
      "Meltdown: Reading Kernel Memory from User Space",
      "Spectre Attacks: Exploiting Speculative Execution",
      "Towards Evaluating the Robustness of Neural Networks",
      "Membership Inference Attacks Against Machine Learning Models",
      "Deep Learning with Differential Privacy",
      "The Computer for the 21st Century",
      "Tangible Bits: Towards Seamless Interfaces between People, Bits and Atoms",
      "Guidelines for Human-AI Interaction",
    ],
  },
];

describe.each(HELD_OUT_SETS)('the held-out set in $dir', ({ dir, known }) => {
  const base = new URL(`../fixtures/${dir}/`, import.meta.url);
  const want = JSON.parse(readFileSync(new URL('expected.json', base), 'utf8')) as Record<string, { papers: HeldOut[]; lint: string[] }>;
  const io = (name: string) => memoryIo({ '/w/notes/digest.md': new Uint8Array(readFileSync(new URL(name, base))) }, { cwd: '/w' });
  const read = async (name: string): Promise<Entry[]> => JSON.parse((await run(io(name), 'list', '--json')).stdout) as Entry[];

  it.each(Object.keys(want))('reads every paper of %s right but the known misses, and lints it as expected (no heading-syntax error, no false duplicate)', async (name) => {
    const got = (await read(name)).map((e) => JSON.stringify([e.title, e.venue, e.year]));
    const missed = want[name]!.papers.filter((p) => !got.includes(JSON.stringify(p))).map((p) => p[0]);
    expect(missed).toEqual(want[name]!.papers.map((p) => p[0]).filter((t) => known.includes(t)));
    const r = await run(io(name), 'lint', '--format', 'json');
    const found = (JSON.parse(r.stdout) as Array<{ messages: Array<{ line: number; ruleId: string }> }>).flatMap((f) => f.messages.map((m) => `${m.line} ${m.ruleId}`));
    expect(found).toEqual(want[name]!.lint);
    expect(found.filter((f) => f.endsWith('heading-syntax') || f.endsWith('no-duplicate-entry'))).toEqual([]);
  });

  it('reads a GBK copy exactly like its UTF-8 one', async () => {
    const gbk = Object.keys(want).filter((n) => n.endsWith('.gbk.md'));
    for (const name of gbk) expect(await read(name)).toEqual(await read(name.replace('.gbk.md', '.md')));
    expect(gbk.length).toBe(dir === 'dialects-heldout2' ? 1 : 0);
  });
});

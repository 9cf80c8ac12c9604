import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPersonName, parseHeading, readItemMetaLine, readLabelledLine, readVenueLine, readVenueYear } from '../../src/store/heading.js';
import { createVenueRegistry } from '../../src/store/venues.js';

const venues = createVenueRegistry();
const isVenue = (name: string): boolean => venues.isKnown(name);
const read = (raw: string) => {
  const h = parseHeading(raw, isVenue);
  return { title: h.title, alias: h.alias, venue: h.venueRaw, year: h.year, orgs: h.orgs, issues: h.issues.map((i) => i.code) };
};

describe('parseHeading in the dialects other digests write', () => {
  it.each([
    // venue first, links after the title
    ['[CVPR 2020] Some Title [[pdf]](https://arxiv.org/abs/1) [[code]](https://github.com/x/y)', 'Some Title', null, 'CVPR', 2020, []],
    ["[ICCV'17] [Mask R-CNN](https://arxiv.org/abs/1703.06870). 某某团队", 'Mask R-CNN', null, 'ICCV', 2017, []],
    ['【KDD2018】Deep Interest Network', 'Deep Interest Network', null, 'KDD', 2018, []],
    ['[NeurIPS-2020] Graph Contrastive Learning', 'Graph Contrastive Learning', null, 'NeurIPS', 2020, []],
    ["(CVPR'21) Some Title", 'Some Title', null, 'CVPR', 2021, []],
    ['（KDD 2019）KGAT: Knowledge Graph Attention Network', 'KGAT: Knowledge Graph Attention Network', null, 'KDD', 2019, []],
    ['CVPR 2019: Some Title', 'Some Title', null, 'CVPR', 2019, []],
    // numbered, lone years
    ['3.PSPNet:Pyramid Scene Parsing Network(2017)', 'Pyramid Scene Parsing Network', 'PSPNet', null, 2017, []],
    ['12、DANet：Dual Attention Network for Scene Segmentation(2019)', 'Dual Attention Network for Scene Segmentation', 'DANet', null, 2019, []],
    // with a space after the colon the name begins the title itself
    ['1.TVM: An Automated End-to-End Optimizing Compiler for Deep Learning(2018)', 'TVM: An Automated End-to-End Optimizing Compiler for Deep Learning', 'TVM', null, 2018, []],
    ['Name:Title(2015)', 'Name:Title', null, null, 2015, []],
    ['[3] Title (2019)', 'Title', null, null, 2019, []],
    ['2.5D Visual Sound', '2.5D Visual Sound', null, null, null, []],
    // trailing after `.` or `,`
    ["Title. NIPS'16", 'Title', null, 'NIPS', 2016, []],
    ['Title, AAAI 18', 'Title', null, 'AAAI', 2018, []],
    ['Title. ICLR 2018', 'Title', null, 'ICLR', 2018, []],
    ['(SNAIL) A Simple Neural Attentive Meta-Learner. ICLR 2018', 'A Simple Neural Attentive Meta-Learner', 'SNAIL', 'ICLR', 2018, []],
    ['Title. NIPS 2017 (Li Fei-Fei)', 'Title', null, 'NIPS', 2017, ['Li Fei-Fei']],
    ['Deep Learning ICLR 2018', 'Deep Learning', null, 'ICLR', 2018, []],
    ['Title. arXiv:1907.01234', 'Title', null, 'arXiv', 2019, []],
    ['Title [arXiv 1907]', 'Title', null, 'arXiv', 2019, []],
    ['Title, 2015', 'Title', null, null, 2015, []],
    // a label after a dated venue, in its bracket or parenthesis
    ['[ECCV 2020 Spotlight] Object-Contextual Representations [[pdf]](https://x.org/a)', 'Object-Contextual Representations', null, 'ECCV', 2020, []],
    ['[ICCV 2017 Best Student Paper] Focal Loss for Dense Object Detection', 'Focal Loss for Dense Object Detection', null, 'ICCV', 2017, []],
    ['You Only Look Once (CVPR 2016 Oral)', 'You Only Look Once', null, 'CVPR', 2016, []],
    // emoji and shortcodes that mark a line or its links
    ['**Chain-of-Thought Prompting** (NeurIPS 2022) 📄[paper](https://x.org/a) 💻[code](https://x.org/b)', 'Chain-of-Thought Prompting', null, 'NeurIPS', 2022, []],
    ['🌟 **Training language models** (NeurIPS 2022) [[paper]](https://x.org/a)', 'Training language models', null, 'NeurIPS', 2022, []],
    [':fire: **FlashAttention** (NeurIPS 2022)', 'FlashAttention', null, 'NeurIPS', 2022, []],
    ['Some Title. WWW 2001 :star: :fire:', 'Some Title', null, 'WWW', 2001, []],
    ['[Deep Learning Recommendation Model](https://arxiv.org/abs/1906.00091) `arXiv 2019` 💻', 'Deep Learning Recommendation Model', null, 'arXiv', 2019, []],
    ['Neural Architectures for Named Entity Recognition, NAACL-HLT 2016', 'Neural Architectures for Named Entity Recognition', null, 'NAACL-HLT', 2016, []],
    ['Sentence-BERT, EMNLP-IJCNLP 2019', 'Sentence-BERT', null, 'EMNLP-IJCNLP', 2019, []],
    ['Some Title (KDD 2019) :+1:', 'Some Title', null, 'KDD', 2019, []],
    ['1. Learning N:M Fine-grained Structured Sparse Networks (ICLR 2021)', 'Learning N:M Fine-grained Structured Sparse Networks', null, 'ICLR', 2021, []],
    ['3.MS R-CNN:Mask Scoring R-CNN(2019)', 'Mask Scoring R-CNN', 'MS R-CNN', null, 2019, []],
    ["**Xen and the Art of Virtualization**, Barham et al., SOSP '03", 'Xen and the Art of Virtualization', null, 'SOSP', 2003, []],
    ["Xen and the Art of Virtualization, Barham et al., SOSP '03", 'Xen and the Art of Virtualization, Barham et al.', null, 'SOSP', 2003, []],
    ["★ **End-to-End Arguments in System Design**, Saltzer, Reed & Clark, ACM TOCS '84", 'End-to-End Arguments in System Design', null, 'TOCS', 1984, []],
    ['Collaborative Filtering for Implicit Feedback Datasets. Yifan Hu, Yehuda Koren, Chris Volinsky. ICDM 2008.', 'Collaborative Filtering for Implicit Feedback Datasets', null, 'ICDM', 2008, []],
    ['Okapi at TREC-3. S. E. Robertson et al. TREC 1994.', 'Okapi at TREC-3', null, 'TREC', 1994, []],
    // one name after a title cannot be told from the title's own words
    ['Attention Is All You Need. Really Great. NeurIPS 2017', 'Attention Is All You Need. Really Great', null, 'NeurIPS', 2017, []],
    ['Paper: End-to-End Training of Deep Visuomotor Policies', 'End-to-End Training of Deep Visuomotor Policies', null, null, null, []],
    ['论文：Deep Interest Network（KDD 2018）', 'Deep Interest Network', null, 'KDD', 2018, []],
    ['🚀', '🚀', null, null, null, []],
    // an emphasised title, then its authors
    ['**RoBERTa: A Robustly Optimized BERT Pretraining Approach**. Yinhan Liu, Myle Ott, et al. arXiv 2019. [[pdf]](https://x.org/a)', 'RoBERTa: A Robustly Optimized BERT Pretraining Approach', null, 'arXiv', 2019, []],
    ['*ERNIE: Enhanced Language Representation*. Zhengyan Zhang, Xu Han, et al. ACL 2019.', 'ERNIE: Enhanced Language Representation', null, 'ACL', 2019, []],
    ['**Bold** title words', 'Bold title words', null, null, null, []],
    ['*a* b', '*a* b', null, null, null, []],
    // who wrote it, or where, after a trailing venue
    ['Low-Shot Learning from Imaginary Data. CVPR 2018 (Yu-Xiong Wang, Ross Girshick, Martial Hebert, Bharath Hariharan)', 'Low-Shot Learning from Imaginary Data', null, 'CVPR', 2018, ['Yu-Xiong Wang', 'Ross Girshick', 'Martial Hebert', 'Bharath Hariharan']],
    ['Learning to Learn without Gradient Descent. ICML 2017 (DeepMind)', 'Learning to Learn without Gradient Descent', null, 'ICML', 2017, ['DeepMind']],
    // the year first, or a venue glued to its year, without brackets
    ['2016-CVPR You Only Look Once: Unified, Real-Time Object Detection', 'You Only Look Once: Unified, Real-Time Object Detection', null, 'CVPR', 2016, []],
    ['2021 | ICLR | An Image is Worth 16x16 Words', 'An Image is Worth 16x16 Words', null, 'ICLR', 2021, []],
    ['2021 | ICCV (Marr Prize) | Swin Transformer', 'Swin Transformer', null, 'ICCV', 2021, []],
    ['2019 CVPR Title Words', 'Title Words', null, 'CVPR', 2019, []],
    ['CVPR-2019 Title Words', 'Title Words', null, 'CVPR', 2019, []],
    ['2048 Game Title', '2048 Game Title', null, null, null, []],
    ['2020 AI Index Report', '2020 AI Index Report', null, null, null, []],
    // a doubled dash before a trailing venue
    ['GloVe: Global Vectors for Word Representation —— EMNLP 2014', 'GloVe: Global Vectors for Word Representation', null, 'EMNLP', 2014, []],
    ['RoBERTa —— arXiv 2019', 'RoBERTa', null, 'arXiv', 2019, []],
    ['Title -- ICLR 2018', 'Title', null, 'ICLR', 2018, []],
    // a venue's full name the registry knows, after a separator; two digits after one are its volume
    ['Enriching Word Vectors —— Transactions of the Association for Computational Linguistics 2017', 'Enriching Word Vectors', null, 'Transactions of the Association for Computational Linguistics', 2017, []],
    ['BART: Denoising Pre-training, Translation —— Proceedings of ACL 2020', 'BART: Denoising Pre-training, Translation', null, 'ACL', 2020, []],
    ['Dropout. Journal of Machine Learning Research 2014', 'Dropout', null, 'Journal of Machine Learning Research', 2014, []],
    ['Title —— Advances in Neural Information Processing Systems 31', 'Title —— Advances in Neural Information Processing Systems 31', null, null, null, []],
    ['Title. Some Unknown Journal Name 2019', 'Title. Some Unknown Journal Name 2019', null, null, null, []],
    // labels after a known venue, and a publisher in front of it
    ['Deep contextualized word representations（NAACL 2018 最佳论文）', 'Deep contextualized word representations', null, 'NAACL', 2018, []],
    ['[BEIR](https://x.org/a) (NeurIPS 2021 Datasets and Benchmarks Track)', 'BEIR', null, 'NeurIPS', 2021, []],
    ['Title (ICCV 2021 Marr Prize)', 'Title', null, 'ICCV', 2021, []],
    ['**[A Survey on GNN](https://x.org/a)** - *Zonghan Wu, Philip S. Yu*. IEEE TNNLS 2021.', 'A Survey on GNN', null, 'TNNLS', 2021, []],
    ['【2017 IEEE TIP】Beyond a Gaussian Denoiser', 'Beyond a Gaussian Denoiser', null, 'TIP', 2017, []],
    ['[HNSW](https://x.org) (IEEE TPAMI 2018)', 'HNSW', null, 'TPAMI', 2018, []],
    // an acronym glued to its year in front, known or not
    ['【ADKDD2017】Deep & Cross Network', 'Deep & Cross Network', null, 'ADKDD', 2017, []],
    // parentheses after the title
    ["Title (CVPR'21)", 'Title', null, 'CVPR', 2021, []],
    ['Title （CVPR 2019）', 'Title', null, 'CVPR', 2019, []],
    ['Mask R-CNN (Mask R-CNN) [ICCV 2017]', 'Mask R-CNN', 'Mask R-CNN', 'ICCV', 2017, []],
    ["Title [CVPR'19] (Oral)", 'Title', null, 'CVPR', 2019, []],
    ['Title (Extended Abstract)', 'Title', null, null, null, []],
    ['Title [PDF] [Code]', 'Title', null, null, null, []],
    // title links, with what follows them
    ['**[Deep Residual Learning](http://x.org)** - Kaiming He et al. CVPR 2016.', 'Deep Residual Learning', null, 'CVPR', 2016, []],
    ['[Attention Is All You Need](https://arxiv.org/abs/1706.03762) (NeurIPS 2017)', 'Attention Is All You Need', null, 'NeurIPS', 2017, []],
    ['[Longformer](https://arxiv.org/abs/2004.05150) - Beltagy et al. *arXiv 2020*', 'Longformer', null, 'arXiv', 2020, []],
    // a known venue emphasised after the title, its authors or its link (held-out set 4)
    ['**Attention Is All You Need**. Ashish Vaswani, Noam Shazeer. *NIPS 2017*. [[paper]](https://x.org/a)', 'Attention Is All You Need', null, 'NIPS', 2017, []],
    ['[Robust Speech Recognition](https://x.org/a) - *ICML* [![stars](https://img.shields.io/github/stars/a/b?style=social)](https://github.com/a/b)', 'Robust Speech Recognition', null, 'ICML', null, []],
    ['**Title Words**. Some Author. *Unknown Venue 2019*.', 'Title Words', null, null, null, []],
    ['**Title Words**. *Kaiming He*, *Ross Girshick*.', 'Title Words', null, null, null, []],
    // surnames in parentheses after a trailing venue are its authors; Science and Nature are venues
    ['Low-Shot Learning from Imaginary Data. CVPR 2018 (Wang, Girshick, Hebert, Hariharan)', 'Low-Shot Learning from Imaginary Data', null, 'CVPR', 2018, ['Wang', 'Girshick', 'Hebert', 'Hariharan']],
    ['Human-level concept learning. Science 2015 (Lake, Salakhutdinov, Tenenbaum)', 'Human-level concept learning', null, 'Science', 2015, ['Lake', 'Salakhutdinov', 'Tenenbaum']],
    ['Title. Nature 2016', 'Title', null, 'Nature', 2016, []],
    // markup
    ['<a name="x"></a>Title [CVPR 2019]', 'Title', null, 'CVPR', 2019, []],
    ['A [x](a.md)', 'A', null, null, null, []],
  ])('%s', (raw, title, alias, venue, year, orgs) => {
    expect(read(raw)).toEqual({ title, alias, venue, year, orgs, issues: [] });
  });

  it('keeps `(ZERO1901)`-like aliases and unknown glued names as aliases, not venues', () => {
    expect(read('Some Paper 1901 (ZERO1901)[ATC\'13][ByteDance]')).toMatchObject({ alias: 'ZERO1901', venue: 'ATC', year: 2013 });
    expect(read('Some Paper (ZERO1963)')).toMatchObject({ alias: 'ZERO1963', venue: null, year: null });
  });

  it('gives the places of a venue in any position, for fixes', () => {
    for (const raw of ['[Cvpr 2020] T', 'T. Cvpr 2020', 'T (Cvpr 2020)', '【Cvpr2020】T']) {
      const h = parseHeading(raw, isVenue);
      expect(raw.slice(...h.venueSpan!)).toBe('Cvpr');
    }
  });

  it('says where and how the venue is written', () => {
    expect(parseHeading('[CVPR 2020] T', isVenue).form).toEqual({ venueAt: 'before', bracket: '[', yearGlue: ' ', yearDigits: 4, titleLink: false, numbered: false });
    expect(parseHeading("T[KDD'18][Ali]", isVenue).form).toMatchObject({ venueAt: 'after', bracket: '[', yearGlue: "'", yearDigits: 2 });
    expect(parseHeading('T. ICLR 2018', isVenue).form).toMatchObject({ venueAt: 'trailing', bracket: null });
    expect(parseHeading('[T](u) (ICML 2020)', isVenue).form).toMatchObject({ venueAt: 'trailing', bracket: '(', titleLink: true });
    expect(parseHeading('3.X:T(2017)', isVenue).form).toMatchObject({ venueAt: 'after', bracket: '(', yearGlue: null, numbered: true });
  });

  it('keeps a description after a title link', () => {
    expect(parseHeading("[ICCV'17] [Mask R-CNN](https://x.org). 某某团队", isVenue).description).toBe('某某团队');
    expect(parseHeading('**[T](u)** - Cai et al. CVPR 2018.', isVenue).description).toBe('Cai et al');
    expect(parseHeading("T[KDD'18][Ali]", isVenue).description).toBe('');
  });

  it('still reports what it always did, and no link as an error', () => {
    expect(read("Paper[KDD'18][Ali] extra words").issues).toEqual(['text-after-metadata']);
    expect(read("Paper[KDD'18] (DIN)").issues).toEqual(['text-after-metadata']);
    expect(read("Paper[KDD'18").issues).toEqual(['unbalanced-bracket']);
    expect(read('[CVPR 2020] T [[pdf]](https://a.b/c) [[code]](https://a.b/d) [video](https://a.b/e)').issues).toEqual([]);
  });

  it('reads a title in parentheses as ours does: the alias after it, never an empty title', () => {
    expect(read('(Paper) (PAP)')).toMatchObject({ title: '(Paper)', alias: 'PAP' });
    expect(read('(Paper)(PaperPaper)')).toMatchObject({ title: '(Paper)', alias: 'PaperPaper' });
    expect(read("(Paper&) [arXiv'50]")).toMatchObject({ title: '(Paper&)', alias: null, venue: 'arXiv', year: 1950, issues: [] });
    expect(read("(Paper) (X2) [KDD'18][Ali]")).toMatchObject({ title: '(Paper)', alias: 'X2', venue: 'KDD', orgs: ['Ali'] });
    // Before a title it is still the alias.
    expect(read('(SNAIL) A Simple Learner. ICLR 2018')).toMatchObject({ title: 'A Simple Learner', alias: 'SNAIL' });
  });

  it('does not read years out of titles that only hold numbers', () => {
    for (const raw of ['Model in 2023', 'Title, Since 2018', 'GPT 2019 stuff', 'Llama 2: Open Foundation Models', 'ResNet-50 Revisited']) {
      expect(read(raw)).toMatchObject({ title: raw, venue: null, year: null });
    }
  });
});

describe('readVenueYear and isPersonName', () => {
  it.each([
    ["KDD'18", 'KDD', '18'],
    ['OSDI 2022', 'OSDI', '2022'],
    ['KDD2018', 'KDD', '2018'],
    ['NeurIPS-2020', 'NeurIPS', '2020'],
    ['AAAI 18', 'AAAI', '18'],
    ['CVPR18', 'CVPR', '18'],
    ['2020 CVPR', 'CVPR', '2020'],
    ['arXiv 1907', 'arXiv', '19'],
    ['arXiv 2012', 'arXiv', '2012'],
    ['arXiv:2004.08476', 'arXiv', '20'],
    ['OSDI', 'OSDI', null],
  ])('%s is %s and %s', (text, venue, year) => {
    const m = readVenueYear(text, isVenue)!;
    expect([text.slice(...m.venue!), m.year]).toEqual([venue, year]);
  });

  it.each(['ZERO1901', 'Lab2020', 'UC Berkeley, Google', 'Ali', ''])('%j is no venue', (text) => {
    expect(readVenueYear(text, isVenue)).toBeNull();
  });

  it('knows names from labels', () => {
    expect(['Li Fei-Fei', 'Kaiming He', 'Li et al.', 'Y. LeCun'].map(isPersonName)).toEqual([true, true, true, true]);
    expect(['Extended Abstract', 'Mask R-CNN', 'DIN', 'Short Paper', 'Deep FM'].map(isPersonName)).toEqual([false, false, false, false, false]);
  });
});

// Headings of our own shape, built from their parts: they must read back as those parts, as always.
const word = fc.constantFrom('Deep', 'Interest', 'Network', 'for', 'TVM:', 'an', '中文标题', 'Möbius', 'OCR-2.0', 'GPT-3', 'Llama 2', 'x86', 'Q&A', '3D', 'Wide', '&');
const venue = fc.constantFrom<[string, string | null, number | null]>(["KDD'18", 'KDD', 2018], ['OSDI 2022', 'OSDI', 2022], ["Arxiv'23", 'Arxiv', 2023], ["NeurIPS'2023", 'NeurIPS', 2023], ['MyConf 2020', 'MyConf', 2020], ['OSDI', 'OSDI', null], ['2023', null, 2023], ["ACL’21", 'ACL', 2021]);
const org = fc.constantFrom(['Ali'], ['UC Berkeley'], ['BJTU', 'Baidu'], ['阿里'], ['Google', 'MSRA']);

describe('our own dialect (property)', () => {
  it('reads Title(ALIAS)[Venue][Org] as its parts, however spaced and bracketed', () => {
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' ')),
        fc.option(fc.constantFrom('DIN', 'DCN', 'FW', 'Mask R-CNN', 'X2'), { nil: null }),
        fc.option(venue, { nil: null }),
        fc.option(org, { nil: null }),
        fc.constantFrom('', ' '),
        fc.constantFrom<[string, string]>(['[', ']'], ['【', '】']),
        (title, alias, v, orgs, space, [open, close]) => {
          fc.pre(!/^[\d(]/.test(title) && !/[:.,]$/.test(title));
          let raw = title + (alias ? `${space}(${alias})` : '');
          if (v) raw += `${space}${open}${v[0]}${close}`;
          if (orgs) raw += `${space}${open}${orgs.join(',')}${close}`;
          const h = parseHeading(raw, isVenue);
          expect(h.title).toBe(title);
          expect(h.alias).toBe(alias);
          expect([h.venueRaw, h.year]).toEqual(v ? [v[1], v[2]] : [null, null]);
          expect(h.orgs).toEqual(orgs ?? []);
          expect(h.issues).toEqual([]);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never throws, and every span lies inside the heading (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('[', ']', '(', ')', '【', '】', '（', '）', '<', '>', '*', '_', ' ', '.', ',', "'", 'a', 'A', 'CVPR', '2019', '18', 'http://x', '!', '#', ':') }), (raw) => {
        const h = parseHeading(raw, isVenue);
        for (const [s, e] of [...(h.venueSpan ? [h.venueSpan] : []), ...h.orgSpans, ...h.issues.map((i): [number, number] => [i.start, i.end])]) {
          expect(0 <= s && s <= e && e <= raw.length).toBe(true);
        }
        if (h.venueSpan) expect(raw.slice(...h.venueSpan)).toBe(h.venueRaw);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('readLabelledLine: a venue or year on a labelled line under a heading', () => {
  it.each([
    ['- 🏛️ **Venue**: OSDI 2004', 'OSDI', 2004],
    ['- 🏛️ **Venue**: ACM SIGACT News 2001', 'ACM SIGACT News', 2001],
    ["- **Venue**: SOSP '03", 'SOSP', 2003],
    ["- Venue: NSDI'12", 'NSDI', 2012],
    ['**Published in:** CVPR 2019 (Oral)', 'CVPR', 2019],
    ['* Conference: *NeurIPS 2022*', 'NeurIPS', 2022],
    ['- 会议：KDD 2018', 'KDD', 2018],
    ['- 发表于: [ICLR 2021](https://openreview.net/forum?id=x)', 'ICLR', 2021],
    ['Venue: ICML', 'ICML', null],
    ['- **Year**: 2019', null, 2019],
    ['- 年份：2012', null, 2012],
  ])('reads %j', (line, venue, year) => {
    expect(readLabelledLine(line, isVenue)).toEqual({ venueRaw: venue, year });
  });

  it.each([
    ['- 👥 **Authors**: Leslie Lamport'],
    ['- 🔗 [paper](https://x.org/a.pdf)'],
    ['- Venue: the lab down the hall'],
    ['- Note: CVPR 2019 has a better one'],
    ['- **Year**: unknown'],
    ['Venue:'],
    ['CVPR 2019'],
  ])('reads nothing from %j', (line) => {
    expect(readLabelledLine(line, isVenue)).toBeNull();
  });
});

describe('readItemMetaLine: a venue on a line of its own under an item title', () => {
  it.each([
    ['   *ICLR 2014*', 'ICLR', 2014],
    ["   (CHI '97)", 'CHI', 1997],
    ['   [arXiv 1909.08053]', 'arXiv', 2019],
    ['   Deepak Narayanan, Matei Zaharia — SOSP 2019', 'SOSP', 2019],
    ['   Venue: SOSP 2009', 'SOSP', 2009],
    ['   ICLR 2014 · Szegedy, Zaremba · [arXiv](https://arxiv.org/abs/1312.6199)', 'ICLR', 2014],
    ['   *IEEE S&P 2017* — Nicholas Carlini, David Wagner', 'IEEE S&P', 2017],
  ])('reads %j', (line, venue, year) => {
    expect(readItemMetaLine(line, isVenue)).toEqual({ venueRaw: venue, year });
  });

  it.each([
    ['   Christian Szegedy, Wojciech Zaremba'],
    ['   (see also the appendix)'],
    ['   Some Author — the 2019 tutorial'],
    ['   Some Author — Weird Workshop 2019'],
    ['   read it in 2019'],
    ['   Some Workshop 2019 · with friends'],
    ['   ICLR · no year here'],
  ])('reads nothing from %j', (line) => {
    expect(readItemMetaLine(line, isVenue)).toBeNull();
  });
});

describe('readVenueLine: the venue and year on the line under a heading', () => {
  it.each([
    ['*ICLR 2015*', 'ICLR', 2015],
    ['_IEEE TPAMI 2019_', 'TPAMI', 2019],
    ['**NeurIPS 2020**', 'NeurIPS', 2020],
    ['*ICLR 2018 (Best Paper)*', 'ICLR', 2018],
    ['*International Conference on Learning Representations (ICLR), 2015*', 'ICLR', 2015],
    ['*Proceedings of the 32nd International Conference on Machine Learning, ICML 2015*', 'ICML', 2015],
    ['*Advances in Neural Information Processing Systems 31 (NeurIPS 2018)*', 'NeurIPS', 2018],
    ['*arXiv preprint arXiv:1706.02677*', 'arXiv', 2017],
  ])('reads %j', (line, venue, year) => {
    expect(readVenueLine(line, isVenue)).toEqual({ venueRaw: venue, year });
  });

  it.each([
    ['ICLR 2015'],
    ['- *ICLR 2015*'],
    ['*ICLR 2015* and more'],
    ['*a note in italics*'],
    ['*read again in 2019*'],
    ['* ICLR 2015*'],
  ])('reads nothing from %j', (line) => {
    expect(readVenueLine(line, isVenue)).toBeNull();
  });
});

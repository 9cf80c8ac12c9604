// The judged query set: each query lists the entries that must rank first or within the top k, or
// must find nothing. The suite's mean reciprocal rank is printed and must stay at 0.9 or above.
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo, run } from '../helpers/memory-io.js';
import { fixtureText, seedFiles } from '../helpers/seed.js';

type Digest = 'seed' | 'fixture';

interface Judged {
  query: string;
  digest: Digest;
  /** Relevant entry ids; all must be within the top `within` (1: the first must be first). */
  want: string[];
  within: number;
  /** Ids that must not be in the results at all. */
  never?: string[];
}

const first = (digest: Digest, query: string, id: string, never?: string[]): Judged => ({ query, digest, want: [id], within: 1, never });
const top = (digest: Digest, query: string, within: number, ...want: string[]): Judged => ({ query, digest, want, within });
const none = (digest: Digest, query: string): Judged => ({ query, digest, want: [], within: 0 });

const JUDGED: Judged[] = [
  // The shipped digest.
  first('seed', 'mobius', 'mobius-transformation-fast-2019'),
  first('seed', 'Möbius', 'mobius-transformation-fast-2019'),
  first('seed', 'inner product search', 'mobius-transformation-fast-2019'),
  first('seed', 'mobius 变换', 'mobius-transformation-fast-2019'),
  first('seed', 'Dount', 'dount'),
  first('seed', 'Donut', 'dount'),
  first('seed', 'Facbook', 'embedding-based-retrieval-facebook-2020'),
  first('seed', 'facebook search', 'embedding-based-retrieval-facebook-2020'),
  top('seed', 'transfomer', 4, 'transformer-memory-differentiable-2022', 'lightseq-2021', 'lightseq2-2022', 'fastformers-2020'),
  first('seed', 'tvm', 'tvm-2018', ['layoutlm']),
  first('seed', 'ＴＶＭ', 'tvm-2018'),
  top('seed', 'ocr', 6, 'general-ocr-theory-2024', 'dbnet-2020', 'svtr-2022', 'nougat-2024', 'dount', 'layoutlm'),
  first('seed', 'ocr', 'general-ocr-theory-2024'),
  first('seed', 'din', 'din-2018'),
  first('seed', 'deep interest network', 'din-2018'),
  first('seed', 'click through rate', 'din-2018'),
  top('seed', 'neurips', 3, 'mobius-transformation-fast-2019', 'transformer-memory-differentiable-2022', 'neural-corpus-indexer-2022'),
  top('seed', '量化', 3, 'ladder-2024', 'bring-your-own-2021', 'fastformers-2020'),
  first('seed', '动态形状', 'relax-2023'),
  first('seed', '混合精度', 'lightseq2-2022'),
  first('seed', '混合精度训练', 'lightseq2-2022'),
  first('seed', '蒸馏', 'fastformers-2020'),
  first('seed', 'kmeans docid', 'neural-corpus-indexer-2022'),
  first('seed', 'tvm 动态形状', 'relax-2023'),
  first('seed', 'venue:osdi tvm', 'tvm-2018'),
  first('seed', 'section:ocr nougat', 'nougat-2024'),
  first('seed', 'alias:dcn', 'dcn-2017'),
  top('seed', 'org:bytedance', 2, 'lightseq-2021', 'lightseq2-2022'),
  first('seed', 'year:2024 ocr', 'general-ocr-theory-2024'),
  first('seed', 'wide deep', 'wide-deep-learning-2016'),
  first('seed', 'layout', 'layoutlm'),
  first('seed', 'layout lm', 'layoutlm'),
  first('seed', 'deep fm', 'deepfm-2017'),
  first('seed', 'lightseq', 'lightseq-2021'),
  first('seed', 'codegen', 'bring-your-own-2021'),
  top('seed', 'compiler deep learning', 2, 'tvm-2018', 'bring-your-own-2021'),
  first('seed', 'stepfun', 'general-ocr-theory-2024'),
  first('seed', 'swin transformer', 'nougat-2024'),
  top('seed', 'xgboost', 2, 'tvm-2018', 'ansor-2020'),
  first('seed', 'recommender', 'wide-deep-learning-2016'),
  top('seed', '推荐系统', 4, 'wide-deep-learning-2016', 'deepfm-2017', 'dcn-2017', 'din-2018'),
  none('seed', 'xyzzy'),
  none('seed', 'blockchain consensus'),
  none('seed', '区块链'),
  none('seed', 'zq'),
  none('seed', 'the of'),
  none('seed', 'mobius venue:kdd'),

  // The fixture digest (test/fixtures/search/digest.md).
  first('fixture', 'bert', 'bert-2019'),
  first('fixture', 'transformer', 'transformer-2017'),
  first('fixture', 'Transfromer', 'transformer-2017'),
  first('fixture', 'attention is all you need', 'transformer-2017'),
  first('fixture', 'poincare', 'poincare-embeddings-learning-2017'),
  top('fixture', '知识蒸馏', 2, 'distilbert-distilled-version-2019', 'pp-ocr-2020'),
  first('fixture', 'bert 蒸馏', 'distilbert-distilled-version-2019'),
  top('fixture', '量化', 3, 'q8bert-2019', 'tensorrt-llm-部署笔记', 'pp-ocr-2020'),
  top('fixture', 'quantization', 2, 'q8bert-2019', 'faiss-2017'),
  first('fixture', 'dien', 'dien-2019'),
  first('fixture', 'dynamic shape', 'dietcode-2022'),
  top('fixture', 'dynamic', 2, 'dietcode-2022', 'nimble-2021'),
  first('seed', 'dynamic shape', 'relax-2023'),
  first('seed', 'the Möbius one', 'mobius-transformation-fast-2019'),
  first('seed', 'that paper with kmeans docids', 'neural-corpus-indexer-2022'),
  top('seed', 'what did I note about 量化', 3, 'ladder-2024', 'bring-your-own-2021', 'fastformers-2020'),
  first('seed', '关于动态形状的论文', 'relax-2023'),
  none('seed', 'reinforcement learning'),
  none('seed', 'speech recognition'),
  top('fixture', '动态形状', 2, 'dietcode-2022', 'nimble-2021'),
  first('fixture', '混合精度', 'mixed-precision-training-2018'),
  first('fixture', 'mixed precision', 'mixed-precision-training-2018'),
  first('fixture', 'Mixed Precison', 'mixed-precision-training-2018'),
  first('fixture', 'flash attention', 'flashattention-2022'),
  first('fixture', 'pagedattention', 'vllm-2023'),
  first('fixture', 'vllm', 'vllm-2023'),
  top('fixture', 'kv cache', 2, 'vllm-2023', 'tensorrt-llm-部署笔记'),
  top('fixture', 'neurips 2019', 2, 'distilbert-distilled-version-2019', 'q8bert-2019'),
  top('fixture', 'nips', 6, 'transformer-2017', 'poincare-embeddings-learning-2017', 'distilbert-distilled-version-2019', 'q8bert-2019', 'flashattention-2022', 'lambdarank-2006'),
  top('fixture', 'venue:nips year:2019', 2, 'distilbert-distilled-version-2019', 'q8bert-2019'),
  top('fixture', 'facbook', 5, 'roberta-2019', 'poincare-embeddings-learning-2017', 'dpr-2020', 'faiss-2017'),
  first('fixture', 'dense retrieval', 'dpr-2020'),
  top('fixture', '双塔', 2, 'dpr-2020', 'sampling-bias-corrected-neural-modeling-2019'),
  top('fixture', '召回', 2, 'deep-neural-networks-2016', 'sampling-bias-corrected-neural-modeling-2019'),
  first('fixture', 'youtube', 'deep-neural-networks-2016'),
  first('fixture', 'alibaba', 'bst-2019'),
  first('fixture', '阿里巴巴', 'bst-2019'),
  top('fixture', 'ocr', 2, 'donut-2022', 'pp-ocr-2020'),
  first('fixture', 'layout analysis', 'full-width-layout-analysis-2021'),
  first('fixture', 'layoutlm', 'layoutlmv3-2022'),
  first('fixture', 'sam', 'sam-2023'),
  first('fixture', 'segment anything', 'sam-2023'),
  first('fixture', 'residual', 'resnet-2016'),
  top('fixture', 'image recognition', 2, 'resnet-2016', 'vit-2021'),
  first('fixture', 'small world graph', 'hnsw-2018'),
  first('fixture', 'nearest neighbor', 'hnsw-2018'),
  top('fixture', '最近邻', 3, 'faiss-2017', 'hnsw-2018', 'deep-neural-networks-2016'),
  first('fixture', '拼写纠错', '基于大语言模型的中文拼写纠错方法研究-2023'),
  first('fixture', 'learning to rank', 'lambdarank-2006'),
  first('fixture', 'tokenizer', 'towards-better-tokenizer'),
  first('fixture', 'acm mm', 'layoutlmv3-2022'),
  first('fixture', 'msra', 'resnet-2016'),
  first('fixture', 'tensor parallelism', 'megatron-lm-2019'),
  first('fixture', '张量并行', 'megatron-lm-2019'),
  first('fixture', 'tensorrt', 'tensorrt-llm-部署笔记'),
  first('fixture', 'org:google vit', 'vit-2021'),
  first('fixture', 'section:retrieval colbert', 'colbert-2020'),
  none('fixture', 'kubernetes'),
  none('fixture', '量子计算'),
  none('fixture', 'qz'),
  none('fixture', 'bert year:2016'),

  // Follow-up probe: venue'YY as headings write it, small numbers, organisation names, typo noise,
  // Chinese compounds that only partly appear, and smaller ranking cases.
  first('seed', "osdi'18", 'tvm-2018'),
  first('seed', 'osdi 18', 'tvm-2018'),
  top('seed', "NeurIPS'22", 2, 'transformer-memory-differentiable-2022', 'neural-corpus-indexer-2022'),
  first('seed', 'KDD 2020', 'embedding-based-retrieval-facebook-2020'),
  first('seed', 'alibaba', 'din-2018'),
  top('seed', 'microsoft', 3, 'ladder-2024', 'neural-corpus-indexer-2022', 'fastformers-2020'),
  { ...top('seed', 'msra', 2, 'neural-corpus-indexer-2022', 'fastformers-2020'), never: ['ladder-2024'] },
  first('seed', 'berkeley', 'ansor-2020'),
  first('seed', '模型蒸馏', 'fastformers-2020'),
  first('seed', '知识蒸馏', 'fastformers-2020'),
  none('seed', '强化学习'),
  none('seed', '动态规划'),
  none('seed', '图像识别'),
  none('seed', 'grape'),
  none('seed', 'story'),
  none('seed', 'title'),
  first('seed', 'mips', 'mobius-transformation-fast-2019', ['transformer-memory-differentiable-2022', 'neural-corpus-indexer-2022']),
  first('seed', 'batch', 'lightseq2-2022', ['svtr-2022', 'nougat-2024']),
  first('seed', 'recommendation', 'wide-deep-learning-2016'),
  none('seed', '关于论文'),
  first('fixture', 'ZeRO-3', 'zero-2020'),
  top('fixture', "icml'23", 1, 'fast-inference-transformers-2023'),
  first('fixture', 'flashatention', 'flashattention-2022'),
  first('fixture', 'allreduce', 'horovod-2018'),
  first('fixture', 'mm', 'layoutlmv3-2022'),
  top('fixture', 'recommendation', 4, 'deep-neural-networks-2016', 'bst-2019', 'sampling-bias-corrected-neural-modeling-2019', 'xdeepfm-2018'),
  top('fixture', 'microsoft', 5, 'zero-2020', 'layoutlmv3-2022', 'lambdarank-2006', 'resnet-2016', 'xdeepfm-2018'),
  first('fixture', '字节跳动', 'full-width-layout-analysis-2021'),

  // Pinyin for Chinese text (typed with the input method off), and English words that spell pinyin.
  top('seed', 'lianghua', 3, 'ladder-2024', 'bring-your-own-2021', 'fastformers-2020'),
  first('seed', 'dongtai xingzhuang', 'relax-2023'),
  first('seed', 'dong tai xing zhuang', 'relax-2023'),
  first('seed', 'tvm dongtai xingzhuang', 'relax-2023'),
  first('seed', 'zhengliu', 'fastformers-2020'),
  first('seed', 'hunhe jingdu', 'lightseq2-2022'),
  top('seed', 'tuijian', 4, 'wide-deep-learning-2016', 'deepfm-2017', 'dcn-2017', 'din-2018'),
  top('fixture', 'lianghua', 3, 'q8bert-2019', 'tensorrt-llm-部署笔记', 'pp-ocr-2020'),
  first('fixture', 'hunhe jingdu', 'mixed-precision-training-2018'),
  top('fixture', 'dongtai xingzhuang', 2, 'dietcode-2022', 'nimble-2021'),
  first('fixture', 'zhangliang bingxing', 'megatron-lm-2019'),
  top('fixture', 'zhishi zhengliu', 2, 'distilbert-distilled-version-2019', 'pp-ocr-2020'),
  none('seed', 'banana'),
  none('seed', 'change'),
  none('seed', 'long'),
  none('seed', 'men'),
  none('fixture', 'banana'),
  none('fixture', 'change'),
  none('fixture', 'long'),
  none('fixture', 'shuang'),
  // One syllable is never pinyin: `ran` (自然 in section names) keeps only its English matches.
  first('fixture', 'ran', 'hnsw-2018', ['bert-2019', 'transformer-2017', 'roberta-2019']),
  first('fixture', 'dance', 'full-width-layout-analysis-2021'),
];

const FIXTURE = {
  '/work/notes/papers.md': fixtureText('search/digest.md'),
  '/work/notes/papers.config.json': fixtureText('search/papers.config.json'),
};

async function ranked(digest: Digest, query: string): Promise<string[]> {
  const io = memoryIo(digest === 'seed' ? seedFiles() : FIXTURE);
  const r = await run(io, 'search', ...query.split(' '), '--json', '--limit', '50');
  expect([0, 1]).toContain(r.code);
  return (JSON.parse(r.stdout) as { id: string }[]).map((e) => e.id);
}

/** 1 / rank of the best-ranked wanted entry; for a must-find-nothing query, 1 when nothing is found. */
function reciprocalRank(judged: Judged, ids: readonly string[]): number {
  if (judged.want.length === 0) return ids.length === 0 ? 1 : 0;
  const ranks = judged.want.map((id) => ids.indexOf(id)).filter((i) => i >= 0);
  return ranks.length ? 1 / (Math.min(...ranks) + 1) : 0;
}

describe('search quality: the judged query set', () => {
  it('has at least 25 queries on each digest, and queries that must find nothing', () => {
    expect(JUDGED.filter((j) => j.digest === 'seed').length).toBeGreaterThanOrEqual(25);
    expect(JUDGED.filter((j) => j.digest === 'fixture').length).toBeGreaterThanOrEqual(25);
    expect(JUDGED.filter((j) => j.want.length === 0).length).toBeGreaterThanOrEqual(5);
  });

  it.each(JUDGED.map((j) => [`${j.digest}: ${j.query}`, j] as const))('%s', async (_name, judged) => {
    const ids = await ranked(judged.digest, judged.query);
    if (judged.want.length === 0) expect(ids).toEqual([]);
    else expect(ids.slice(0, judged.within)).toEqual(expect.arrayContaining(judged.want));
    for (const id of judged.never ?? []) expect(ids).not.toContain(id);
  });

  it('keeps a mean reciprocal rank of at least 0.9', async () => {
    const rr: number[] = [];
    for (const judged of JUDGED) rr.push(reciprocalRank(judged, await ranked(judged.digest, judged.query)));
    const mrr = rr.reduce((a, b) => a + b, 0) / rr.length;
    console.log(`search quality: mean reciprocal rank ${mrr.toFixed(3)} over ${rr.length} judged queries`);
    expect(mrr).toBeGreaterThanOrEqual(0.9);
  });
});

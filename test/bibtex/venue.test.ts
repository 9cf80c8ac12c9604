import { describe, expect, it } from 'vitest';
import { shortVenue, venueFromBibtex } from '../../src/bibtex/venue.js';
import { createVenueRegistry } from '../../src/store/venues.js';

const venues = createVenueRegistry();
const guess = (fields: Record<string, string>, key = 'k') => venueFromBibtex({ key, fields }, venues);

describe('venueFromBibtex', () => {
  it.each([
    // The examples.
    ['journal', 'Advances in Neural Information Processing Systems 30', 'NeurIPS'],
    ['booktitle', 'Proceedings of the 2019 Conference of the North American Chapter of the ACL: Human Language Technologies, NAACL-HLT 2019', 'NAACL'],
    ['booktitle', 'IEEE Conference on Computer Vision and Pattern Recognition, CVPR 2015', 'CVPR'],
    ['journal', 'arXiv preprint arXiv:2111.15664', 'arXiv'],
    // DBLP, ACL Anthology and Google Scholar forms.
    ['booktitle', 'Proceedings of the 2019 Conference of the North American Chapter of the Association for Computational Linguistics: Human Language Technologies, Volume 1 (Long and Short Papers)', 'NAACL'],
    ['booktitle', 'Proceedings of the 58th Annual Meeting of the Association for Computational Linguistics', 'ACL'],
    ['booktitle', 'Proceedings of the 2019 Conference on Empirical Methods in Natural Language Processing and the 9th International Joint Conference on Natural Language Processing (EMNLP-IJCNLP)', 'EMNLP'],
    ['journal', 'Transactions of the Association for Computational Linguistics', 'TACL'],
    ['booktitle', 'Proceedings of the IEEE/CVF conference on computer vision and pattern recognition', 'CVPR'],
    ['booktitle', 'Proceedings of the IEEE international conference on computer vision', 'ICCV'],
    ['booktitle', 'European conference on computer vision', 'ECCV'],
    ['booktitle', 'International conference on machine learning', 'ICML'],
    ['booktitle', '9th International Conference on Learning Representations, ICLR 2021, Virtual Event, Austria, May 3-7, 2021', 'ICLR'],
    ['booktitle', '13th USENIX Symposium on Operating Systems Design and Implementation (OSDI 18)', 'OSDI'],
    ['booktitle', 'Proceedings of the 24th ACM SIGKDD International Conference on Knowledge Discovery & Data Mining, KDD 2018, London, UK', 'KDD'],
    ['booktitle', 'Proceedings of the 24th ACM SIGKDD international conference on knowledge discovery & data mining', 'KDD'],
    ['booktitle', 'SC22: International Conference for High Performance Computing, Networking, Storage and Analysis', 'SC'],
    ['booktitle', 'Proceedings of the AAAI conference on artificial intelligence', 'AAAI'],
    ['booktitle', 'Proceedings of the Twenty-Sixth International Joint Conference on Artificial Intelligence, IJCAI-17', 'IJCAI'],
    ['booktitle', 'Proceedings of the 1st Workshop on Deep Learning for Recommender Systems', 'DLRS'],
    ['journal', 'IEEE Trans. Pattern Anal. Mach. Intell.', 'TPAMI'],
    ['journal', 'IEEE transactions on pattern analysis and machine intelligence', 'TPAMI'],
    ['journal', 'CoRR', 'arXiv'],
    ['booktitle', 'MM \'20: The 28th ACM International Conference on Multimedia', 'ACM MM'],
    ['booktitle', '2020 IEEE Symposium on Security and Privacy, SP 2020', 'S&P'],
    ['booktitle', 'The Web Conference 2020', 'WWW'],
    ['howpublished', 'OpenReview', 'OpenReview'],
    ['journal', 'Nature', 'Nature'],
    ['journal', 'Proceedings of the National Academy of Sciences', 'PNAS'],
    // Qualified: a workshop or Findings of a venue is not the venue.
    ['booktitle', 'Findings of the Association for Computational Linguistics: EMNLP 2020, Online Event', 'EMNLP Findings'],
    ['booktitle', 'IEEE Conference on Computer Vision and Pattern Recognition Workshops, CVPR Workshops 2019', 'CVPR Workshop'],
  ])('%s = %j -> %s', (field, text, venue) => {
    expect(guess({ [field]: text })).toEqual({ venue, how: 'registered', field });
  });

  it.each([
    // Not a venue of the registry: a short form of it.
    ['booktitle', 'Advances in Knowledge Discovery and Data Mining - 24th Pacific-Asia Conference, PAKDD 2020, Singapore', 'PAKDD'],
    ['booktitle', 'Proceedings of the Twelfth Language Resources and Evaluation Conference (LREC)', 'LREC'],
    ['journal', 'Monatshefte für Mathematik und Physik', 'Monatshefte für Mathematik und Physik'],
    ['booktitle', 'Proceedings of the 15th International Workshop on Foo, Bar City, 2019', 'International Workshop on Foo'],
    ['journal', 'Journal of Foo Studies 12', 'Journal of Foo Studies'],
  ])('%s = %j -> the short form %s', (field, text, venue) => {
    expect(guess({ [field]: text })).toEqual({ venue, how: 'short', field });
  });

  it('takes two-letter names (SC, CC, MM) only with a year or in parentheses, not as a US state', () => {
    expect(guess({ booktitle: 'Proceedings of the Foo Symposium, Charleston, SC, USA' }).venue).toBe('Foo Symposium');
    expect(guess({ booktitle: 'Proceedings of SC 2019' }).venue).toBe('SC');
  });

  it('reads arXiv from the eprint fields, the URL or the DOI when no journal is given', () => {
    expect(guess({ eprint: '1706.03762', archiveprefix: 'arXiv' })).toEqual({ venue: 'arXiv', how: 'registered', field: 'eprint' });
    expect(guess({ eprint: '2111.15664', eprinttype: 'arxiv' }).venue).toBe('arXiv');
    expect(guess({ eprint: '2111.15664' }).venue).toBe('arXiv');
    expect(guess({ url: 'https://arxiv.org/abs/2111.15664' }).venue).toBe('arXiv');
    expect(guess({ doi: '10.48550/arXiv.2111.15664' }).venue).toBe('arXiv');
    // A published paper with its arXiv id keeps its journal.
    expect(guess({ journal: 'Nature', eprint: '2111.15664', archiveprefix: 'arXiv' }).venue).toBe('Nature');
  });

  it("falls back to DBLP's key, and to nothing", () => {
    expect(guess({}, 'DBLP:conf/nips/VaswaniSPUJGKP17')).toEqual({ venue: 'NeurIPS', how: 'registered', field: null });
    expect(guess({ booktitle: 'Proceedings of something, 2019' }, 'DBLP:conf/osdi/X18').venue).toBe('OSDI');
    expect(guess({}, 'DBLP:conf/unknownconf/X')).toEqual({ venue: null, how: 'none', field: null });
    expect(guess({ title: 'no venue at all' })).toEqual({ venue: null, how: 'none', field: null });
    expect(guess({ booktitle: '2019' })).toEqual({ venue: null, how: 'none', field: 'booktitle' });
  });

  it('uses the full names a config adds', () => {
    const withConfig = createVenueRegistry([{ name: 'MyConf', fullNames: ['Symposium on My Topic'], kind: 'conference' }]);
    expect(venueFromBibtex({ key: 'k', fields: { booktitle: 'Proceedings of the 3rd Symposium on My Topic' } }, withConfig).venue).toBe('MyConf');
  });
});

describe('shortVenue', () => {
  it.each([
    ['Proceedings of the 2020 Foo Conference, Somewhere', 'Foo Conference'],
    ['The 3rd Bar Meeting: Special Track', 'Bar Meeting'],
    ['Proc. of the Baz [Workshop]', 'Baz Workshop'],
    ['2019', null],
    ['', null],
  ])('%j -> %j', (text, short) => {
    expect(shortVenue(text)).toBe(short);
  });
});

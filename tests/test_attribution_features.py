"""The attribution tagger's features hashed several templates at a time are, bit for bit, the
features hashed one template at a time (the model's weights are indexed by them)."""

import numpy as np

from newsgraph.extract import attribution as at


def test_hashing_rows_at_once_is_hashing_each_alone():
    rng = np.random.default_rng(5)
    a, b = (rng.integers(0, 2**63, size=(3, 17), dtype=np.uint64) for _ in range(2))
    templates = [7, 23, 41]
    one = at._mix_rows(templates, a)
    two = at._mix_rows(templates, a, b)
    for k, t in enumerate(templates):
        assert np.array_equal(one[k], at._mix(t, a[k]))
        assert np.array_equal(two[k], at._mix(t, a[k], b[k]))
    assert one.dtype == np.uint64


def _features_one_template_at_a_time(doc, model):
    """The features as doc_features computed them before hashing was batched: one _mix per template."""
    from spacy.attrs import DEP, ENT_TYPE, HEAD, IS_TITLE, LEMMA, LOWER, ORTH, SENT_START, TAG

    arr = doc.to_array([LOWER, LEMMA, TAG, DEP, ENT_TYPE, IS_TITLE, HEAD, SENT_START, ORTH])
    n = len(doc)
    low, lem, tag, dep, ent, title = (arr[:, k] for k in range(6))
    idx = np.arange(n)
    heads = idx + arr[:, 6].view(np.int64)
    sstart = arr[:, 7].view(np.int64) == 1
    sstart[0] = True
    sid = np.cumsum(sstart) - 1
    starts = np.nonzero(sstart)[0]
    sents = list(zip(starts.tolist(), starts[1:].tolist() + [n]))
    qs = at.quote_flags(doc, arr[:, 8]).astype(np.uint64) + np.uint64(7)
    is_root = heads == idx
    root_of = np.zeros(len(sents), dtype=np.int64)
    root_of[sid[is_root]] = idx[is_root]
    root = root_of[sid]
    posrel = np.where(idx < root, 2, np.where(idx > root, 3, 4)).astype(np.uint64)

    def shift(col, k):
        j = idx + k
        ok = (j >= 0) & (j < n)
        jj = np.clip(j, 0, n - 1)
        ok &= sid[jj] == sid
        return np.where(ok, col[jj], at._NONE)

    is_cue = np.isin(lem, model.cue_ids)
    mix = at._mix
    cols = [
        mix(1, np.zeros(n, np.uint64)), mix(2, low), mix(3, lem), mix(4, tag), mix(5, dep), mix(6, qs),
        mix(7, tag, dep), mix(8, dep, lem[heads]), mix(9, tag[heads]), mix(10, ent), mix(11, title),
        mix(12, posrel), mix(13, lem[root]),
        mix(14, shift(low, -1)), mix(15, shift(low, 1)), mix(16, shift(tag, -1)), mix(17, shift(tag, 1)),
        mix(18, shift(tag, -2)), mix(19, shift(tag, 2)), mix(20, shift(qs, -1)), mix(21, shift(qs, 1)),
        mix(22, is_cue.astype(np.uint64)), mix(23, lem, shift(lem, 1)), mix(24, shift(lem, -1), lem),
        mix(25, is_root.astype(np.uint64)),
    ]
    child, anc = idx, heads
    for k in range(at.N_ANCESTORS):
        valid = child != anc
        rel = np.where(valid, dep[child], at._NONE)
        alem = np.where(valid, lem[anc], at._NONE)
        cols += [mix(30 + k, alem, rel), mix(40, alem, rel)]
        child, anc = anc, heads[anc]
    return (np.stack(cols, axis=1) & np.uint64(model.n_buckets - 1)).astype(np.int64)


def test_document_features_are_those_of_one_template_at_a_time(nlp):
    model = at.load_model()
    doc = nlp("Karim al-Tarmi, a commander of the Dawn Front, said on Monday that 12 fighters were killed "
              "near Velmora. “We will hold the town,” he told reporters. Officials in Sahil denied it.")
    ids = at.doc_features(doc, model.cue_ids, model.gate_ids, model.n_buckets - 1).ids
    expected = _features_one_template_at_a_time(doc, model)
    assert np.array_equal(ids[:, :expected.shape[1]], expected)

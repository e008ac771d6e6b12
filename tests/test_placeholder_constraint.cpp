// model/search/placeholder_constraint: every placeholder a source holds comes out of every
// search, as often at most as it stands there, and no other; whatever the network prefers.

#include <QtTest>

#include <algorithm>

#include "model/search/search.h"
#include "tiny_model.h"

using tiny::Ids;

namespace {

// Source ids 20, 21, 22 stand for target ids 17, 18, 19.
const std::vector<std::pair<int64_t, int64_t>> kPlaceholders{{20, 17}, {21, 18}, {22, 19}};

std::vector<Ids> sources() {
    return {{4, 20, 5}, {20, 6, 20, 22}, {7, 8}, {21}, {9, 22, 21, 20, 5, 6}};
}

// "" when `output` keeps the constraint for `source`, else what it breaks.
QString broken(const Ids& source, const Ids& output) {
    for (const auto& [src, tgt] : kPlaceholders) {
        const auto quota = std::count(source.begin(), source.end(), src);
        const auto used = std::count(output.begin(), output.end(), tgt);
        if (quota == 0 && used > 0) return QString("%1 is not in the source").arg(tgt);
        if (quota > 0 && used == 0) return QString("%1 is missing").arg(tgt);
        if (used > quota) return QString("%1 comes %2 times").arg(tgt).arg(used);
    }
    return {};
}

void checkEverySearch(dari::Seq2Seq& model, size_t* forcedAtTheEnd = nullptr) {
    const auto srcs = sources();
    const auto batch = dari::makeSourceBatch(srcs);
    for (int beam : {1, 3}) {
        for (bool sample : {false, true}) {
            dari::DecodeOptions o;
            o.beam = sample ? 1 : beam;
            o.nbest = beam;
            o.sample = sample;
            o.seed = 5;
            o.placeholders = kPlaceholders;
            const auto results = dari::decode(model, batch, o);
            for (size_t i = 0; i < srcs.size(); ++i)
                for (const auto& h : results[i]) {
                    const QString why = broken(srcs[i], h.ids);
                    QVERIFY2(why.isEmpty(), qPrintable(QString("source %1, beam %2%3: %4")
                                                           .arg(i)
                                                           .arg(beam)
                                                           .arg(sample ? " sampled" : "")
                                                           .arg(why)));
                    if (forcedAtTheEnd && !h.ids.empty() && h.ids.back() >= 17 &&
                        h.ids.back() <= 19)
                        ++*forcedAtTheEnd;
                }
        }
    }
}

}  // namespace

class TestPlaceholderConstraint : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void anUntrainedNetworkKeepsIt() {
        torch::manual_seed(2);
        dari::Seq2Seq model(tiny::config("lstm", "bahdanau", true), tiny::kVocab, tiny::kVocab);
        checkEverySearch(model);
    }

    void aNetworkThatWouldEndAtOnceKeepsIt() {
        torch::manual_seed(3);
        dari::Seq2Seq model(tiny::config("gru", "dot", false), tiny::kVocab, tiny::kVocab);
        {
            torch::NoGradGuard noGrad;
            model->decoder->named_parameters()["output_bias"][dari::kEosId].fill_(1e3);
        }
        checkEverySearch(model);
    }

    void aNetworkThatNeverSaysThemIsMadeTo() {
        // They come only when nothing else fits: the last pieces of the length limit.
        torch::manual_seed(4);
        dari::Seq2Seq model(tiny::config("gru", "bahdanau", true), tiny::kVocab, tiny::kVocab);
        {
            torch::NoGradGuard noGrad;
            auto bias = model->decoder->named_parameters()["output_bias"];
            for (int64_t id : {17, 18, 19})
                bias[id].fill_(-1e3);
        }
        size_t forced = 0;
        checkEverySearch(model, &forced);
        QVERIFY(forced > 0);
    }

    void withoutPlaceholdersNothingChanges() {
        torch::manual_seed(2);
        dari::Seq2Seq model(tiny::config("lstm", "bahdanau", true), tiny::kVocab, tiny::kVocab);
        const auto batch = dari::makeSourceBatch(sources());
        dari::DecodeOptions o;
        o.beam = 3;
        const auto plain = tiny::best(dari::decode(model, batch, o));
        o.placeholders = {{23, 16}};  // a placeholder no source holds bans only its own piece
        const auto constrained = tiny::best(dari::decode(model, batch, o));
        for (size_t i = 0; i < plain.size(); ++i)
            if (std::find(plain[i].begin(), plain[i].end(), 16) == plain[i].end())
                QCOMPARE(constrained[i], plain[i]);
    }
};

QTEST_GUILESS_MAIN(TestPlaceholderConstraint)
#include "test_placeholder_constraint.moc"

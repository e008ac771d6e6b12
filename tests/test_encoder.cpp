// The written-out encoder computes what LibTorch's own RNN / GRU / LSTM compute on
// packed sequences, with the same weights.

#include <QtTest>

#include "tiny_model.h"

namespace rnn_utils = torch::nn::utils::rnn;

namespace {

// LibTorch's module of the same kind, with the encoder's weights copied in.
template <typename Module, typename Options>
Module copyOf(dari::Encoder& encoder, Options options) {
    Module reference(options);
    torch::NoGradGuard noGrad;
    auto mine = encoder->named_parameters();
    for (auto& p : reference->named_parameters())
        p.value().copy_(mine["rnn." + p.key()]);
    return reference;
}

}  // namespace

class TestEncoder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(1); }

    void matchesLibTorchOnPackedSequences_data() {
        QTest::addColumn<QString>("cell");
        QTest::addColumn<bool>("bidirectional");
        QTest::addColumn<int>("layers");
        for (const char* cell : {"rnn", "gru", "lstm"})
            for (bool bi : {false, true})
                for (int layers : {1, 2})
                    QTest::addRow("%s-%s-%d", cell, bi ? "bi" : "uni", layers)
                        << cell << bi << layers;
    }

    void matchesLibTorchOnPackedSequences() {
        QFETCH(QString, cell);
        QFETCH(bool, bidirectional);
        QFETCH(int, layers);
        auto config = tiny::config(cell.toStdString(), "bahdanau", bidirectional);
        config.encoderLayers = layers;
        torch::manual_seed(9);
        dari::Encoder encoder(config, tiny::kVocab);
        encoder->eval();
        const auto batch = dari::makeBatch(tiny::pairs(), tiny::allIndices(tiny::pairs().size()));
        const auto mine = encoder(batch.src);

        const auto embedded = encoder->embedding(batch.src);
        const auto packed = rnn_utils::pack_padded_sequence(embedded, batch.lengths, true, false);
        const int64_t size = config.embeddingSize, hidden = config.encoderHidden;
        rnn_utils::PackedSequence out(torch::zeros({1}), torch::ones({1}, torch::kLong));
        torch::Tensor h;
        if (cell == "gru") {
            auto ref = copyOf<torch::nn::GRU>(encoder, torch::nn::GRUOptions(size, hidden)
                                                           .num_layers(layers)
                                                           .bidirectional(bidirectional)
                                                           .batch_first(true));
            std::tie(out, h) = ref->forward_with_packed_input(packed);
        } else if (cell == "lstm") {
            auto ref = copyOf<torch::nn::LSTM>(encoder, torch::nn::LSTMOptions(size, hidden)
                                                            .num_layers(layers)
                                                            .bidirectional(bidirectional)
                                                            .batch_first(true));
            auto [o, state] = ref->forward_with_packed_input(packed);
            out = o;
            h = std::get<0>(state);
        } else {
            auto ref = copyOf<torch::nn::RNN>(encoder, torch::nn::RNNOptions(size, hidden)
                                                           .num_layers(layers)
                                                           .bidirectional(bidirectional)
                                                           .batch_first(true));
            std::tie(out, h) = ref->forward_with_packed_input(packed);
        }
        const auto outputs =
            std::get<0>(rnn_utils::pad_packed_sequence(out, true, 0.0, batch.src.size(1)));
        QVERIFY(torch::allclose(mine.outputs, outputs, 1e-5, 1e-6));
        const int directions = bidirectional ? 2 : 1;
        const auto top =
            h.slice(0, h.size(0) - directions).transpose(0, 1).reshape({batch.src.size(0), -1});
        QVERIFY(torch::allclose(mine.final, top, 1e-5, 1e-6));
        // The forward direction's state at every position, for the gradient-reach measurement.
        QCOMPARE(int64_t(mine.forwardStates.size()), batch.src.size(1));
        QVERIFY(torch::allclose(mine.forwardStates[0], outputs.select(1, 0).slice(1, 0, hidden),
                                1e-5, 1e-6));
    }
};

QTEST_GUILESS_MAIN(TestEncoder)
#include "test_encoder.moc"

package dev.beak.examples.text;

import dev.beak.data.text.Tokenizer;
import dev.beak.data.text.Vocabulary;
import dev.beak.dataset.TensorDataset;
import dev.beak.examples.Example;
import dev.beak.examples.ExampleResult;
import dev.beak.nn.Functional;
import dev.beak.nn.Model;
import dev.beak.nn.SymbolicTensor;
import dev.beak.nn.layer.Activation;
import dev.beak.nn.layer.Concat;
import dev.beak.nn.layer.Layers;
import dev.beak.nn.loss.CrossEntropy;
import dev.beak.nn.optim.Adam;
import dev.beak.nn.train.FitOptions;
import dev.beak.ops.Padding;
import dev.beak.tensor.Tensor;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which language is a word? A character-level text CNN (Kim, 2014, "Convolutional Neural Networks for
 * Sentence Classification"): character embeddings, parallel 1-d convolutions of widths 3, 4 and 5
 * (filters as wide as the embedding, sliding over the characters), max over time of each filter with
 * the padding masked out, dropout, softmax over seven languages. Words come from Debian's word lists
 * ({@link WordLists}); the baseline is a bag of characters (letter frequencies) with softmax regression,
 * a model that sees which letters occur but not their order.
 */
public final class LanguageId implements Example {
    static final int LENGTH = 20;

    @Override public String name() { return "text-language"; }

    @Override public String description() {
        return "language of a single word (7 languages from Debian word lists): character CNN, widths 3/4/5, masked max over time";
    }

    @Override public String data() { return "Debian word lists: " + String.join(" ", WordLists.packages()); }

    @Override public List<String> packages() { return WordLists.packages(); }

    @Override
    public ExampleResult run(boolean quick, long seed, PrintWriter log) throws Exception {
        long t0 = System.nanoTime();
        int perLanguage = quick ? 1500 : 6000, testPer = quick ? 300 : 1500, epochs = quick ? 4 : 6;
        List<List<String>> words = WordLists.load(perLanguage + testPer, LENGTH, seed);
        List<String> trainWords = new ArrayList<>(), testWords = new ArrayList<>();
        List<Float> trainY = new ArrayList<>(), testY = new ArrayList<>();
        for (int c = 0; c < words.size(); c++) {
            List<String> w = words.get(c);
            int test = Math.min(testPer, w.size() / 5);
            for (int i = 0; i < w.size(); i++) {
                (i < test ? testWords : trainWords).add(w.get(i));
                (i < test ? testY : trainY).add((float) c);
            }
        }
        Vocabulary vocab = Vocabulary.build(Tokenizer.characters(), trainWords, 100, 5, LENGTH);
        TensorDataset train = new TensorDataset(vocab.encodeAll(trainWords), labels(trainY)), test = new TensorDataset(vocab.encodeAll(testWords), labels(testY));
        log.printf(Locale.ROOT, "%d training and %d test words, %d languages, %d characters in the vocabulary%n", train.size(), test.size(),
                words.size(), vocab.size());

        Model cnn = textCnn(vocab.size(), words.size(), quick ? 48 : 64, seed).compile(new Adam(2e-3), new CrossEntropy());
        var history = cnn.fit(train, FitOptions.epochs(epochs).batchSize(64).seed(seed).validation(test).listener(new dev.beak.examples.EpochPrinter("cnn", log)));
        double accuracy = history.last().get("val_accuracy");

        TensorDataset bagTrain = new TensorDataset(bagOfCharacters(train.x(), vocab.size()), train.y());
        TensorDataset bagTest = new TensorDataset(bagOfCharacters(test.x(), vocab.size()), test.y());
        Model bag = dev.beak.nn.Sequential.of(Layers.dense(words.size())).named("bag_of_characters").seed(seed).withInputShape(vocab.size())
                .compile(new Adam(1e-2), new CrossEntropy());
        double baseline = bag.fit(bagTrain, FitOptions.epochs(epochs * 2).batchSize(64).seed(seed).validation(bagTest)
                .listener(new dev.beak.examples.EpochPrinter("bag of characters", log))).last().get("val_accuracy");
        return new ExampleResult(name(), accuracy, baseline, "bag of characters + softmax regression", train.size(), test.size(),
                (System.nanoTime() - t0) / 1e9, Map.of("majority_class", dev.beak.examples.Baselines.majority(train, test, words.size())));
    }

    /** Kim's text CNN over characters: embedding, three convolution widths, masked max over time, dropout, dense. */
    public static Model textCnn(int vocabulary, int classes, int filters, long seed) {
        SymbolicTensor ids = Functional.input(LENGTH);
        SymbolicTensor chars = ids.then(Layers.embedding(vocabulary, 32).withPaddingIndex(Vocabulary.PADDING));
        SymbolicTensor mask = ids.then(Layers.paddingMask(Vocabulary.PADDING));
        List<SymbolicTensor> pooled = new ArrayList<>();
        for (int width : new int[] {3, 4, 5}) {
            SymbolicTensor conv = chars.then("conv_" + width, Layers.conv1d(filters, width).withPadding(Padding.SAME).withActivation(Activation.RELU));
            pooled.add(Functional.apply("max_over_time_" + width, Layers.globalMaxPool(), conv, mask));
        }
        SymbolicTensor joined = Functional.apply(new Concat(0), pooled.toArray(SymbolicTensor[]::new));
        SymbolicTensor out = joined.then(Layers.dropout(0.5f)).then(Layers.dense(classes));
        return Functional.model("text_cnn", List.of(ids), List.of(out), seed);
    }

    /** Per word, the share of each character id among its characters (padding left out): (N, V). */
    static Tensor bagOfCharacters(Tensor ids, int vocabulary) {
        int n = ids.dim(0), len = ids.dim(1);
        float[] out = new float[n * vocabulary];
        for (int i = 0; i < n; i++) {
            int count = 0;
            for (int l = 0; l < len; l++) {
                int id = (int) ids.data()[i * len + l];
                if (id != Vocabulary.PADDING) { out[i * vocabulary + id]++; count++; }
            }
            for (int v = 0; v < vocabulary; v++) out[i * vocabulary + v] /= Math.max(1, count);
        }
        return Tensor.of(out, n, vocabulary);
    }

    private static Tensor labels(List<Float> y) {
        float[] a = new float[y.size()];
        for (int i = 0; i < a.length; i++) a[i] = y.get(i);
        return Tensor.of(a, a.length);
    }
}

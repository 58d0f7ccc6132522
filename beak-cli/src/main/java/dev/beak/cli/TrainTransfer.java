package dev.beak.cli;

import dev.beak.data.loader.Features;
import dev.beak.dataset.Batches;
import dev.beak.dataset.TensorDataset;
import dev.beak.io.ModelFile;
import dev.beak.io.SavedModel;
import dev.beak.io.TrainingSession;
import dev.beak.kernel.Parallel;
import dev.beak.nn.Model;
import dev.beak.nn.TransferRecipe;
import dev.beak.nn.train.ProgressBar;
import dev.beak.nn.train.TrainingChecks;
import dev.beak.tensor.Shape;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code beak train --base}: the pretrained base cut at {@code --cut}, a new head for the data's classes, phase one
 * (the head, through the frozen base or on cached base outputs), then phase two when {@code --fine-tune-from} is
 * given; the model file is written after each phase ({@code NAME.head.beak}, then {@code --out}).
 */
final class TrainTransfer {
    private TrainTransfer() {}

    static int run(TrainCommand c) throws Exception {
        TransferOptions t = c.transfer;
        PrintWriter stdout = c.output.human();
        if (c.spec.commandLine().getParseResult().hasMatchedOption("--model")) {
            throw new IllegalArgumentException("give either --model (train or continue) or --base (a new head on a pretrained base)");
        }
        if (c.checkpoints.dir != null) throw new IllegalArgumentException("--checkpoint-dir does not work with --base yet");
        if (t.cacheFeatures && !t.freezeBase) {
            throw new IllegalArgumentException("--cache-features needs --freeze-base: cached base outputs hold only while the base does not train");
        }
        if (c.threads != null) Parallel.setThreads(c.threads);
        SavedModel saved = ModelSource.isModelFile(t.base) ? ModelSource.load(t.base) : null;
        Model pretrained = saved != null ? saved.model() : ModelSource.resolve(t.base, c.seed);
        // The base keeps the pixels it was trained on: its preprocessing and input geometry; the classes are the data's.
        StoredData stored = saved == null ? null : new StoredData(t.base, saved.preprocessing(), saved.inputGeometry(), List.of());
        TransferRecipe recipe = new TransferRecipe(t.cut != null ? t.cut : TransferRecipe.defaultCut(pretrained), HeadSpec.parse(t.head), t.fineTuneFrom,
                t.fineTuneLr != null ? t.fineTuneLr / c.training.lr : 0.1);
        String stem = ModelSource.isNamed(t.base) ? t.base : Path.of(t.base).getFileName().toString().replaceFirst("\\.[^.]*$", "");
        Path target = c.out != null ? c.out : Path.of("runs", stem + "-transfer.beak");
        OutputPaths.checkFile("--out", target, 4 * pretrained.state().values().stream().mapToLong(v -> v.size()).sum() + (1 << 20));
        stdout.println("Data: " + c.data.describe());
        Map<String, Object> figures;
        try (DataOptions.Prepared prepared = c.data.prepare(pretrained.inputShape(), c.batchSize, c.seed, stored)) {
            int classes = prepared.classes().isEmpty() ? TrainingChecks.classCount(prepared.test()) : prepared.classes().size();
            if (!prepared.classes().isEmpty()) stdout.println("Classes: " + String.join(", ", prepared.classes()));
            Model frozenBase = recipe.base(pretrained), newHead = recipe.head(frozenBase.outputShape(), classes, c.seed);
            Model model = frozenBase.followedBy(newHead);
            if (!t.freezeBase) model.unfreezeFrom(model.layerNames().getFirst());
            stdout.printf(Locale.ROOT, "Transfer: base of %s up to %s (%s), new head %s -> %d classes%n", t.base, recipe.cut(),
                    t.freezeBase ? "frozen" : "trainable", newHead.layerNames(), classes);
            SavedModel begin = new SavedModel(model, c.data.splitMetadata(), prepared.preprocessing(), prepared.classes(), prepared.geometry(), null);
            Path phaseOne = t.fineTuneFrom == null ? target : target.resolveSibling(target.getFileName().toString().replaceFirst("\\.beak$", "") + ".head.beak");
            TrainingSession.Data all = new TrainingSession.Data(prepared.train(), prepared.trainSize(), prepared.test());
            if (t.cacheFeatures) {
                long t0 = System.nanoTime();
                TensorDataset trainFeatures = Features.compute(prepared.train(), t.featurePasses, x -> frozenBase.predict(x, 256));
                TensorDataset testFeatures = Features.compute(prepared.test(), x -> frozenBase.predict(x, 256), 256);
                stdout.printf(Locale.ROOT, "Cached base outputs %s of %,d training and %,d test samples in %s%n", Shape.toString(trainFeatures.sampleShape()),
                        trainFeatures.size(), testFeatures.size(), ProgressBar.clock((System.nanoTime() - t0) / 1e9));
                var cached = new TrainingSession.Data(Batches.shuffled(trainFeatures, c.batchSize, c.seed, 0), trainFeatures.size(), testFeatures);
                figures = phase(c, new SavedModel(newHead, Map.of()), cached, c.training.lr, c.epochs, phaseOne);
                // The head file becomes the whole model: base and trained head.
                Map<String, String> meta = new LinkedHashMap<>(begin.metadata());
                meta.put("test_accuracy", String.valueOf(figures.get("test_accuracy")));
                ModelFile.save(new SavedModel(model, meta, begin.preprocessing(), begin.classNames(), begin.inputGeometry(), null), phaseOne);
            } else {
                figures = phase(c, begin, all, c.training.lr, c.epochs, phaseOne);
            }
            if (t.fineTuneFrom != null) {
                recipe.startFineTuning(model);
                stdout.printf(Locale.ROOT, "Fine-tuning from %s: %,d trainable parameters%n", t.fineTuneFrom,
                        model.trainableParameters().values().stream().mapToLong(v -> v.size()).sum());
                Map<String, Object> first = figures;
                figures = phase(c, begin, all, c.training.lr * recipe.fineTuneLrFactor(), t.fineTuneEpochs, target);
                figures.put("head_test_accuracy", first.get("test_accuracy"));
                figures.put("head_model", first.get("model"));
            }
            figures.put("classes", classes);
        }
        NextSteps.afterTraining(stdout, target, c.data);
        c.output.result(figures);
        return 0;
    }

    /** One phase: {@code begin} trained at {@code rate} for {@code epochs} into {@code file}, printed as train prints it. */
    private static Map<String, Object> phase(TrainCommand c, SavedModel begin, TrainingSession.Data data, double rate, int epochs, Path file)
            throws Exception {
        return TrainingRun.run(begin, data, c.training.plan(rate, epochs, c.batchSize, c.seed, file), c.training.shown(rate),
                TrainingSession.Checkpoints.NONE, c.output.human(), c.output.err());
    }
}

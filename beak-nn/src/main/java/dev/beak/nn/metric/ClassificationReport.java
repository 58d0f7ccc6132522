package dev.beak.nn.metric;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Per-class precision, recall, F1 and support from a {@link ConfusionMatrix}, with accuracy and the
 * macro (unweighted) and weighted (by support) averages; {@link #toString()} prints scikit-learn's
 * table. A ratio with a zero denominator (a class never predicted, or absent) is 0.
 *
 * {@snippet : System.out.println(ClassificationReport.of(ConfusionMatrix.of(model, test, 256), classNames)); }
 */
public record ClassificationReport(List<ClassScores> classes, double accuracy, ClassScores macroAverage,
                                   ClassScores weightedAverage, long total) {

    /** One row: precision = TP / predicted, recall = TP / support, F1 their harmonic mean. */
    public record ClassScores(String name, double precision, double recall, double f1, long support) {}

    /** The report with classes named 0, 1, ... */
    public static ClassificationReport of(ConfusionMatrix m) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < m.classes(); c++) names.add(Integer.toString(c));
        return of(m, names);
    }

    public static ClassificationReport of(ConfusionMatrix m, List<String> classNames) {
        if (classNames.size() != m.classes()) {
            throw new IllegalArgumentException(classNames.size() + " class names for a matrix of " + m.classes() + " classes");
        }
        List<ClassScores> rows = new ArrayList<>();
        double[] macro = new double[3], weighted = new double[3];
        long total = m.total();
        for (int c = 0; c < m.classes(); c++) {
            long tp = m.count(c, c), support = m.support(c);
            double p = ratio(tp, m.predicted(c)), r = ratio(tp, support), f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
            rows.add(new ClassScores(classNames.get(c), p, r, f1, support));
            double[] v = {p, r, f1};
            for (int i = 0; i < 3; i++) {
                macro[i] += v[i] / m.classes();
                weighted[i] += total == 0 ? 0 : v[i] * support / total;
            }
        }
        return new ClassificationReport(List.copyOf(rows), m.accuracy(), new ClassScores("macro avg", macro[0], macro[1], macro[2], total),
                new ClassScores("weighted avg", weighted[0], weighted[1], weighted[2], total), total);
    }

    /** The scores of the class called {@code name}. */
    public ClassScores scores(String name) {
        return classes.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no class \"" + name + "\" in the report"));
    }

    @Override
    public String toString() {
        int w = Math.max(12, classes.stream().mapToInt(c -> c.name().length()).max().orElse(0) + 2);
        String row = "%" + w + "s %10s %10s %10s %10s%n";
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, row, "", "precision", "recall", "f1-score", "support"));
        sb.append('\n');
        for (ClassScores c : classes) sb.append(line(w, c));
        sb.append('\n');
        sb.append(String.format(Locale.ROOT, "%" + w + "s %10s %10s %10.4f %10d%n", "accuracy", "", "", accuracy, total));
        sb.append(line(w, macroAverage)).append(line(w, weightedAverage));
        return sb.toString();
    }

    private static String line(int w, ClassScores c) {
        return String.format(Locale.ROOT, "%" + w + "s %10.4f %10.4f %10.4f %10d%n", c.name(), c.precision(), c.recall(), c.f1(), c.support());
    }

    private static double ratio(long a, long b) {
        return b == 0 ? 0 : (double) a / b;
    }
}

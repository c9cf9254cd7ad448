package dev.lookalike.cli;

import dev.lookalike.eval.EvaluationReport;
import dev.lookalike.eval.MethodResult;
import java.io.PrintWriter;
import java.util.List;

/** Prints an evaluation report as the table BENCHMARKS.md quotes. */
final class EvaluationTable {

  private static final String ROW = "%-44s %9s %7s %7s %7s %7s %12s %12s%n";

  private EvaluationTable() {}

  static void print(PrintWriter out, String source, EvaluationReport report) {
    out.printf(
        "%s database=%d queries=%d seed=%d model=%s (%.0f s)%n",
        source,
        report.database(),
        report.queries(),
        report.seed(),
        report.model(),
        report.seconds());
    out.printf(
        "latent spectrum: first principal component %.1f%% of the variance, mean |correlation| %.3f%n",
        100 * report.spectrum().firstComponentShare(), report.spectrum().meanAbsCorrelation());
    out.printf(
        ROW, "method", "mAP@1000", "P@10", "P@100", "hit@1", "hit@10", "ms/q@1000", "ms/q@10");
    for (MethodResult m : report.methods()) {
      out.printf(
          ROW,
          m.method(),
          num(m.mapAt1000(), 4),
          num(m.precisionAt10(), 4),
          num(m.precisionAt100(), 4),
          num(m.hitAt1(), 4),
          num(m.hitAt10(), 4),
          num(m.msPerQuery(), 3),
          num(m.msPerQueryAt10(), 3));
    }
  }

  /** The label names, or only their count when there are too many to read. */
  static String labels(List<String> labels) {
    return labels.size() <= 20
        ? "labels=" + labels.size() + " (" + String.join(", ", labels) + ")"
        : "labels=" + labels.size();
  }

  private static String num(double value, int decimals) {
    return Double.isNaN(value) ? "-" : String.format("%." + decimals + "f", value);
  }
}

package dev.lookalike.eval;

import java.util.List;

/**
 * All methods of one evaluation run, computed on the same queries against the same database.
 *
 * @param spectrum how spread the model's latents of the database are (collapse check)
 */
public record EvaluationReport(
    String dataset,
    int database,
    int queries,
    long seed,
    String model,
    LatentSpectrum spectrum,
    List<MethodResult> methods,
    double seconds) {

  public EvaluationReport {
    methods = List.copyOf(methods);
  }

  public MethodResult method(String name) {
    return methods.stream()
        .filter(m -> m.method().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no method '"
                        + name
                        + "' in "
                        + methods.stream().map(MethodResult::method).toList()));
  }
}

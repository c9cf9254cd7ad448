package dev.lookalike.api;

import dev.lookalike.app.Components;
import dev.lookalike.generative.Augmenter;
import dev.lookalike.generative.Expansion;
import dev.lookalike.index.SearchMode;
import dev.lookalike.index.SearchParams;
import java.util.function.Supplier;

/**
 * Request parameters checked at the edge: what the client sent and got wrong becomes an {@link
 * InvalidRequestException}, so that it answers 400 while faults further in answer 500.
 */
final class Params {

  private Params() {}

  /** Search parameters from the query string, with the configured defaults. */
  static SearchParams search(
      Components components, Integer k, Integer offset, String mode, String label) {
    SearchMode searchMode =
        mode == null || mode.isBlank() ? null : clientValue(() -> SearchMode.parse(mode));
    return clientValue(
        () -> components.searchParams(k, offset == null ? 0 : offset, searchMode, label));
  }

  /** Query expansion from the query string, with a fixed seed so that a search repeats exactly. */
  static Expansion expansion(int variants, float temperature) {
    inRange("temperature", temperature, 0f, Augmenter.MAX_TEMPERATURE);
    return clientValue(() -> new Expansion(variants, temperature, 42));
  }

  /** Refuses {@code value} outside {@code [min, max]}, naming the parameter. */
  static int inRange(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new InvalidRequestException(
          name + " must be in [" + min + ", " + max + "], got: " + value);
    }
    return value;
  }

  /** Refuses {@code value} outside {@code [min, max]}, naming the parameter. */
  static float inRange(String name, float value, float min, float max) {
    if (!(value >= min && value <= max)) {
      throw new InvalidRequestException(
          name + " must be in [" + min + ", " + max + "], got: " + value);
    }
    return value;
  }

  /** Refuses a missing or blank parameter. */
  static String required(String value, String message) {
    if (value == null || value.isBlank()) {
      throw new InvalidRequestException(message);
    }
    return value;
  }

  /**
   * Builds a value record from the client's values: its constructor's refusal is about those
   * values, so it is the client's error. Only for records whose constructors only validate.
   */
  private static <T> T clientValue(Supplier<T> value) {
    try {
      return value.get();
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(e.getMessage(), e);
    }
  }
}

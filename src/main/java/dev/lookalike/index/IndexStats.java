package dev.lookalike.index;

/** Size and identity of an index. */
public record IndexStats(
    long count, long sizeBytes, int segments, String model, String directory) {}

package dev.lookalike.index;

/** An indexed image's id, label and dense code. */
public record CodeSample(String id, String label, float[] dense) {}

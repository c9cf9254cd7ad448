package dev.lookalike.index;

import java.util.Map;

/** What the index stores about an image, apart from its codes and thumbnail. */
public record StoredImage(String id, String uri, String label, Map<String, String> metadata, long addedAt) {}

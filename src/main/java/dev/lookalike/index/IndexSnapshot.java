package dev.lookalike.index;

import java.nio.file.Path;

/**
 * A copy of an index as of one commit, taken while the index kept serving.
 *
 * @param directory where the copy is: a complete index that opens like the original
 * @param images how many images it holds
 * @param files how many files were copied
 * @param bytes their total size
 */
public record IndexSnapshot(Path directory, long images, int files, long bytes) {}

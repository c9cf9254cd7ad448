package dev.lookalike.eval;

import dev.lookalike.collection.ImageFiles;
import dev.lookalike.dataset.LabeledImages;
import dev.lookalike.image.FloatImage;
import dev.lookalike.image.ImagePipeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * A labelled folder tree read as {@link LabeledImages}: each immediate sub-folder is a label, every
 * image below it that decodes is an image of that label. Files are found and decoded with the
 * collection's rules ({@link ImageFiles}); a bad file is reported and left out.
 */
public final class LabeledFolder {

  private LabeledFolder() {}

  /**
   * The images under {@code root} prepared by {@code pipeline}, labelled by their sub-folder
   * (labels in sorted order); files that cannot be used go to {@code skipped} with the reason.
   *
   * @throws IllegalArgumentException when {@code root} is not a folder or fewer than two labels
   *     have a decodable image
   */
  public static LabeledImages load(
      Path root, ImagePipeline pipeline, BiConsumer<Path, String> skipped) {
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("no such folder: " + root);
    }
    List<FloatImage> images = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Path entry : entries(root)) {
      if (!Files.isDirectory(entry)) {
        skipped.accept(entry, "not in a label sub-folder");
        continue;
      }
      List<FloatImage> decoded =
          ImageFiles.decodeAll(ImageFiles.find(List.of(entry)), pipeline::toInput, skipped);
      if (!decoded.isEmpty()) {
        images.addAll(decoded);
        decoded.forEach(image -> labels.add(names.size()));
        names.add(entry.getFileName().toString());
      }
    }
    if (names.size() < 2) {
      throw new IllegalArgumentException(
          root
              + (images.isEmpty()
                  ? " has no decodable images"
                  : " has decodable images under one label only (" + names.get(0) + ")")
              + "; evaluate --data needs one sub-folder of images per label, at least 2 labels");
    }
    return new LabeledImages(
        "folder:" + root, images, labels.stream().mapToInt(Integer::intValue).toArray(), names);
  }

  /**
   * Every image under {@code root} (recursively) labelled by its own file name without the
   * extension: for collections where the same subject has the same file name in every rendering
   * (cross-collection evaluation, relevant = same name).
   *
   * @throws IllegalArgumentException when {@code root} is not a folder or no image decodes
   */
  public static LabeledImages loadByName(
      Path root, ImagePipeline pipeline, BiConsumer<Path, String> skipped) {
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("no such folder: " + root);
    }
    List<FloatImage> images = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Path file : ImageFiles.find(List.of(root))) {
      List<FloatImage> decoded = ImageFiles.decodeAll(List.of(file), pipeline::toInput, skipped);
      if (!decoded.isEmpty()) {
        images.add(decoded.get(0));
        String name = file.getFileName().toString();
        names.add(name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name);
      }
    }
    if (images.isEmpty()) {
      throw new IllegalArgumentException(root + " has no decodable images");
    }
    int[] labels = new int[images.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i;
    }
    return new LabeledImages("folder:" + root, images, labels, names);
  }

  /** The entries of {@code root} in sorted order, hidden ones (.git, .DS_Store) left out. */
  private static List<Path> entries(Path root) {
    try (Stream<Path> list = Files.list(root)) {
      return list.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
    }
  }
}

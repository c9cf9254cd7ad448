package dev.lookalike.dataset;

import dev.lookalike.image.FloatImage;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Images already in model-input form, with an integer label per image and the names of the labels.
 *
 * @param name what the images are, e.g. {@code fashion-mnist:test}; item URIs are {@code
 *     name#index}
 */
public record LabeledImages(
    String name, List<FloatImage> images, int[] labels, List<String> labelNames) {

  public LabeledImages {
    images = List.copyOf(images);
    labels = labels.clone();
    labelNames = List.copyOf(labelNames);
    if (images.size() != labels.length) {
      throw new IllegalArgumentException(
          images.size() + " images but " + labels.length + " labels");
    }
  }

  public int size() {
    return images.size();
  }

  public String uri(int index) {
    return name + "#" + index;
  }

  public String labelName(int index) {
    int label = labels[index];
    return label < labelNames.size() ? labelNames.get(label) : Integer.toString(label);
  }

  /** The first {@code count} images (all of them when count is larger). */
  public LabeledImages head(int count) {
    int n = Math.min(count, size());
    int[] head = new int[n];
    System.arraycopy(labels, 0, head, 0, n);
    return new LabeledImages(name, images.subList(0, n), head, labelNames);
  }

  /** The images at {@code ids}, in that order. */
  public LabeledImages select(int[] ids) {
    List<FloatImage> selected = new ArrayList<>(ids.length);
    int[] selectedLabels = new int[ids.length];
    for (int i = 0; i < ids.length; i++) {
      selected.add(images.get(ids[i]));
      selectedLabels[i] = labels[ids[i]];
    }
    return new LabeledImages(name, selected, selectedLabels, labelNames);
  }

  /** All images except those at {@code ids}, in their original order. */
  public LabeledImages without(int[] ids) {
    BitSet excluded = new BitSet(size());
    for (int id : ids) {
      excluded.set(id);
    }
    return select(IntStream.range(0, size()).filter(i -> !excluded.get(i)).toArray());
  }

  /**
   * These images labelled in {@code reference}'s label ids, matched by label name; images whose
   * label {@code reference} does not have are left out (nothing could be relevant to them).
   */
  public LabeledImages alignedTo(LabeledImages reference) {
    Map<String, Integer> ids = new HashMap<>();
    for (int i = 0; i < reference.labelNames().size(); i++) {
      ids.putIfAbsent(reference.labelNames().get(i), i);
    }
    List<FloatImage> kept = new ArrayList<>();
    List<Integer> keptLabels = new ArrayList<>();
    for (int i = 0; i < size(); i++) {
      Integer id = ids.get(labelNames.get(labels[i]));
      if (id != null) {
        kept.add(images.get(i));
        keptLabels.add(id);
      }
    }
    return new LabeledImages(
        name,
        kept,
        keptLabels.stream().mapToInt(Integer::intValue).toArray(),
        reference.labelNames());
  }
}

package dev.lookalike.search;

import dev.lookalike.codes.Codes;
import dev.lookalike.copies.CopyCheck;
import dev.lookalike.copies.CopyFirst;
import dev.lookalike.encoder.CodeModel;
import dev.lookalike.generative.Expansion;
import dev.lookalike.generative.QueryExpander;
import dev.lookalike.generative.QueryExpansion;
import dev.lookalike.image.FloatImage;
import dev.lookalike.image.ImagePipeline;
import dev.lookalike.image.InvalidImageException;
import dev.lookalike.index.Hit;
import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.IndexedImage;
import dev.lookalike.index.SearchParams;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers "which indexed images look like this one?": bytes → pixels → codes → index → hits, with
 * an edited copy's original moved first ({@link CopyFirst}) when the query is such a copy.
 */
public final class SearchService {

  private final ImagePipeline pipeline;
  private final CodeModel model;
  private final ImageIndex index;
  private final CopyFirst copyFirst;

  public SearchService(
      ImagePipeline pipeline, CodeModel model, ImageIndex index, CopyCheck copyCheck) {
    this.pipeline = pipeline;
    this.model = model;
    this.index = index;
    this.copyFirst = new CopyFirst(copyCheck);
  }

  /** Searches by an image's bytes (any supported format). */
  public SearchResponse search(byte[] image, SearchParams params) throws IOException {
    long start = System.nanoTime();
    FloatImage input = pipeline.toInput(image);
    Codes codes = model.codes(input);
    return respond(copyFirst.search(index, codes, input, params, this::pixels), params, start);
  }

  /** Searches by an image's bytes, with its code averaged with those of generated variants. */
  public SearchResponse search(
      byte[] image, SearchParams params, QueryExpander expander, Expansion expansion)
      throws IOException {
    long start = System.nanoTime();
    List<FloatImage> inputs = new ArrayList<>();
    inputs.add(pipeline.toInput(image));
    for (FloatImage variant :
        expander.variants(image, expansion.variants(), expansion.temperature(), expansion.seed())) {
      inputs.add(pipeline.toInput(variant));
    }
    Codes codes = model.coder().ofDense(QueryExpansion.dense(model, inputs));
    return respond(
        copyFirst.search(index, codes, inputs.get(0), params, this::pixels), params, start);
  }

  /** Searches by an indexed image; the image itself is usually the first hit. */
  public SearchResponse similar(String id, SearchParams params) throws IOException {
    long start = System.nanoTime();
    Codes codes =
        index.get(id).map(IndexedImage::codes).orElseThrow(() -> new UnknownImageException(id));
    return respond(index.search(codes, params), params, start);
  }

  /** Indexed images' pixels as the model sees them, from their stored thumbnails. */
  private Map<String, FloatImage> pixels(List<String> ids) throws IOException {
    Map<String, FloatImage> pixels = new HashMap<>();
    for (Map.Entry<String, byte[]> thumbnail : index.thumbnails(ids).entrySet()) {
      try {
        pixels.put(thumbnail.getKey(), pipeline.toInput(thumbnail.getValue()));
      } catch (InvalidImageException e) {
        // a damaged thumbnail only keeps that hit out of the check
      }
    }
    return pixels;
  }

  private static SearchResponse respond(List<Hit> hits, SearchParams params, long start) {
    double tookMs = (System.nanoTime() - start) / 1e6;
    return new SearchResponse(
        hits, params.mode().id(), params.k(), params.offset(), Math.round(tookMs * 1000) / 1000.0);
  }
}

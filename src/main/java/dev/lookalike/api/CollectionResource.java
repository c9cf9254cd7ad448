package dev.lookalike.api;

import dev.lookalike.collection.CollectionMap;
import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.SearchParams;
import dev.lookalike.index.StoredImage;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.List;

/** Views of the whole collection: its labels and a 2-D map of its codes. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class CollectionResource {

  @Inject ImageIndex index;

  @Inject CollectionMap map;

  /** The labels present in the index, for filters. */
  @GET
  @Path("/labels")
  public List<String> labels() throws IOException {
    return index.labels();
  }

  /** The images the model reconstructs worst (autoencoder anomaly detection). */
  @GET
  @Path("/outliers")
  public Outliers outliers(@QueryParam("k") @DefaultValue("20") int k) throws IOException {
    return new Outliers(index.outliers(Params.inRange("k", k, 1, SearchParams.MAX_K)));
  }

  /** Groups of near-identical images, found through the hash buckets. */
  @GET
  @Path("/duplicates")
  public Duplicates duplicates(
      @QueryParam("maxHamming") @DefaultValue("2") int maxHamming,
      @QueryParam("maxGroups") @DefaultValue("50") int maxGroups)
      throws IOException {
    Params.inRange("maxGroups", maxGroups, 1, Integer.MAX_VALUE);
    try {
      return new Duplicates(maxHamming, index.duplicates(maxHamming, maxGroups));
    } catch (IllegalArgumentException e) {
      // The widest maxHamming depends on the index's bucket layout, which only the index knows, and
      // refusing it is duplicates' only IllegalArgumentException. Narrow on purpose: replace it by
      // a
      // typed refusal when the index contract has one.
      throw new InvalidRequestException(e.getMessage(), e);
    }
  }

  /** The outliers document. */
  public record Outliers(List<StoredImage> images) {}

  /** The duplicates document. */
  public record Duplicates(int maxHamming, List<List<StoredImage>> groups) {}

  /** A PCA map of the dense codes of up to {@code n} images spread over the index. */
  @GET
  @Path("/map")
  public CollectionMap.Map map(@QueryParam("n") @DefaultValue("2000") int n) throws IOException {
    return map.draw(Params.inRange("n", n, 1, CollectionMap.MAX_POINTS));
  }
}

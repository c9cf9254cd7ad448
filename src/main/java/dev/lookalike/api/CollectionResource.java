package dev.lookalike.api;

import dev.lookalike.app.LiveDeployment;
import dev.lookalike.collection.CollectionMap;
import dev.lookalike.index.SearchParams;
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

  @Inject LiveDeployment live;

  /** The labels present in the index, for filters. */
  @GET
  @Path("/labels")
  public List<String> labels() throws IOException {
    return live.read(d -> d.analytics().labels());
  }

  /** The images the model reconstructs worst (autoencoder anomaly detection). */
  @GET
  @Path("/outliers")
  public Outliers outliers(@QueryParam("k") @DefaultValue("20") int k) throws IOException {
    Params.inRange("k", k, 1, SearchParams.MAX_K);
    return new Outliers(
        live.read(d -> d.analytics().outliers(k)).stream().map(ImageJson::of).toList());
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
      return new Duplicates(
          maxHamming,
          live.read(d -> d.analytics().duplicates(maxHamming, maxGroups)).stream()
              .map(group -> group.stream().map(ImageJson::of).toList())
              .toList());
    } catch (IllegalArgumentException e) {
      // The widest maxHamming depends on the index's bucket layout, which only the index knows,
      // and refusing it is duplicates' only IllegalArgumentException.
      throw new InvalidRequestException(e.getMessage(), e);
    }
  }

  /** The outliers document. */
  public record Outliers(List<ImageJson> images) {}

  /** The duplicates document. */
  public record Duplicates(int maxHamming, List<List<ImageJson>> groups) {}

  /** A PCA map of the dense codes of up to {@code n} images spread over the index. */
  @GET
  @Path("/map")
  public CollectionMap.Map map(@QueryParam("n") @DefaultValue("2000") int n) throws IOException {
    int points = Params.inRange("n", n, 1, CollectionMap.MAX_POINTS);
    return live.read(d -> d.map().draw(points));
  }
}

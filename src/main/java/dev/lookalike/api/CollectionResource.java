package dev.lookalike.api;

import dev.lookalike.index.ImageIndex;
import dev.lookalike.search.CollectionMap;
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

  @Inject
  ImageIndex index;

  @Inject
  CollectionMap map;

  /** The labels present in the index, for filters. */
  @GET
  @Path("/labels")
  public List<String> labels() throws IOException {
    return index.labels();
  }

  /** A PCA map of the dense codes of up to {@code n} images spread over the index. */
  @GET
  @Path("/map")
  public CollectionMap.Map map(@QueryParam("n") @DefaultValue("2000") int n) throws IOException {
    return map.draw(n);
  }
}

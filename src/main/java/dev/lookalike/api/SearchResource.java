package dev.lookalike.api;

import dev.lookalike.app.Components;
import dev.lookalike.app.LiveDeployment;
import dev.lookalike.generative.GenerativeModel;
import dev.lookalike.index.SearchParams;
import dev.lookalike.search.SearchResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Search by an uploaded image. */
@Path("/api/search")
public class SearchResource {

  @Inject LiveDeployment live;

  @Inject Components components;

  @Inject SearchMetrics metrics;

  @Inject GenerativeModel generative;

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.APPLICATION_JSON)
  public SearchJson search(
      @RestForm("image") FileUpload image,
      @BeanParam SearchQuery query,
      @QueryParam("expand") Integer expand,
      @QueryParam("temperature") @DefaultValue("0.5") float temperature)
      throws IOException {
    SearchParams params = query.params(components);
    byte[] bytes = Uploads.read(image, "image", components.imageLimits());
    // expand=n averages the query's code with those of n VAE variants of it (seed fixed:
    // repeatable)
    SearchResponse response =
        expand == null || expand == 0
            ? live.read(d -> d.search().search(bytes, params))
            : live.read(
                d ->
                    d.search()
                        .search(bytes, params, generative, Params.expansion(expand, temperature)));
    metrics.record(response);
    return SearchJson.of(response);
  }
}

package dev.lookalike.api;

import dev.lookalike.app.Components;
import dev.lookalike.collection.ImageCollection;
import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.IndexedImage;
import dev.lookalike.search.SearchResponse;
import dev.lookalike.search.SearchService;
import dev.lookalike.search.UnknownImageException;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The indexed images: add, read, delete, thumbnails, and search by an indexed image. */
@Path("/api/images")
public class ImagesResource {

  /** The answer to an upload. */
  public record Added(String id) {}

  @Inject ImageCollection collection;

  @Inject ImageIndex index;

  @Inject SearchService search;

  @Inject Components components;

  @Inject SearchMetrics metrics;

  @POST
  @RequiresApiKey
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.APPLICATION_JSON)
  public Response add(
      @RestForm("image") FileUpload image, @RestForm String label, @RestForm String uri)
      throws IOException {
    byte[] bytes = Uploads.read(image, "image", components.imageLimits());
    String id = collection.add(bytes, blankToNull(label), blankToNull(uri), Map.of());
    return Response.status(Response.Status.CREATED).entity(new Added(id)).build();
  }

  @GET
  @Path("/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public ImageJson get(@PathParam("id") String id) throws IOException {
    return index
        .get(id)
        .map(image -> ImageJson.of(image.image()))
        .orElseThrow(() -> new UnknownImageException(id));
  }

  @DELETE
  @RequiresApiKey
  @Path("/{id}")
  public Response delete(@PathParam("id") String id) throws IOException {
    if (!collection.delete(id)) {
      throw new UnknownImageException(id);
    }
    return Response.noContent().build();
  }

  @GET
  @Path("/{id}/thumbnail")
  @Produces("image/png")
  public Response thumbnail(@PathParam("id") String id) throws IOException {
    byte[] png =
        index
            .get(id)
            .map(IndexedImage::thumbnailPng)
            .filter(bytes -> bytes.length > 0)
            .orElseThrow(() -> new UnknownImageException(id));
    CacheControl cache = new CacheControl();
    cache.setMaxAge(86_400);
    // The id is derived from the image's URI or content, so a thumbnail only changes on re-index.
    return Response.ok(png, "image/png")
        .cacheControl(cache)
        .tag(Integer.toHexString(Arrays.hashCode(png)))
        .build();
  }

  @GET
  @Path("/{id}/similar")
  @Produces(MediaType.APPLICATION_JSON)
  public SearchJson similar(@PathParam("id") String id, @BeanParam SearchQuery query)
      throws IOException {
    SearchResponse response = search.similar(id, query.params(components));
    metrics.record(response);
    return SearchJson.of(response);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}

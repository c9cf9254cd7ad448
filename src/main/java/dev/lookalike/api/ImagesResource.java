package dev.lookalike.api;

import dev.lookalike.app.Components;
import dev.lookalike.app.LiveDeployment;
import dev.lookalike.collection.ImageCollection;
import dev.lookalike.index.SearchParams;
import dev.lookalike.search.SearchResponse;
import dev.lookalike.search.UnknownImageException;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The indexed images: add, read, delete, thumbnails, and search by an indexed image. */
@Path("/api/images")
public class ImagesResource {

  /** The answer to an upload. */
  public record Added(String id) {}

  @Inject LiveDeployment live;

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
    String id =
        live.write(d -> d.collection().add(bytes, blankToNull(label), blankToNull(uri), Map.of()));
    return Response.status(Response.Status.CREATED).entity(new Added(id)).build();
  }

  /**
   * Adds up to {@value ImageCollection#MAX_BATCH} images in one request: repeated {@code image}
   * parts, and optionally as many {@code uri} and {@code label} fields, the i-th for the i-th
   * image. They are encoded together and committed once; an image that cannot be decoded fails
   * alone (listed with its position), and with {@code skipExisting} (the default) images whose id
   * is indexed already are left alone, so a resumed ingest sends them again at no cost.
   */
  @POST
  @Path("/batch")
  @RequiresApiKey
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.APPLICATION_JSON)
  public BatchJson addBatch(
      @RestForm("image") List<FileUpload> images,
      @RestForm("uri") List<String> uris,
      @RestForm("label") List<String> labels,
      @QueryParam("skipExisting") @DefaultValue("true") boolean skipExisting)
      throws IOException {
    if (images == null || images.isEmpty() || images.size() > ImageCollection.MAX_BATCH) {
      throw new InvalidRequestException(
          "a batch carries 1 to "
              + ImageCollection.MAX_BATCH
              + " 'image' parts, got "
              + size(images));
    }
    if (size(uris) != 0 && size(uris) != images.size()
        || size(labels) != 0 && size(labels) != images.size()) {
      throw new InvalidRequestException(
          "give no 'uri' and 'label' fields or one per image: "
              + images.size()
              + " images, "
              + size(uris)
              + " uris, "
              + size(labels)
              + " labels");
    }
    List<ImageCollection.Upload> uploads = new ArrayList<>(images.size());
    for (int i = 0; i < images.size(); i++) {
      uploads.add(
          new ImageCollection.Upload(
              Uploads.readWhole(images.get(i), "image"),
              size(labels) == 0 ? null : blankToNull(labels.get(i)),
              size(uris) == 0 ? null : blankToNull(uris.get(i))));
    }
    return BatchJson.of(live.write(d -> d.collection().addAll(uploads, skipExisting)));
  }

  /** The answer to a batch. */
  public record BatchJson(
      int added, int skipped, List<String> ids, List<ImageCollection.BatchResult.Failure> failed) {
    static BatchJson of(ImageCollection.BatchResult result) {
      return new BatchJson(
          result.added().size(), result.skipped().size(), result.added(), result.failed());
    }
  }

  private static int size(List<?> list) {
    return list == null ? 0 : list.size();
  }

  @GET
  @Path("/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public ImageJson get(@PathParam("id") String id) throws IOException {
    return live.read(d -> d.index().get(id))
        .map(image -> ImageJson.of(image.image()))
        .orElseThrow(() -> new UnknownImageException(id));
  }

  @DELETE
  @RequiresApiKey
  @Path("/{id}")
  public Response delete(@PathParam("id") String id) throws IOException {
    if (!live.write(d -> d.collection().delete(id))) {
      throw new UnknownImageException(id);
    }
    return Response.noContent().build();
  }

  @GET
  @Path("/{id}/thumbnail")
  @Produces("image/png")
  public Response thumbnail(@PathParam("id") String id) throws IOException {
    byte[] png =
        live.read(d -> d.index().thumbnail(id)).orElseThrow(() -> new UnknownImageException(id));
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
    SearchParams params = query.params(components);
    SearchResponse response = live.read(d -> d.search().similar(id, params));
    metrics.record(response);
    return SearchJson.of(response);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}

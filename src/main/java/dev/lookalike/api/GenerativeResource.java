package dev.lookalike.api;

import dev.lookalike.app.Components;
import dev.lookalike.app.LiveDeployment;
import dev.lookalike.generative.Augmenter;
import dev.lookalike.generative.GenerativeModel;
import dev.lookalike.image.FloatImage;
import dev.lookalike.image.Thumbnailer;
import dev.lookalike.search.UnknownImageException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Generated images from the VAE: variants of an image, interpolations, samples from the prior.
 * Images come back as PNG data URLs, which an {@code <img>} shows as they are and curl users decode
 * with base64.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class GenerativeResource {

  /** The generated images, in order. */
  public record Generated(List<String> images) {}

  @Inject GenerativeModel generative;

  @Inject LiveDeployment live;

  @Inject Components components;

  @POST
  @Path("/augment")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Generated augment(
      @RestForm("image") FileUpload image,
      @QueryParam("n") @DefaultValue("8") int n,
      @QueryParam("temperature") @DefaultValue("1.0") float temperature,
      @QueryParam("seed") @DefaultValue("42") long seed) {
    Params.inRange("n", n, 1, Augmenter.MAX_IMAGES);
    Params.inRange("temperature", temperature, 0f, Augmenter.MAX_TEMPERATURE);
    Augmenter augmenter = generative.augmenter();
    FloatImage input =
        generative.pipeline().toInput(Uploads.read(image, "image", components.imageLimits()));
    return png(augmenter.augment(input, n, temperature, seed));
  }

  /** Interpolates between two uploaded images (multipart fields {@code a} and {@code b}). */
  @POST
  @Path("/interpolate")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Generated interpolate(
      @RestForm("a") FileUpload a,
      @RestForm("b") FileUpload b,
      @QueryParam("steps") @DefaultValue("8") int steps) {
    Params.inRange("steps", steps, 2, Augmenter.MAX_STEPS);
    Augmenter augmenter = generative.augmenter();
    FloatImage from = generative.pipeline().toInput(Uploads.read(a, "a", components.imageLimits()));
    FloatImage to = generative.pipeline().toInput(Uploads.read(b, "b", components.imageLimits()));
    return png(augmenter.interpolate(from, to, steps));
  }

  /** Interpolates between two indexed images. */
  @GET
  @Path("/interpolate")
  public Generated interpolate(
      @QueryParam("a") String a,
      @QueryParam("b") String b,
      @QueryParam("steps") @DefaultValue("8") int steps)
      throws IOException {
    required(a, "a");
    required(b, "b");
    Params.inRange("steps", steps, 2, Augmenter.MAX_STEPS);
    Augmenter augmenter = generative.augmenter();
    return png(augmenter.interpolate(indexed(a), indexed(b), steps));
  }

  @GET
  @Path("/sample")
  public Generated sample(
      @QueryParam("n") @DefaultValue("8") int n,
      @QueryParam("temperature") @DefaultValue("1.0") float temperature,
      @QueryParam("seed") @DefaultValue("42") long seed) {
    Params.inRange("n", n, 1, Augmenter.MAX_IMAGES);
    Params.inRange("temperature", temperature, 0f, Augmenter.MAX_TEMPERATURE);
    return png(generative.augmenter().sample(n, temperature, seed));
  }

  private static void required(String id, String field) {
    Params.required(id, "the query parameter '" + field + "' with an indexed image id is required");
  }

  private FloatImage indexed(String id) throws IOException {
    // The stored thumbnail is the indexed image at up to thumbnail size: enough for the VAE's
    // input.
    byte[] thumbnail =
        live.read(d -> d.index().thumbnail(id)).orElseThrow(() -> new UnknownImageException(id));
    return generative.pipeline().toInput(thumbnail);
  }

  private static Generated png(List<FloatImage> images) {
    Thumbnailer encoder = new Thumbnailer(Thumbnailer.LIMIT_MAX_SIDE);
    Base64.Encoder base64 = Base64.getEncoder();
    return new Generated(
        images.stream()
            .map(
                image ->
                    "data:image/png;base64,"
                        + base64.encodeToString(encoder.pngFromFloatImage(image)))
            .toList());
  }
}

package dev.lookalike.api;

import dev.lookalike.app.ReindexJob;
import dev.lookalike.collection.Snapshots;
import dev.lookalike.generative.GenerativeModelMissingException;
import dev.lookalike.image.DecoderBusyException;
import dev.lookalike.image.InvalidImageException;
import dev.lookalike.index.ModelMismatchException;
import dev.lookalike.index.NotSupportedByEngineException;
import dev.lookalike.search.UnknownImageException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns exceptions into problem documents. Only the typed refusals of client input answer 4xx;
 * never leaks class names, stack traces or a server fault's message to clients.
 */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  public Response invalidImage(InvalidImageException e) {
    return switch (e.reason()) {
      case EMPTY ->
          Problem.response(Status.BAD_REQUEST, "empty-image", "Empty image", e.getMessage());
      case UNDECODABLE ->
          Problem.response(
              Status.BAD_REQUEST, "undecodable-image", "Undecodable image", e.getMessage());
      case UNSUPPORTED_TYPE ->
          Problem.response(
              Status.UNSUPPORTED_MEDIA_TYPE,
              "unsupported-image-type",
              "Unsupported image type",
              e.getMessage());
      case TOO_LARGE ->
          Problem.response(
              Status.REQUEST_ENTITY_TOO_LARGE,
              "image-too-large",
              "Image too large",
              e.getMessage());
    };
  }

  @ServerExceptionMapper
  public Response badRequest(InvalidRequestException e) {
    return Problem.response(Status.BAD_REQUEST, "bad-request", "Bad request", e.getMessage());
  }

  @ServerExceptionMapper
  public Response unknownImage(UnknownImageException e) {
    return Problem.response(Status.NOT_FOUND, "unknown-image", "Unknown image", e.getMessage());
  }

  /**
   * The index holds another model's codes: a conflict with the server's state that the operator
   * resolves (the message says how and names no internals), not a fault of the request.
   */
  @ServerExceptionMapper
  public Response modelMismatch(ModelMismatchException e) {
    return Problem.response(Status.CONFLICT, "model-mismatch", "Model mismatch", e.getMessage());
  }

  /** The decode budget is spent: retry shortly (the header says when). */
  @ServerExceptionMapper
  public Response decoderBusy(DecoderBusyException e) {
    return Response.fromResponse(
            Problem.response(
                Status.SERVICE_UNAVAILABLE,
                "decoder-busy",
                "Too many pixels at once",
                e.getMessage()))
        .header("Retry-After", "1")
        .build();
  }

  /** A snapshot the server is not set up to take: the operator's to resolve, not a fault. */
  @ServerExceptionMapper
  public Response snapshotsOff(Snapshots.NotConfiguredException e) {
    return Problem.response(Status.CONFLICT, "snapshots-off", "Snapshots are off", e.getMessage());
  }

  /** A second reindex while one runs. */
  @ServerExceptionMapper
  public Response reindexRunning(ReindexJob.AlreadyRunningException e) {
    return Problem.response(
        Status.CONFLICT, "reindex-running", "A reindex is running", e.getMessage());
  }

  /** An engine that is backed up by its own means (the cluster's snapshot API). */
  @ServerExceptionMapper
  public Response notThisEngine(NotSupportedByEngineException e) {
    return Problem.response(
        Status.CONFLICT, "not-supported-here", "Not supported by this engine", e.getMessage());
  }

  @ServerExceptionMapper
  public Response noGenerativeModel(GenerativeModelMissingException e) {
    return Problem.response(
        Status.SERVICE_UNAVAILABLE, "no-generative-model", "No generative model", e.getMessage());
  }

  /** The framework's own refusals (unknown path, unparsable parameter); 5xx stay generic. */
  @ServerExceptionMapper
  public Response web(WebApplicationException e) {
    Status status = Status.fromStatusCode(e.getResponse().getStatus());
    if (status == null) {
      return e.getResponse();
    }
    if (status.getFamily() == Status.Family.SERVER_ERROR) {
      return unexpected(e);
    }
    return Problem.response(
        status, "http-" + status.getStatusCode(), status.getReasonPhrase(), e.getMessage());
  }

  /**
   * Everything else is a server fault, whatever its type (an {@link IllegalArgumentException} from
   * inside is a bug or a bad configuration, not a bad request): logged once with its cause, and
   * answered without its message, which may name files, classes or internals.
   */
  @ServerExceptionMapper
  public Response unexpected(Exception e) {
    LOG.error("Request failed with a server fault", e);
    return Problem.response(
        Status.INTERNAL_SERVER_ERROR,
        "internal-error",
        "Internal error",
        "the server could not complete the request; see its log");
  }
}

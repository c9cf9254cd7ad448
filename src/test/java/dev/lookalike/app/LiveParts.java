package dev.lookalike.app;

import dev.lookalike.encoder.CodeModel;
import dev.lookalike.image.ImagePipeline;
import dev.lookalike.index.ImageIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;

/**
 * For tests: the parts of the deployment live when a test is set up, injectable one by one. The
 * server itself reaches them only through {@link LiveDeployment}, which a reindex may switch.
 */
@ApplicationScoped
public class LiveParts {

  @Produces
  @Dependent
  ImageIndex index(LiveDeployment live) throws IOException {
    return live.read(Deployment::index);
  }

  @Produces
  @Dependent
  CodeModel model(LiveDeployment live) throws IOException {
    return live.read(Deployment::model);
  }

  @Produces
  @Dependent
  ImagePipeline pipeline(LiveDeployment live) throws IOException {
    return live.read(Deployment::pipeline);
  }
}

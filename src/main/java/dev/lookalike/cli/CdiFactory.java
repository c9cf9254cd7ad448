package dev.lookalike.cli;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import picocli.CommandLine;

/** Lets picocli create commands as CDI beans, so they get configuration injected. */
@ApplicationScoped
class CdiFactory {

  @Produces
  CommandLine.IFactory factory() {
    CommandLine.IFactory fallback = CommandLine.defaultFactory();
    return new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> type) throws Exception {
        InstanceHandle<K> bean = Arc.container().instance(type);
        return bean.isAvailable() ? bean.get() : fallback.create(type);
      }
    };
  }
}

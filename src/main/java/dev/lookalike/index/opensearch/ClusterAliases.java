package dev.lookalike.index.opensearch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.indices.update_aliases.Action;

/**
 * The configured index name as an alias: Lookalike creates {@code NAME-<fingerprint>} with the
 * alias {@code NAME}, opens the index the alias names (so an open index never moves under its
 * reader), and a reindex moves the alias to the new model's index in one atomic {@code _aliases}
 * call.
 */
final class ClusterAliases {

  /** Characters of the model fingerprint in a concrete index name. */
  private static final int FINGERPRINT_CHARS = 12;

  private ClusterAliases() {}

  /**
   * The concrete index for {@code alias}'s codes of the model with {@code fingerprint} (a hex
   * digest; anything an index name cannot hold is replaced).
   */
  static String concreteName(String alias, String fingerprint) {
    String prefix = fingerprint.substring(0, Math.min(FINGERPRINT_CHARS, fingerprint.length()));
    return alias + "-" + prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "_");
  }

  /**
   * The index {@code name} stands for: the one index an alias of that name points to, or {@code
   * name} itself (an index made before aliases, or none yet).
   *
   * @throws IllegalStateException when the alias points to several indexes
   */
  static String resolve(OpenSearchClient client, String name, Retries retries) throws IOException {
    Set<String> indexes = aliased(client, name, retries);
    if (indexes.size() > 1) {
      throw new IllegalStateException(
          "OpenSearch alias "
              + name
              + " points to "
              + indexes.size()
              + " indexes "
              + indexes
              + "; Lookalike reads one: point it to one of them");
    }
    return indexes.isEmpty() ? name : indexes.iterator().next();
  }

  /**
   * Points {@code alias} to {@code target} alone, atomically: searches see the old index or the new
   * one, never neither. When {@code alias} is still the name of an index (made before aliases),
   * that index is removed in the same call, since a name cannot be both.
   *
   * @return the index the alias stood for before, kept unless it was an index of that name
   */
  static String move(OpenSearchClient client, String alias, String target, Retries retries)
      throws IOException {
    Set<String> before = aliased(client, alias, retries);
    List<Action> actions = new ArrayList<>();
    actions.add(Action.of(a -> a.add(add -> add.index(target).alias(alias))));
    for (String old : before) {
      if (!old.equals(target)) {
        actions.add(Action.of(a -> a.remove(remove -> remove.index(old).alias(alias))));
      }
    }
    boolean legacy =
        before.isEmpty()
            && retries.call(() -> client.indices().exists(e -> e.index(alias)).value());
    if (legacy) {
      actions.add(Action.of(a -> a.removeIndex(remove -> remove.index(alias))));
    }
    retries.call(() -> client.indices().updateAliases(u -> u.actions(actions)));
    return before.isEmpty() ? alias : before.iterator().next();
  }

  private static Set<String> aliased(OpenSearchClient client, String name, Retries retries)
      throws IOException {
    if (!retries.call(() -> client.indices().existsAlias(e -> e.name(name)).value())) {
      return Set.of();
    }
    return retries.call(() -> client.indices().getAlias(g -> g.name(name))).result().keySet();
  }
}

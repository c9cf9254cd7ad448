package dev.lookalike.collection;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The ids that adds and deletes touched while a reindex was building, so that the switch can carry
 * them over ({@link Reindex#catchUp}). Records nothing until {@link #start}.
 */
public final class ChangeLog {

  private Set<String> changed;

  /** Starts recording, forgetting anything recorded before. */
  public synchronized void start() {
    changed = new HashSet<>();
  }

  /** Records that an image was added, replaced or deleted; ignored unless recording. */
  public synchronized void changed(String id) {
    if (changed != null) {
      changed.add(id);
    }
  }

  /** Records several changed ids. */
  public synchronized void changed(List<String> ids) {
    if (changed != null) {
      changed.addAll(ids);
    }
  }

  /** The ids recorded since {@link #start}, and stops recording. */
  public synchronized Set<String> stop() {
    Set<String> recorded = changed == null ? Set.of() : Set.copyOf(changed);
    changed = null;
    return recorded;
  }
}

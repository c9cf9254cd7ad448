/**
 * The scale-out engine: {@link dev.lookalike.index.ImageIndex} on an OpenSearch cluster with the
 * k-NN plugin, through the official Java client. Same schema, same modes, same contract as the
 * embedded index; the cluster's shards and replicas replace one process's directory.
 */
package dev.lookalike.index.opensearch;

/**
 * Grading across machines: {@code grade --shard K/N} grades a fixed share of the submissions and
 * leaves a {@link org.topograd.shard.ShardManifest} beside its reports; {@code merge} checks that
 * the shards fit together and combines their reports into the folder a single machine would have
 * written.
 */
package org.topograd.shard;

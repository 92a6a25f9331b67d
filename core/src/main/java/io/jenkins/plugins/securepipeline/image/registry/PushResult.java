package io.jenkins.plugins.securepipeline.image.registry;

import io.jenkins.plugins.securepipeline.image.Digest;

/**
 * What a push did. {@code digest} is the digest of the manifest bytes that were pushed <em>and</em> read back
 * from the registry under the tag; only this digest may be signed.
 *
 * @param blobsSkipped blobs the repository already had, or that were mounted from another repository
 */
public record PushResult(String reference, Digest digest, int blobsPushed, int blobsSkipped, long bytesPushed) {}

/**
 * Trail integrity (証跡の完全性): CloudTrail log files checked against the signed digest files CloudTrail delivers
 * beside them, as AWS documents the check ("Custom implementations of CloudTrail log file integrity validation").
 * {@code digest} reads digest files, {@code signature} verifies their RSA signatures with CloudTrail's public keys,
 * {@code check} judges each hour of a stream, {@code store} keeps the results and the keys; the command
 * {@code verify-trail} and the nightly stage {@code trail-integrity} run it.
 */
package jp.govcloudops.integrity;

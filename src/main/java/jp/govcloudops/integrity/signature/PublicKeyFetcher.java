package jp.govcloudops.integrity.signature;

import java.time.Instant;
import java.util.List;

/** Asks AWS for the public keys CloudTrail used in a region and time range. */
public interface PublicKeyFetcher {

    List<PublicKeyEntry> fetch(String region, Instant from, Instant to);
}

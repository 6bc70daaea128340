package dev.cam.relay.server;

/**
 * A snapshot of the relay's counters. No payload, header or address appears here.
 *
 * @param servers registered server links
 * @param webSocketLinks how many of them link over a WebSocket (servers of the first release)
 * @param streams open client streams across all servers
 * @param bufferedBytes bytes held in stream buffers now
 * @param peakBufferedBytes the most bytes ever held at once
 * @param reservedBytes bytes reserved by open streams (the upper bound of buffered bytes)
 * @param budgetBytes the configured buffer budget
 * @param refusedRegistrations registrations refused since start
 */
public record RelayMetrics(
    int servers,
    int webSocketLinks,
    int streams,
    long bufferedBytes,
    long peakBufferedBytes,
    long reservedBytes,
    long budgetBytes,
    long refusedRegistrations) {

  /** Renders the snapshot as a small JSON object. */
  public String toJson() {
    return String.format(
        "{\"servers\":%d,\"webSocketLinks\":%d,\"streams\":%d,\"bufferedBytes\":%d,\"peakBufferedBytes\":%d,"
            + "\"reservedBytes\":%d,\"budgetBytes\":%d,\"refusedRegistrations\":%d}",
        servers,
        webSocketLinks,
        streams,
        bufferedBytes,
        peakBufferedBytes,
        reservedBytes,
        budgetBytes,
        refusedRegistrations);
  }
}

package dev.cam.relay.server;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The registered server links by server id; a new registration replaces the old at once. */
final class ServerRegistry {
  private final Map<String, LinkSession> links = new ConcurrentHashMap<>();

  void register(LinkSession link) {
    LinkSession old = links.put(link.serverId(), link);
    if (old != null && old != link) {
      old.replaced();
    }
  }

  void remove(LinkSession link) {
    links.remove(link.serverId(), link);
  }

  LinkSession find(String serverId) {
    return links.get(serverId);
  }

  Collection<LinkSession> all() {
    return links.values();
  }

  int size() {
    return links.size();
  }

  int webSocketLinks() {
    return (int) links.values().stream().filter(LinkSession::overWebSocket).count();
  }

  int streams() {
    return links.values().stream().mapToInt(LinkSession::streamCount).sum();
  }
}

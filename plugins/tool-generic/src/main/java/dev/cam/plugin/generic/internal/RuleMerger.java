package dev.cam.plugin.generic.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Lays a user's rules file over a tool's built-in one (see docs/tool-rules.md): tables merge key by
 * key, rule lists ({@code state}, {@code prompt}, {@code failure}, {@code screen.ready/busy/
 * completed}) put the user's entries first and drop built-in entries the user names again, other
 * values are replaced, and sections named in {@code replace} are taken from the user file alone.
 */
public final class RuleMerger {
  private static final Set<String> RULE_LISTS =
      Set.of("state", "prompt", "failure", "screen.ready", "screen.busy", "screen.completed");

  public ObjectNode merge(ObjectNode base, ObjectNode user) {
    Set<String> replace = new HashSet<>();
    user.path("replace").forEach(n -> replace.add(n.asText()));
    ObjectNode merged = base.deepCopy();
    merged.remove("replace");
    mergeInto(merged, user, "", replace);
    merged.remove("replace");
    return merged;
  }

  private void mergeInto(ObjectNode target, ObjectNode over, String prefix, Set<String> replace) {
    for (Map.Entry<String, JsonNode> e : over.properties()) {
      String key = prefix + e.getKey();
      JsonNode mine = target.get(e.getKey());
      JsonNode theirs = e.getValue();
      if (replace.contains(key) || mine == null) {
        target.set(e.getKey(), theirs.deepCopy());
      } else if (mine.isObject() && theirs.isObject()) {
        mergeInto((ObjectNode) mine, (ObjectNode) theirs, key + ".", replace);
      } else if (RULE_LISTS.contains(key) && mine.isArray() && theirs.isArray()) {
        target.set(e.getKey(), rules((ArrayNode) mine, (ArrayNode) theirs));
      } else {
        target.set(e.getKey(), theirs.deepCopy());
      }
    }
  }

  private static ArrayNode rules(ArrayNode base, ArrayNode user) {
    ArrayNode out = user.arrayNode();
    Set<String> named = new HashSet<>();
    for (JsonNode rule : user) {
      if (rule.hasNonNull("name")) {
        named.add(rule.get("name").asText());
      }
      if (rule.path("enabled").asBoolean(true)) {
        out.add(rule.deepCopy());
      }
    }
    for (JsonNode rule : base) {
      if (!rule.hasNonNull("name") || !named.contains(rule.get("name").asText())) {
        out.add(rule.deepCopy());
      }
    }
    return out;
  }
}

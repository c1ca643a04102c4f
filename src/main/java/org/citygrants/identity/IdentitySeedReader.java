package org.citygrants.identity;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.io.Resource;

/** Reads and checks an {@link IdentitySeed} YAML file. */
public final class IdentitySeedReader {

  private static final ObjectMapper YAML = YAMLMapper.builder()
      .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // a typo must not pass silently
      .build();

  private IdentitySeedReader() {}

  public static IdentitySeed read(Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      return validate(YAML.readValue(in, IdentitySeed.class), resource.getDescription());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read identity seed " + resource.getDescription(), e);
    }
  }

  /** Fails on references to undeclared groups, so a misspelt group shows at start-up. */
  static IdentitySeed validate(IdentitySeed seed, String source) {
    Set<String> groups = new HashSet<>();
    seed.groups().forEach(g -> groups.add(g.id()));
    List<String> problems = new ArrayList<>();
    seed.users().forEach(u -> u.groups().stream().filter(g -> !groups.contains(g))
        .forEach(g -> problems.add("user " + u.id() + ": unknown group " + g)));
    seed.authorizations().forEach(a -> {
      a.groups().stream().filter(g -> !groups.contains(g))
          .forEach(g -> problems.add("authorization on " + a.resource() + ": unknown group " + g));
      if (a.resource().isEmpty() || a.permissions().isEmpty()) {
        problems.add("authorization for " + a.groups() + a.users() + ": resource and permissions are required");
      }
    });
    seed.filters().forEach(f -> {
      f.sharedWith().stream().filter(g -> !IdentitySeed.ANY.equals(g) && !groups.contains(g))
          .forEach(g -> problems.add("filter " + f.name() + ": unknown group " + g));
      if (f.forEachMemberOf() != null && !groups.contains(f.forEachMemberOf())) {
        problems.add("filter " + f.name() + ": unknown group " + f.forEachMemberOf());
      }
    });
    if (!problems.isEmpty()) {
      throw new IllegalStateException("identity seed " + source + " is inconsistent: " + problems);
    }
    return seed;
  }
}

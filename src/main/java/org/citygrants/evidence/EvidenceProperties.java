package org.citygrants.evidence;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Evidence files under {@code grant.evidence}: the largest file accepted ({@code max-size}, 20MB by
 * default) and the steps (user task ids) that cannot be completed before at least one file is
 * attached to them ({@code required-steps}, the procurement plan by default; empty for none).
 */
@ConfigurationProperties(prefix = "grant.evidence")
public record EvidenceProperties(DataSize maxSize, List<String> requiredSteps) {

  public static final DataSize DEFAULT_MAX_SIZE = DataSize.ofMegabytes(20);

  public EvidenceProperties {
    maxSize = maxSize == null ? DEFAULT_MAX_SIZE : maxSize;
    requiredSteps = requiredSteps == null ? List.of()
        : requiredSteps.stream().map(String::trim).filter(step -> !step.isEmpty()).toList();
  }

  public Set<String> requiredStepSet() {
    return Set.copyOf(requiredSteps);
  }
}

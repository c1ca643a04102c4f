package org.citygrants.experiment;

/** How the ledger names the money committed to an experiment, and the spending reported against it. */
final class ExperimentCommitments {

  private ExperimentCommitments() {}

  /** The ledger key of an experiment's commitment, e.g. {@code LYON-2026:experiment-1}. */
  static String key(String grantReference, long experimentNumber) {
    return grantReference + ":experiment-" + experimentNumber;
  }
}

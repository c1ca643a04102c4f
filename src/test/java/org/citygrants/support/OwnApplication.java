package org.citygrants.support;

/**
 * The tag of the test classes that start an application of their own: a Spring context with
 * settings of its own (mail, the cohort view's empty database, PostgreSQL), an embedded
 * PostgreSQL, or the packaged jar as separate processes (the cluster and crash test). They run in
 * the integration-test phase (Failsafe), beside the cluster test, which keeps one core busy for
 * about a minute and a half and leaves the other mostly idle; the unit and shared-application
 * tests run before them (Surefire). See the README, "Tests".
 */
public final class OwnApplication {

  public static final String TAG = "own-application";

  private OwnApplication() {
  }
}
